/**
 * The service worker that keeps the app working without a network (built by Workbox: vite.config.ts): registered once
 * the page has trained its first round, so that precaching the build never competes with the first start on a slow
 * network. Nothing happens where service workers are missing or refused (a frame on another site, a file:// page).
 */
export function keepForOffline(): void {
  try {
    if (location.protocol === 'file:' || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
  } catch {
    /* refused here: the page works online as before */
  }
}
