#!/usr/bin/env bash
# Runs the GPU kit (bench/gpu/pack.sh) on a machine with a GPU and no Node: unpacks node and Dawn, finds or unpacks
# the Vulkan loader, names the GPU, and prints the engine benchmark's table (rounds/s, kernels per round, the matmul
# ceiling) on WebGPU and wasm. Usage: bash bench/out/gpu-kit/run.sh [bench:node options, e.g. --sizes 256x32x1024]
set -euo pipefail
KIT=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
unxz() { if command -v xz >/dev/null; then xz -dc "$1"; else python3 -c 'import lzma,sys; sys.stdout.buffer.write(lzma.open(sys.argv[1]).read())' "$1"; fi; }
unxz "$KIT/node.xz" > "$WORK/node"
chmod +x "$WORK/node"
cp -r "$KIT/app" "$WORK/app"
DAWN=$WORK/app/node_modules/webgpu/dist/linux-x64/dawn.node
unxz "$DAWN.xz" > "$DAWN"
rm "$DAWN.xz"
if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan\.so\.1'; then
  dpkg -x "$KIT"/libvulkan1_*.deb "$WORK/vulkan"
  export LD_LIBRARY_PATH="$WORK/vulkan/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  echo "Vulkan loader: unpacked from the kit"
fi
NVIDIA_ICD=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -z "${VK_ICD_FILENAMES:-}${VK_DRIVER_FILES:-}" ] && [ -f "$NVIDIA_ICD" ]; then export VK_DRIVER_FILES=$NVIDIA_ICD; fi
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
"$WORK/node" --version
if [ $# -eq 0 ]; then set -- --sizes 256x32x1024,1024x32x65536; fi
"$WORK/node" "$WORK/app/bench.mjs" --backends webgpu,wasm "$@"
