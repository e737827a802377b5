/**
 * Benchmark page (driven by bench/browser.ts): on the backend and size in its query string, measures rounds/s
 * of the engine, of the same matmuls run bare, and of the naive per-neuron float64 trainer; result in window.__bench.
 */
import * as tf from '@tensorflow/tfjs';
import { parseConfig } from '../../src/core/config';
import { makeProblem } from '../../src/core/problem';
import { ReferenceTrainer } from '../../src/core/reference';
import { chooseBackend } from '../../src/engine/backends';
import type { BackendName } from '../../src/engine/protocol';
import { Trainer } from '../../src/engine/trainer';

const q = new URLSearchParams(location.search);
const seconds = Number(q.get('seconds') ?? 2);

async function rate(f: () => Promise<void>, minCalls = 2): Promise<number> {
  await f();
  let calls = 0;
  const t0 = performance.now();
  while (calls < minCalls || performance.now() - t0 < seconds * 1000) {
    await f();
    calls += 1;
  }
  return (calls * 1000) / (performance.now() - t0);
}

async function run() {
  const info = await chooseBackend(q.get('backend') as BackendName);
  const problem = makeProblem(parseConfig(q).config);
  const { n, d, m, p, tau, mask } = problem.config;
  const L = mask === 'categorical' ? m : p * m;
  const trainer = new Trainer(problem, { ntkEvery: 0 });
  await trainer.flush();
  const engine = 5 * (await rate(async () => {
    for (let k = 0; k < 5; k++) trainer.step();
    await trainer.flush();
  }));
  trainer.dispose();
  const [X, XT, WL, G, W] = [tf.randomNormal([n, d]), tf.randomNormal([d, n]), tf.randomNormal([d, L]), tf.randomNormal([n, L]), tf.randomNormal([d, m])] as tf.Tensor2D[];
  const ceiling = await rate(async () => {
    const outs: tf.Tensor[] = [];
    for (let t = 0; t < tau; t++) outs.push(tf.matMul(X, WL), tf.matMul(XT, G));
    outs.push(tf.matMul(X, W));
    await Promise.all(outs.map((o) => o.data()));
    tf.dispose(outs);
  });
  tf.dispose([X, XT, WL, G, W]);
  const ref = new ReferenceTrainer(problem);
  const naive = await rate(async () => void ref.step(), 1);
  (window as unknown as { __bench: unknown }).__bench = { backend: info.name, adapter: info.adapter, engine, ceiling, naive };
}

run().catch((e) => ((window as unknown as { __bench: unknown }).__bench = { error: String(e) }));
