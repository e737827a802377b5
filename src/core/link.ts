/**
 * The link: the open view and its settings, read from the address and written back the same way. The training
 * view holds the configuration, compared runs and its pace; the regimes view (`view=regimes`) the configuration and
 * the phase diagram's settings; the AltMin view (`view=altmin`) the AltMin settings instead, under their own key
 * names; presentation mode (`present=1`) and a forced backend stay in every view.
 */
import { ALTMIN_TABLE, type AltMinConfig, defaultAltMin, parseAltMin, serializeAltMin } from './altmin/config';
import { EMBED_KEYS, type EmbedSettings, parseEmbed, serializeEmbed } from './embed';
import { parseCompare, serializeCompare } from './masked/compare';
import { type Config, defaultConfig, parseConfig, serializeConfig, showRaw } from './masked/config';
import { CONFIG_KEYS, CONFIG_TABLE } from './masked/config';
import { defaultPace, type Pace, PACE_KEYS, PACE_TABLE, parsePace, serializePace } from './pace';
import {
  defaultPhaseSettings,
  parsePhaseSettings,
  type PhaseSettingsT,
  serializePhaseSettings,
} from './regimes/regimes';
import { PHASE_TABLE } from './regimes/regimes';

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export const VIEWS = ['train', 'regimes', 'altmin'] as const;
export type ViewName = (typeof VIEWS)[number];

/** Keys a link may hold beside its view's settings: the view, a forced backend, compared runs, a lesson step. */
const LINK_KEYS = ['view', 'present', 'backend', 'compare', 'lesson', 'step', ...EMBED_KEYS];

/** The settings keys each view reads from a link. */
export function viewKeys(view: ViewName): string[] {
  if (view === 'altmin') return Object.keys(ALTMIN_TABLE);
  if (view === 'regimes') return [...CONFIG_KEYS, ...Object.keys(PHASE_TABLE)];
  return [...CONFIG_KEYS, ...PACE_KEYS];
}

/** A view's setting as its control names it ("mask probability ξ" for xi); Play for the run's buttons. */
export function keyLabel(view: ViewName, key: string): string {
  if (key === 'play') return 'Play, Step and Reset';
  const tables = view === 'altmin' ? [ALTMIN_TABLE] : [CONFIG_TABLE, view === 'regimes' ? PHASE_TABLE : PACE_TABLE];
  for (const t of tables) if (Object.hasOwn(t, key)) return (t as Record<string, { label: string }>)[key].label;
  return key;
}

/**
 * Everything a link asks for that the app would not take as written: the corrections readLink makes, and keys no
 * view of that link reads (readLink ignores those silently). Empty for a link that opens exactly as written.
 */
export function linkProblems(search: string): string[] {
  const link = readLink(search);
  const known = new Set([...viewKeys(link.view), ...LINK_KEYS]);
  const unknown = [...params(search).keys()].filter((k) => !known.has(k));
  return [...link.messages, ...unknown.map((k) => `"${showRaw(k)}" is not a key of the ${link.view} view's link.`)];
}

export interface LinkState {
  view: ViewName;
  config: Config;
  compare: Config[];
  altmin: AltMinConfig;
  phase: PhaseSettingsT;
  messages: string[];
  backend: BackendName | null;
  /** Presentation mode (`present=1`, in any view; `view=present` is the training view's older spelling). */
  presenting: boolean;
  /** The training view's pace. */
  pace: Pace;
  /** Inside a course page: the panels and controls shown (null: the full app). */
  embed: EmbedSettings | null;
}

function params(search: string): URLSearchParams {
  try {
    return new URLSearchParams(search);
  } catch {
    return new URLSearchParams();
  }
}

function readView(raw: string | null, messages: string[]): { view: ViewName; presenting: boolean } {
  if (raw === null || raw === 'train') return { view: 'train', presenting: false };
  if (raw === 'present') return { view: 'train', presenting: true };
  if ((VIEWS as readonly string[]).includes(raw)) return { view: raw as ViewName, presenting: false };
  messages.push(`view = "${showRaw(raw)}" is not one of ${VIEWS.join(', ')}; showing the training view.`);
  return { view: 'train', presenting: false };
}

function readPresent(raw: string | null, messages: string[]): boolean {
  if (raw === null || raw === '0') return false;
  if (raw === '1') return true;
  messages.push(`present = "${showRaw(raw)}" is not 1 or 0; not presenting.`);
  return false;
}

export function readLink(search: string): LinkState {
  const messages: string[] = [];
  const p = params(search);
  const { view, presenting: oldPresent } = readView(p.get('view'), messages);
  const presenting = readPresent(p.get('present'), messages) || oldPresent;
  let pace = defaultPace();
  let config = defaultConfig();
  let compare: Config[] = [];
  let altmin = defaultAltMin();
  let phase = defaultPhaseSettings();
  if (view === 'altmin') {
    const parsed = parseAltMin(search);
    altmin = parsed.config;
    messages.push(...parsed.messages);
  } else {
    const parsed = parseConfig(search);
    config = parsed.config;
    messages.push(...parsed.messages);
    if (view === 'regimes') {
      const r = parsePhaseSettings(search);
      phase = r.settings;
      messages.push(...r.messages);
    }
    if (view === 'train') {
      const r = parsePace(search);
      pace = r.pace;
      messages.push(...r.messages);
    }
    const compared = p.get('compare');
    if (compared !== null && view === 'train') {
      const c = parseCompare(compared, config);
      compare = c.runs;
      messages.push(...c.messages);
    }
  }
  let backend: BackendName | null = null;
  const raw = p.get('backend');
  if (raw !== null) {
    const v = raw.trim().toLowerCase();
    if ((BACKENDS as readonly string[]).includes(v)) backend = v as BackendName;
    else messages.push(`backend = "${showRaw(raw)}" is not one of ${BACKENDS.join(', ')}; choosing automatically.`);
  }
  const embed = parseEmbed(p, messages);
  return { view, config, compare, altmin, phase, messages, backend, presenting, pace, embed };
}

/** Characters a compare value keeps readable in the link (all are allowed in a query). */
const READABLE = { '%3A': ':', '%2C': ',', '%3D': '=' } as const;
const readable = (s: string) => s.replace(/%3A|%2C|%3D/g, (c) => READABLE[c as keyof typeof READABLE]);

export function linkQuery(s: Omit<LinkState, 'messages'>): string {
  const backend =
    (s.backend ? `&backend=${s.backend}` : '') + (s.presenting ? '&present=1' : '') + serializeEmbed(s.embed);
  if (s.view === 'altmin') return `?view=altmin&${readable(serializeAltMin(s.altmin))}${backend}`;
  if (s.view === 'regimes')
    return `?view=regimes&${serializeConfig(s.config)}&${readable(serializePhaseSettings(s.phase))}${backend}`;
  const runs = s.compare.length
    ? `&compare=${readable(encodeURIComponent(serializeCompare(s.compare, s.config)))}`
    : '';
  return `?${serializeConfig(s.config)}${runs}${serializePace(s.pace)}${backend}`;
}
