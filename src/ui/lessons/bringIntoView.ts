/**
 * Brings a lesson step's panel and the control its task names on screen together. The page scrolls so that the panel
 * starts below the bars that stay at the top (the lesson bar, a pinned chart), never past the step's own text; the
 * control is scrolled into view inside the column that scrolls on its own (the controls on a wide screen), or, on a
 * phone where the panel is pinned at the top, the page scrolls to the control below it.
 */

/** The bottom edge of whatever stays at the top of the window (a compact lesson bar, a chart pinned below it). */
function pinnedBottom(except: Element | null): number {
  const stuck = [...document.querySelectorAll('.lesson.compact, .layout [data-panel]')]
    .filter((el) => !(except && (el === except || el.contains(except))))
    .filter((el) => ['sticky', 'fixed'].includes(getComputedStyle(el).position))
    .map((el) => el.getBoundingClientRect())
    .sort((a, b) => a.top - b.top);
  let bottom = 0;
  for (const r of stuck) if (r.height > 0 && r.top <= bottom + 1 && r.bottom > bottom) bottom = r.bottom;
  return bottom;
}

/** The nearest ancestor that scrolls on its own (not the page), or null. */
function scroller(el: Element): HTMLElement | null {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

export function bringIntoView(focus: string | null, control: string | null): void {
  const panel = focus ? document.querySelector(`[data-panel="${focus}"]`) : null;
  const ctl = control ? document.querySelector(`[data-control="${control}"]`) : null;
  if (panel) {
    const top = pinnedBottom(panel) + 8;
    const r = panel.getBoundingClientRect();
    // A panel already on screen below the bars stays where it is.
    if (r.top < top || r.bottom > innerHeight) window.scrollBy({ top: r.top - top });
  }
  if (!ctl) return;
  const box = scroller(ctl);
  if (box) {
    const r = ctl.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (r.top < b.top || r.bottom > b.bottom) box.scrollTop += r.top - b.top - 8;
    return;
  }
  // The control scrolls with the page: below the bars (and the pinned panel), unless it is on screen already.
  const top = pinnedBottom(null) + 8;
  const r = ctl.getBoundingClientRect();
  if (r.top < top || r.bottom > innerHeight) window.scrollBy({ top: r.top - top });
}
