#!/usr/bin/env bash
# The GPU kit end to end on this machine, so that it works the first time a GPU is lent: packs it, runs it from a
# copy with a bare environment on the SwiftShader Vulkan driver at a tiny size, and fails unless both backends print
# their rows.
set -euo pipefail
cd "$(dirname "$0")/../.."
# The check needs the kit to work, not to be small: the fastest compression.
XZ_LEVEL=1 bash bench/gpu/pack.sh
COPY=$(mktemp -d)
cp -r bench/out/gpu-kit/. "$COPY"
OUT=$(env -i PATH=/usr/bin:/bin HOME="$COPY" VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json \
  bash "$COPY/run.sh" --sizes 32x4x64 --seconds 0.2 2>&1) || { echo "$OUT"; exit 1; }
echo "$OUT" | tail -14
for backend in webgpu wasm; do
  echo "$OUT" | grep -q "^| $backend | 32, 4, 64 | custom |" || { echo "the kit printed no $backend rows"; exit 1; }
done
echo "GPU kit: OK"
