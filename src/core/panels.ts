/**
 * The named panels of the views: what a lesson step can point at (`focus`) and what an embed shows (`panels=`). Each
 * is marked with data-panel in the views.
 */
import type { ViewName } from './link';

export const PANELS = {
  controls: 'train',
  error: 'train',
  ntk: 'train',
  diagnostics: 'train',
  radius: 'train',
  neurons: 'train',
  sweep: 'train',
  theory: 'train',
  guarantee: 'train',
  compare: 'train',
  function: 'train',
  modes: 'train',
  noise: 'train',
  widths: 'regimes',
  phase: 'regimes',
  traces: 'altmin',
  recovery: 'altmin',
} as const satisfies Record<string, ViewName>;
export type PanelName = keyof typeof PANELS;

export const isPanel = (name: string): name is PanelName => Object.hasOwn(PANELS, name);
