/**
 * Whether the page can be seen: its tab is shown and its document lies in the viewport — inside a frame, in the top
 * window's viewport (IntersectionObserver's implicit root), so a frame on a slide that is not shown, or scrolled off
 * a course page, counts as hidden. An embed trains only while it can be seen (main.tsx).
 */
export function watchVisibility(onChange: (visible: boolean) => void): void {
  let inView: boolean | null = null;
  let last: boolean | null = null;
  const report = () => {
    if (inView === null) return;
    const visible = inView && document.visibilityState === 'visible';
    if (visible !== last) onChange((last = visible));
  };
  new IntersectionObserver((entries) => {
    inView = entries[entries.length - 1].isIntersecting;
    report();
  }).observe(document.documentElement);
  document.addEventListener('visibilitychange', report);
}
