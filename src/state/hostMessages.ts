/**
 * The page that embeds the app drives it by postMessage, with the calls of window.subnetLab:
 *   host → app  { type: "subnetlab:call", id, method, args }
 *   app → host  { type: "subnetlab:result", id, result } or { type: "subnetlab:error", id, error }
 * sent once the call's work is done (step answers when its rounds are trained), to the sender's origin only; and
 * events to the parent frame, { type: "subnetlab:event", event, data }: `ready` once, `round` at most four times a
 * second, `goal` when a lesson step's goal is reached, `size` with the content's height, `key` for a key the embed
 * leaves to its host (a slide deck's). Only messages whose type starts
 * with "subnetlab:" are read (a host's own traffic is ignored); a malformed one is answered with an error and changes
 * nothing. Nothing from a message is ever inserted as HTML.
 */
import { MAX_LESSON_BYTES } from '../core/lessons/format';
import type { SubnetLabApi } from './automation';
import type { LessonClient } from './lessonClient';
import { useLesson } from './lessonStore';
import { useRun } from './store';

type Args = unknown[];

/** The shortest time between two round events. */
const ROUND_MS = 250;

/** Each method a host may call, and how its arguments are checked (a message in words when they are wrong). */
const METHODS: Record<string, (args: Args) => string | null> = {
  config: none,
  backend: none,
  metrics: none,
  compare: none,
  compareMetrics: none,
  messages: none,
  status: none,
  play: none,
  pause: none,
  tensorCount: none,
  lesson: none,
  step: (a) =>
    a.length === 1 && Number.isInteger(a[0]) && (a[0] as number) >= 0 && (a[0] as number) <= 1e6
      ? null
      : 'step takes one whole number of rounds from 0 to 1000000',
  setConfig: (a) =>
    a.length === 1 && typeof a[0] === 'string' && a[0].length <= 8192
      ? null
      : 'setConfig takes one query string (at most 8192 characters)',
  openLesson: (a) =>
    a.length === 1 && typeof a[0] === 'string' && a[0].length <= MAX_LESSON_BYTES
      ? null
      : `openLesson takes one lesson file's text (at most ${MAX_LESSON_BYTES / 1024} KB)`,
};

function none(a: Args): string | null {
  return a.length === 0 ? null : 'this method takes no arguments';
}

const isId = (v: unknown): v is number | string =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 100);

/** The app's own messages to a host: never calls, so a host that echoes them back gets no answer (and no loop). */
const OUTBOUND = ['subnetlab:result', 'subnetlab:error', 'subnetlab:event'];

/**
 * Whether a message is addressed to the app: an object whose `type` starts with "subnetlab:" and is not one of the
 * app's own replies. A host page posts its own traffic into frames (a reveal.js deck sends the strings "slide:start"
 * and "slide:stop" to every embedded frame); those are not the app's to answer.
 */
export function addressedToApp(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as Record<string, unknown>).type;
  return typeof type === 'string' && type.startsWith('subnetlab:') && !OUTBOUND.includes(type);
}

/**
 * The call a message holds, why it holds none (a malformed message addressed to the app), or null for a message that
 * is not addressed to the app at all (ignored without a word).
 */
export function readCall(
  data: unknown,
): { id: number | string; method: string; args: Args } | { id: number | string | null; error: string } | null {
  if (!addressedToApp(data)) return null;
  const m = data as Record<string, unknown>;
  const id = isId(m.id) ? m.id : null;
  if (m.type !== 'subnetlab:call') return { id, error: 'type must be "subnetlab:call"' };
  if (id === null) return { id, error: 'id must be a number or a short string' };
  if (typeof m.method !== 'string' || !Object.hasOwn(METHODS, m.method))
    return { id, error: `unknown method; the methods are ${Object.keys(METHODS).join(', ')}` };
  const args = m.args === undefined ? [] : m.args;
  if (!Array.isArray(args)) return { id, error: 'args must be a list' };
  const bad = METHODS[m.method](args);
  return bad ? { id, error: bad } : { id, method: m.method, args };
}

/**
 * Hands a key the app does not take to the page that frames it, as `{ type: "subnetlab:event", event: "key", data }`
 * (data: key, code, keyCode, shiftKey, altKey): a slide deck forwards it to its own keys (README: slide decks).
 */
export function sendKeyToHost(e: KeyboardEvent): void {
  if (window.parent === window) return;
  const data = { key: e.key, code: e.code, keyCode: e.keyCode, shiftKey: e.shiftKey, altKey: e.altKey };
  window.parent.postMessage({ type: 'subnetlab:event', event: 'key', data }, '*');
}

/** Makes any result cloneable for postMessage (typed arrays and plain data pass; undefined becomes null). */
const cloneable = (v: unknown) => (v === undefined ? null : v);

/** Listens to the host page; `onCall` runs before every well-formed call (a call starts an embed's engine). */
export function listenToHost(api: SubnetLabApi, lessons: LessonClient, onCall: () => void = () => undefined): void {
  const parent = window.parent !== window ? window.parent : null;
  window.addEventListener('message', (e: MessageEvent) => {
    if (!e.source || e.source === window) return;
    const source = e.source as Window;
    const target = e.origin && e.origin !== 'null' ? e.origin : '*';
    const call = readCall(e.data);
    if (!call) return;
    if (!('error' in call)) onCall();
    if ('error' in call) {
      source.postMessage({ type: 'subnetlab:error', id: call.id, error: call.error }, target);
      return;
    }
    const f = api[call.method as keyof SubnetLabApi] as (...a: unknown[]) => unknown;
    Promise.resolve()
      .then(() => f(...call.args))
      .then(
        (result) => source.postMessage({ type: 'subnetlab:result', id: call.id, result: cloneable(result) }, target),
        (err: unknown) =>
          source.postMessage(
            { type: 'subnetlab:error', id: call.id, error: err instanceof Error ? err.message : String(err) },
            target,
          ),
      );
  });
  if (!parent) return;
  const send = (event: string, data: unknown) => parent.postMessage({ type: 'subnetlab:event', event, data }, '*');
  // ready: once the engine has started (or could not).
  let ready = false;
  let lastRound = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // round: the latest round, at most every ROUND_MS (a trailing send, so the last round always arrives).
  const sendRound = () => {
    timer = null;
    const s = useRun.getState();
    const round = s.history.round.at(-1) ?? 0;
    if (round === lastRound) return;
    lastRound = round;
    send('round', { round, err: s.history.err.at(-1) ?? null, status: s.status });
  };
  useRun.subscribe((s) => {
    if (!ready && s.status !== 'starting') {
      ready = true;
      send('ready', { status: s.status });
    }
    if (!timer && (s.history.round.at(-1) ?? 0) !== lastRound) timer = setTimeout(sendRound, ROUND_MS);
  });
  lessons.onGoal((step) => send('goal', { lesson: useLesson.getState().lesson?.id ?? null, step }));
  let height = 0;
  new ResizeObserver(() => {
    const h = document.documentElement.scrollHeight;
    if (h !== height) send('size', { height: (height = h) });
  }).observe(document.body);
}
