#!/usr/bin/env bash
# Packs the GPU kit into bench/out/gpu-kit (about 35 MB), for a GPU machine with no Node and nothing installable:
# this machine's node (xz), the engine benchmark bundled into one file, Dawn for Node (the `webgpu` package's
# dawn.node, xz), tfjs's WebAssembly binaries, and the Vulkan loader's Debian package. bench/gpu/run.sh runs it there.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/out/gpu-kit
APP=$OUT/app
# xz's level: 9 for the kit that travels (it must fit the 64 MiB a run may carry); check.sh packs faster.
LEVEL=${XZ_LEVEL:-9}
rm -rf "$OUT"
mkdir -p "$APP/node_modules/webgpu/dist/linux-x64" "$APP/node_modules/@tensorflow/tfjs-backend-wasm/dist"
# One ESM file with one copy of tfjs (its ESM builds: module before main). `require`, `__dirname` and `__filename`
# are given back to the CommonJS parts (without them: "Dynamic require of util is not supported", and the wasm
# backend fails to start).
BANNER="import { createRequire as __cr } from 'module'; import { fileURLToPath as __fu } from 'url';"
BANNER+=" import { dirname as __dn } from 'path'; const require = __cr(import.meta.url);"
BANNER+=" const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);"
npx esbuild bench/node.ts --bundle --platform=node --format=esm --external:webgpu --main-fields=module,main \
  --log-level=warning --banner:js="$BANNER" --outfile="$APP/bench.mjs"
cp node_modules/webgpu/index.js node_modules/webgpu/package.json "$APP/node_modules/webgpu/"
xz -T0 -"$LEVEL" -c node_modules/webgpu/dist/linux-x64/dawn.node > "$APP/node_modules/webgpu/dist/linux-x64/dawn.node.xz"
cp node_modules/@tensorflow/tfjs-backend-wasm/package.json "$APP/node_modules/@tensorflow/tfjs-backend-wasm/"
cp node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm "$APP/node_modules/@tensorflow/tfjs-backend-wasm/dist/"
xz -T0 -"$LEVEL" -c "$(command -v node)" > "$OUT/node.xz"
# The Vulkan loader (Dawn dlopens libvulkan.so.1); run.sh unpacks it where the machine has none.
(cd "$OUT" && apt-get download libvulkan1 >/dev/null 2>&1) || cp /var/cache/apt/archives/libvulkan1_*.deb "$OUT/"
cp bench/gpu/run.sh "$OUT/"
du -sh "$OUT"
