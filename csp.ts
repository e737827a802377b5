// The Content-Security-Policy of the app, one place for the servers, the tests and the hosting notes: nothing but the
// page's own origin — scripts (no inline ones), workers, WebAssembly (compiled from the page's own files), fetches —
// and embedding by any page (course pages frame the app). Inline styles are allowed: KaTeX sizes its formulas with
// them; small fonts are bundled into the stylesheet as data: URIs. The dev server adds what hot reloading needs (React's inline refresh preamble, its websocket).
const directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
  'frame-ancestors': ['*'],
};

type Directives = Record<string, string[]>;

function policy(d: Directives): string {
  return Object.entries(d)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

export const CSP = policy(directives);

export const DEV_CSP = policy({
  ...directives,
  'script-src': [...directives['script-src'], "'unsafe-inline'"],
  'connect-src': ["'self'", 'ws:'],
});
