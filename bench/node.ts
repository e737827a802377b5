/**
 * Node benchmark: rounds/s of the engine per scheme and backend, against the practical ceiling of the same
 * matmuls (same shapes, same FLOPs) run bare with tf.matMul on the same backend, and the kernels a round issues.
 * Prints a markdown table.
 * Usage: npm run bench:node [-- --seconds 2] [-- --backends cpu,wasm,webgpu] [-- --sizes 256x32x1024,1024x32x65536]
 * (webgpu runs on Dawn: a GPU's Vulkan driver, or VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json).
 */
import os from 'node:os';

import * as tf from '@tensorflow/tfjs-core';

import { type NodeBackend, selectNodeBackend } from '../src/cli/backend';
import { parseConfig } from '../src/core/masked/config';
import { makeProblem } from '../src/core/masked/problem';
import { Trainer } from '../src/engine/trainer';
import { roundFlops, roundMatmuls } from './ceiling';
import { callsPerSecond, secondsArg } from './rate';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SIZES = arg('sizes', '256x32x1024,256x32x8192')
  .split(',')
  .map((s) => s.split('x').map(Number) as [number, number, number]);
const BACKENDS = arg('backends', 'cpu,wasm').split(',') as NodeBackend[];
const SCHEMES = ['gd', 'dropout', 'msdropout', 'ist', 'custom'] as const;
const SECONDS = secondsArg(process.argv);

const rate = (f: () => Promise<void>) => callsPerSecond(f, SECONDS);

const rows: string[] = [];
const devices: string[] = [];
for (const backend of BACKENDS) {
  devices.push(`${backend}: ${await selectNodeBackend(backend)}`);
  for (const [n, d, m] of SIZES) {
    for (const scheme of SCHEMES) {
      const q = `scheme=${scheme}&n=${n}&d=${d}&m=${m}&p=4&tau=2&xi=0.5${scheme === 'custom' ? '&mask=bernoulli' : ''}`;
      const problem = makeProblem(parseConfig(q).config);
      const { p, tau, mask } = problem.config;
      const L = mask === 'categorical' ? m : p * m;
      const trainer = new Trainer(problem, { ntkEvery: 0 });
      await trainer.flush();
      const engine =
        (await rate(async () => {
          for (let k = 0; k < 5; k++) trainer.step();
          await trainer.flush();
        })) * 5;
      // Kernels one round issues (its step and its metrics): on a GPU each is a dispatch of tens of microseconds.
      const kernels = (await tf.profile(() => trainer.step())).kernels.length;
      await trainer.flush();
      trainer.dispose();
      const mm = roundMatmuls(n, d, m, L, tau);
      const ceiling = await rate(mm.run);
      mm.dispose();
      const flops = roundFlops(n, d, m, L, tau);
      const gflops = (engine * flops) / 1e9;
      rows.push(
        `| ${backend} | ${n}, ${d}, ${m} | ${scheme} | ${p} | ${tau} | ${kernels} | ${(flops / 1e6).toFixed(0)} | ${engine.toFixed(2)} | ${gflops.toFixed(2)} | ${ceiling.toFixed(2)} | ${(engine / ceiling).toFixed(2)} |`,
      );
      console.error(rows[rows.length - 1]);
    }
  }
}
console.log(
  `\nNode ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}; ${devices.join('; ')}\n`,
);
console.log(
  '| backend | n, d, m | scheme | p | τ | kernels/round | MFLOP/round | engine rounds/s | engine GFLOP/s | matmul-ceiling rounds/s | engine / ceiling |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
