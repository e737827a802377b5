/** The link: reading the configuration (and a forced backend) from the address, and mirroring it back. */
import { parseConfig, serializeConfig, showRaw, type Config } from '../core/config';
import { BACKENDS, type BackendName } from '../engine/protocol';

export interface LinkState {
  config: Config;
  messages: string[];
  backend: BackendName | null;
  presenting: boolean;
}

export function readLink(search: string): LinkState {
  const { config, messages } = parseConfig(search);
  let backend: BackendName | null = null;
  let raw: string | null = null;
  let view: string | null = null;
  try {
    const params = new URLSearchParams(search);
    raw = params.get('backend');
    view = params.get('view');
  } catch {
    raw = null;
  }
  if (view !== null && view !== 'present') messages.push(`view = "${showRaw(view)}" is not "present"; showing the normal view.`);
  if (raw !== null) {
    const v = raw.trim().toLowerCase();
    if ((BACKENDS as readonly string[]).includes(v)) backend = v as BackendName;
    else messages.push(`backend = "${showRaw(raw)}" is not one of ${BACKENDS.join(', ')}; choosing automatically.`);
  }
  return { config, messages, backend, presenting: view === 'present' };
}

export function linkQuery(config: Config, backend: BackendName | null, presenting: boolean): string {
  return `?${serializeConfig(config)}${backend ? `&backend=${backend}` : ''}${presenting ? '&view=present' : ''}`;
}
