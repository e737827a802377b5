/**
 * The lesson file format, `subnet-lab-lesson/1`: a lesson is a title, a summary and 1–30 steps; a step is a link
 * (a view and its configuration), text in Markdown, the panel it talks about, a goal checked live, the solution that
 * reaches it, a question with its answer, and the controls it holds fixed and the panels it hides (`lock`, `hide`:
 * optional, so every file written before them reads as it did). `parseLesson` validates a file completely or refuses
 * it with one message that names the step and the field; it never throws.
 */
import { linkProblems, readLink, viewKeys, type ViewName } from '../link';
import { isPanel, type PanelName, PANELS } from '../panels';
import { showRaw } from '../table';
import { type Condition, type Goal, GOAL_METRICS, type GoalMetric, type Op, OPS } from './goals';

export const LESSON_FORMAT = 'subnet-lab-lesson/1';
/** The largest lesson file accepted, in bytes of its text. */
export const MAX_LESSON_BYTES = 256 * 1024;
export const MAX_STEPS = 30;
const MAX_TEXT = 20_000;

export interface Step {
  title: string;
  text: string;
  /** The step's view and configuration, as a link's query string (no leading "?"). */
  link: string;
  focus: PanelName | null;
  /** The control the task is about (a setting of the step's view, or `play`): highlighted and brought on screen. */
  control: string | null;
  goal: Goal | null;
  /** Settings that reach the goal, applied over the link (a query string; "" = train the link as it is). */
  solution: string | null;
  question: { text: string; answer: string } | null;
  /** Controls the student may not change in this step (shown disabled, "fixed in this step"); empty: none. */
  lock: string[];
  /** Panels of the step's view not shown in this step; empty: none. */
  hide: PanelName[];
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  steps: Step[];
}

export type LessonResult = { ok: true; lesson: Lesson } | { ok: false; error: string };

class Refusal extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(obj: Record<string, unknown>, key: string, where: string, required = true): string | null {
  const v = obj[key];
  if (v === undefined && !required) return null;
  if (typeof v !== 'string' || !v.trim()) throw new Refusal(`${where}: "${key}" must be a non-empty string.`);
  if (v.length > MAX_TEXT) throw new Refusal(`${where}: "${key}" is longer than ${MAX_TEXT} characters.`);
  return v;
}

function only(obj: Record<string, unknown>, keys: string[], where: string): void {
  const extra = Object.keys(obj).find((k) => !keys.includes(k));
  if (extra !== undefined)
    throw new Refusal(`${where}: "${showRaw(extra)}" is not a field (fields: ${keys.join(', ')}).`);
}

/** Keys of an address that belong to the address, not to a step: a lesson step's own place. */
const ADDRESS_ONLY = ['lesson', 'step'];
const QUERY_ONLY = 'give the query string only, e.g. "scheme=ist&p=4"';

/**
 * The query string a link or solution field holds: a query string ("scheme=ist&p=4", a leading "?" allowed), or a
 * full address whose query is taken (a lecturer pastes what the address bar shows); `address` says which it was.
 */
function queryOf(raw: string, where: string): { query: string; address: boolean } {
  const q = raw.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(q)) return { query: q.replace(/^\?/, ''), address: false };
  let params: URLSearchParams | null = null;
  try {
    params = new URL(q).searchParams;
  } catch {
    /* not an address either: refused below */
  }
  for (const k of ADDRESS_ONLY) params?.delete(k);
  const query = (params?.toString() ?? '').replace(/%2C/g, ',').replace(/%3A/g, ':');
  if (!query) throw new Refusal(`${where}: the address holds no settings; ${QUERY_ONLY}.`);
  return { query, address: true };
}

/** The refusal for a field whose link would not open as written (for a full address: take the query string only). */
function corrected(where: string, problem: string, address: boolean): Refusal {
  return new Refusal(
    address
      ? `${where}: a full address is taken only when it is a link of this app, and this one would be corrected (${problem.replace(/\.$/, '')}); ${QUERY_ONLY}.`
      : `${where}: the link would be corrected: ${problem}`,
  );
}

/** The query string of a link field; it must open exactly as written. */
function linkField(raw: string, where: string): string {
  const { query, address } = queryOf(raw, where);
  const problems = linkProblems(query);
  if (problems.length) throw corrected(where, problems[0], address);
  return query;
}

/** Where a JSON syntax error is, as a line and column (from the parser's character position), with the line's text. */
function jsonErrorAt(source: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const at = /position (\d+)/.exec(message);
  const what = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  if (!at) return message;
  const pos = Math.min(Number(at[1]), source.length);
  const before = source.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const text = source.split('\n')[line - 1] ?? '';
  return `line ${line}, column ${column}: ${what}, at "${showRaw(text.trim())}"`;
}

/** The controls a step can name: its view's settings, and Play (the training view's run buttons). */
export function stepControls(view: ViewName): string[] {
  return view === 'train' ? ['play', ...viewKeys(view)] : viewKeys(view);
}

/**
 * The controls a step can hold fixed (`lock`): those its view marks with data-control and can show disabled — Play
 * (with Step and Reset) and the pace, the scheme and the settings of the training view; the phase diagram's settings;
 * AltMin's settings.
 */
export const LOCKABLE: Record<ViewName, readonly string[]> = {
  train: [
    'play',
    'speed',
    'scheme',
    'm',
    'xi',
    'p',
    'tau',
    'eta',
    'kappa',
    'n',
    'd',
    'ratio',
    'mask',
    'aggregate',
    'act',
    'layers',
    'init',
    'data',
    'seed',
    'inputmask',
    'nu',
    'split',
  ],
  regimes: ['setting', 'ns', 'ms', 'seeds', 'rounds', 'eps', 'show'],
  altmin: ['model', 'd', 'k', 'n', 'gamma', 'start', 'delta0', 'iters', 'gdIters', 'eta', 'seed'],
};

/** The panel that holds a view's controls (hiding it hides every control of the view). */
export const CONTROLS_PANEL: Record<ViewName, PanelName | null> = { train: 'controls', regimes: 'phase', altmin: null };

/** The step's link with the solution's keys set over it. */
export function solvedLink(link: string, solution: string): string {
  const merged = new URLSearchParams(link);
  for (const [k, v] of new URLSearchParams(solution.replace(/^\?/, ''))) merged.set(k, v);
  return merged.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

function condition(raw: unknown, view: ViewName, where: string): Condition {
  if (!isObject(raw))
    throw new Refusal(`${where}: a condition must be an object such as { "metric": "err", "lt": 0.1 }.`);
  only(raw, ['metric', 'config', 'run', ...OPS], where);
  const ops = OPS.filter((o) => o in raw);
  if (ops.length !== 1) throw new Refusal(`${where}: give exactly one of ${OPS.join(', ')}.`);
  const op: Op = ops[0];
  const value = raw[op];
  if (!(typeof value === 'number' && Number.isFinite(value)) && typeof value !== 'string')
    throw new Refusal(`${where}.${op}: must be a finite number or a string.`);
  if (typeof value === 'string' && op !== 'eq')
    throw new Refusal(`${where}.${op}: a string can only be compared with eq.`);
  const run = raw.run === undefined ? 1 : raw.run;
  if (typeof run !== 'number' || !Number.isInteger(run) || run < 1 || run > 4)
    throw new Refusal(`${where}.run: must be a whole number from 1 (the main run) to 4.`);
  if ((raw.metric === undefined) === (raw.config === undefined))
    throw new Refusal(`${where}: name either a "metric" or a "config" key.`);
  if (raw.metric !== undefined) {
    const m = raw.metric;
    if (typeof m !== 'string' || !(m in GOAL_METRICS))
      throw new Refusal(
        `${where}.metric: "${showRaw(m)}" is not a metric (known: ${Object.keys(GOAL_METRICS).join(', ')}).`,
      );
    const metricView = GOAL_METRICS[m as GoalMetric].view;
    if (metricView !== view)
      throw new Refusal(`${where}.metric: ${m} is measured in the ${metricView} view, not ${view}.`);
    return { metric: m as GoalMetric, run, op, value };
  }
  const key = raw.config;
  const keys = viewKeys(view);
  if (typeof key !== 'string' || !keys.includes(key))
    throw new Refusal(`${where}.config: "${showRaw(key)}" is not a configuration key of the ${view} view.`);
  return { config: key, run, op, value };
}

function goal(raw: unknown, view: ViewName, where: string): Goal {
  if (!isObject(raw)) throw new Refusal(`${where}: must be an object with "text" and "all" or "any".`);
  only(raw, ['text', 'all', 'any'], where);
  const mode = 'all' in raw ? 'all' : 'any' in raw ? 'any' : null;
  if (!mode || ('all' in raw && 'any' in raw)) throw new Refusal(`${where}: give exactly one of "all" and "any".`);
  const list = raw[mode];
  if (!Array.isArray(list) || list.length === 0 || list.length > 10)
    throw new Refusal(`${where}.${mode}: must be a list of 1 to 10 conditions.`);
  return {
    text: text(raw, 'text', where) as string,
    mode,
    conditions: list.map((c, i) => condition(c, view, `${where}.${mode}[${i}]`)),
  };
}

/** A list field of names (`lock`, `hide`): each one known, none twice; absent: empty. */
function names(raw: unknown, where: string, example: string, known: (name: string) => string | null): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > 40)
    throw new Refusal(`${where}: must be a list of names such as ${example}.`);
  return raw.map((v, k) => {
    if (typeof v !== 'string') throw new Refusal(`${where}[${k}]: must be a name such as ${example}.`);
    const why = known(v);
    if (why) throw new Refusal(`${where}[${k}]: "${showRaw(v)}" ${why}.`);
    if (raw.indexOf(v) !== k) throw new Refusal(`${where}[${k}]: "${showRaw(v)}" is listed twice.`);
    return v;
  });
}

function lockField(raw: unknown, view: ViewName, control: string | null, where: string): string[] {
  const lockable = LOCKABLE[view];
  const lock = names(raw, where, '["xi", "p"]', (v) =>
    lockable.includes(v) ? null : `is not a control the ${view} view can fix (controls: ${lockable.join(', ')})`,
  );
  if (control !== null && lock.includes(control))
    throw new Refusal(`${where}: "${control}" is the step's control (field "control"), which its task changes.`);
  return lock;
}

function hideField(raw: unknown, view: ViewName, focus: PanelName | null, control: string | null, where: string) {
  const hide = names(raw, where, '["ntk", "theory"]', (v) =>
    !isPanel(v)
      ? `is not a panel (panels: ${Object.keys(PANELS).join(', ')})`
      : PANELS[v] !== view
        ? `is a panel of the ${PANELS[v]} view, not ${view}`
        : null,
  ) as PanelName[];
  if (focus !== null && hide.includes(focus))
    throw new Refusal(`${where}: "${focus}" is the step's focus (field "focus"), which it cannot hide.`);
  const holder = CONTROLS_PANEL[view];
  if (control !== null && holder !== null && hide.includes(holder))
    throw new Refusal(`${where}: "${holder}" holds the step's control "${control}" (field "control").`);
  return hide;
}

function step(raw: unknown, i: number): Step {
  const where = `step ${i + 1}`;
  if (!isObject(raw)) throw new Refusal(`${where}: must be an object.`);
  only(raw, ['title', 'text', 'link', 'focus', 'control', 'goal', 'solution', 'question', 'lock', 'hide'], where);
  const title = text(raw, 'title', where) as string;
  const body = text(raw, 'text', where) as string;
  if (typeof raw.link !== 'string')
    throw new Refusal(`${where}: "link" must be a query string such as "scheme=gd&m=1024".`);
  const link = linkField(raw.link, `${where}, field "link"`);
  const view = readLink(link).view;
  let focus: PanelName | null = null;
  if (raw.focus !== undefined) {
    if (typeof raw.focus !== 'string' || !isPanel(raw.focus))
      throw new Refusal(
        `${where}, field "focus": "${showRaw(raw.focus)}" is not a panel (panels: ${Object.keys(PANELS).join(', ')}).`,
      );
    focus = raw.focus as PanelName;
    if (PANELS[focus] !== view)
      throw new Refusal(`${where}, field "focus": the ${focus} panel is in the ${PANELS[focus]} view, not ${view}.`);
  }
  let control: string | null = null;
  if (raw.control !== undefined) {
    const controls = stepControls(view);
    if (typeof raw.control !== 'string' || !controls.includes(raw.control))
      throw new Refusal(
        `${where}, field "control": "${showRaw(raw.control)}" is not a control of the ${view} view (controls: ${controls.join(', ')}).`,
      );
    control = raw.control;
  }
  const lock = lockField(raw.lock, view, control, `${where}, field "lock"`);
  const hide = hideField(raw.hide, view, focus, control, `${where}, field "hide"`);
  const g = raw.goal === undefined ? null : goal(raw.goal, view, `${where}, field "goal"`);
  let solution: string | null = null;
  if (raw.solution !== undefined) {
    if (typeof raw.solution !== 'string') throw new Refusal(`${where}, field "solution": must be a query string.`);
    if (!g) throw new Refusal(`${where}, field "solution": a solution needs a goal.`);
    const w = `${where}, field "solution"`;
    const given = queryOf(raw.solution, w);
    solution = given.query;
    const solved = solvedLink(link, solution);
    const problems = linkProblems(solved);
    if (problems.length) throw corrected(w, problems[0], given.address);
    if (readLink(solved).view !== view) throw new Refusal(`${w}: it must stay in the ${view} view.`);
    const fixed = [...new URLSearchParams(solution).keys()].find((k) => lock.includes(k));
    if (fixed !== undefined) throw new Refusal(`${w}: it sets "${fixed}", which the step holds fixed (field "lock").`);
  }
  let question: Step['question'] = null;
  if (raw.question !== undefined) {
    const w = `${where}, field "question"`;
    if (!isObject(raw.question)) throw new Refusal(`${w}: must be an object with "text" and "answer".`);
    only(raw.question, ['text', 'answer'], w);
    question = { text: text(raw.question, 'text', w) as string, answer: text(raw.question, 'answer', w) as string };
  }
  return { title, text: body, link, focus, control, goal: g, solution, question, lock, hide };
}

/** Validates a lesson file's text. */
export function parseLesson(source: string): LessonResult {
  try {
    if (new TextEncoder().encode(source).length > MAX_LESSON_BYTES)
      throw new Refusal(`the file is larger than ${MAX_LESSON_BYTES / 1024} KB.`);
    let raw: unknown;
    try {
      raw = JSON.parse(source.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new Refusal(`the file is not JSON — ${jsonErrorAt(source.replace(/^\uFEFF/, ''), e)}.`);
    }
    if (!isObject(raw)) throw new Refusal('the file must hold one JSON object.');
    if (raw.format !== LESSON_FORMAT)
      throw new Refusal(`field "format": "${showRaw(raw.format)}" is not ${LESSON_FORMAT}, the format this app reads.`);
    only(raw, ['format', 'id', 'title', 'summary', 'steps'], 'the lesson');
    const id = raw.id;
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id))
      throw new Refusal('field "id": must be 1–64 lowercase letters, digits and dashes.');
    const title = text(raw, 'title', 'the lesson') as string;
    const summary = text(raw, 'summary', 'the lesson') as string;
    if (!Array.isArray(raw.steps) || raw.steps.length === 0 || raw.steps.length > MAX_STEPS)
      throw new Refusal(`field "steps": must be a list of 1 to ${MAX_STEPS} steps.`);
    return { ok: true, lesson: { id, title, summary, steps: raw.steps.map(step) } };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: `Lesson refused — ${e.message}` };
    throw e;
  }
}
