/**
 * The command line's launcher (`npm run cli -- …`): runs src/cli/main.ts bundled ahead of time by esbuild into one
 * file, which starts in a fifth of a second where compiling the sources on the fly through tsx took about one and a
 * half. The bundle is made again whenever a source under src/ or the installed packages are newer than it, so an edit
 * never runs stale code. Several launches at once (shards of a grid) each write their own file and rename it into place.
 */
import { readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'node_modules/.cache/subnet-lab-cli/cli.mjs');

/** The latest modification time under `dir` (files only), in ms. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

function builtAt() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return 0;
  }
}

const sources = Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'package-lock.json')).mtimeMs);
if (builtAt() <= sources) {
  const partial = `${bundle}.${process.pid}.mjs`;
  await build({
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Dawn for Node is a native addon: loaded from node_modules at run time.
    external: ['webgpu'],
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    // The CommonJS parts of tfjs need `require`, `__dirname` and `__filename` inside one ES module.
    banner: {
      js: [
        "import { createRequire as __cr } from 'module';",
        "import { fileURLToPath as __fu } from 'url';",
        "import { dirname as __dn } from 'path';",
        'const require = __cr(import.meta.url);',
        'const __filename = __fu(import.meta.url);',
        'const __dirname = __dn(__filename);',
      ].join(' '),
    },
    outfile: partial,
  });
  renameSync(partial, bundle);
}
await import(pathToFileURL(bundle).href);
