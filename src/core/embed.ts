/**
 * A view inside a course page: `embed=1` with the panels to show (`panels=error,ntk`) and the controls to keep
 * (`controls=p,tau,play`). Unknown names are left out and listed in words; the defaults are the error plot and Play.
 */
import { isPanel, type PanelName } from './panels';
import { showRaw } from './table';

/** The controls an embed or presentation mode can keep: Play, Pause and Step; the pace; the scheme; four sliders. */
export const CONTROLS = ['play', 'speed', 'scheme', 'm', 'xi', 'p', 'tau'] as const;
export type ControlName = (typeof CONTROLS)[number];

export interface EmbedSettings {
  panels: PanelName[];
  controls: ControlName[];
}

export const EMBED_KEYS = ['embed', 'panels', 'controls'];

const list = (raw: string | null) =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The embed the link asks for (null: the full app), and a message per name left out. */
export function parseEmbed(params: URLSearchParams, messages: string[]): EmbedSettings | null {
  const raw = params.get('embed');
  if (raw === null || raw === '0') return null;
  if (raw !== '1') messages.push(`embed = "${showRaw(raw)}" is not 1 or 0; embedding anyway.`);
  const panels = list(params.get('panels'));
  const controls = list(params.get('controls'));
  const badPanels = panels.filter((p) => !isPanel(p));
  const badControls = controls.filter((c) => !(CONTROLS as readonly string[]).includes(c));
  if (badPanels.length)
    messages.push(`panels: ${badPanels.map((p) => `"${showRaw(p)}"`).join(', ')} left out (not a panel of the app).`);
  if (badControls.length)
    messages.push(
      `controls: ${badControls.map((c) => `"${showRaw(c)}"`).join(', ')} left out (the controls are ${CONTROLS.join(', ')}).`,
    );
  const goodPanels = [...new Set(panels.filter(isPanel))];
  const goodControls = [...new Set(controls.filter((c): c is ControlName => !badControls.includes(c)))];
  return {
    panels: goodPanels.length ? goodPanels : ['error'],
    controls: params.has('controls') ? goodControls : ['play'],
  };
}

export function serializeEmbed(e: EmbedSettings | null): string {
  return e ? `&embed=1&panels=${e.panels.join(',')}&controls=${e.controls.join(',')}` : '';
}
