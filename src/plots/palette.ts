/**
 * The colours a canvas layer paints with: the page's own (its CSS custom properties, so that light and dark themes and
 * the SVG marks agree), read when a chart draws.
 */
export interface Palette {
  accent: string;
  predicted: string;
  band: string;
  fg: string;
  muted: string;
  /** One per compared run. */
  runs: string[];
}

/** The palette in effect for an element (its theme). */
export function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    accent: v('--accent'),
    predicted: v('--predicted'),
    band: v('--band'),
    fg: v('--fg'),
    muted: v('--muted'),
    runs: [v('--run0'), v('--run1'), v('--run2'), v('--run3')],
  };
}

/** Fixed colours for tests and for drawing without a page. */
export const TEST_PALETTE: Palette = {
  accent: 'accent',
  predicted: 'predicted',
  band: 'band',
  fg: 'fg',
  muted: 'muted',
  runs: ['run0', 'run1', 'run2', 'run3'],
};
