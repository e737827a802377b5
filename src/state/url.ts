/** The link: reading the configuration, compared runs, a forced backend and the view from the address, and mirroring them back. */
import { parseCompare, serializeCompare } from '../core/compare';
import { parseConfig, serializeConfig, showRaw, type Config } from '../core/config';
import { BACKENDS, type BackendName } from '../engine/protocol';

export interface LinkState {
  config: Config;
  compare: Config[];
  messages: string[];
  backend: BackendName | null;
  presenting: boolean;
}

export function readLink(search: string): LinkState {
  const { config, messages } = parseConfig(search);
  let backend: BackendName | null = null;
  let raw: string | null = null;
  let view: string | null = null;
  let compared: string | null = null;
  try {
    const params = new URLSearchParams(search);
    raw = params.get('backend');
    view = params.get('view');
    compared = params.get('compare');
  } catch {
    raw = null;
  }
  const compare = compared === null ? { runs: [], messages: [] } : parseCompare(compared, config);
  messages.push(...compare.messages);
  if (view !== null && view !== 'present') messages.push(`view = "${showRaw(view)}" is not "present"; showing the normal view.`);
  if (raw !== null) {
    const v = raw.trim().toLowerCase();
    if ((BACKENDS as readonly string[]).includes(v)) backend = v as BackendName;
    else messages.push(`backend = "${showRaw(raw)}" is not one of ${BACKENDS.join(', ')}; choosing automatically.`);
  }
  return { config, compare: compare.runs, messages, backend, presenting: view === 'present' };
}

/** Characters a compare value keeps readable in the link (all are allowed in a query). */
const READABLE = { '%3A': ':', '%2C': ',', '%3D': '=' } as const;

export function linkQuery(config: Config, compare: Config[], backend: BackendName | null, presenting: boolean): string {
  const runs = compare.length ? `&compare=${encodeURIComponent(serializeCompare(compare, config)).replace(/%3A|%2C|%3D/g, (c) => READABLE[c as keyof typeof READABLE])}` : '';
  return `?${serializeConfig(config)}${runs}${backend ? `&backend=${backend}` : ''}${presenting ? '&view=present' : ''}`;
}
