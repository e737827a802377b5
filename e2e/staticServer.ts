// A static file server for the embed tests: dist/ under a sub-path on one port, a course page on another (a different
// origin). It records every request that did not find a file.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

import { CSP } from '../csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface Served {
  server: Server;
  misses: string[];
  close(): Promise<void>;
}

/** Serves `dir` at `prefix` (files), or `pages` by exact path; everything else is a 404 that is recorded. */
export function serveStatic(
  port: number,
  prefix: string,
  dir: string | null,
  pages: Record<string, string> = {},
): Promise<Served> {
  const misses: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://localhost:${port}`);
    if (pages[url.pathname] !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(pages[url.pathname]);
      return;
    }
    if (dir && url.pathname.startsWith(prefix)) {
      let file = path.join(dir, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (existsSync(file) && file.startsWith(dir)) {
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CSP,
        });
        createReadStream(file).pipe(res);
        return;
      }
    }
    misses.push(url.pathname);
    res.writeHead(404);
    res.end();
  });
  return new Promise((resolve) =>
    server.listen(port, () =>
      resolve({ server, misses, close: () => new Promise<void>((r) => server.close(() => r())) }),
    ),
  );
}
