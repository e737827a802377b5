/**
 * Benchmark page (driven by bench/browser.ts and bench/threads.ts): on the backend and size in its query string, measures
 * rounds/s of the engine, of the same matmuls run bare, and of the naive per-neuron float64 trainer; result in
 * window.__bench. `threads=K` asks the wasm backend for K threads (its threaded build runs only where the page is
 * cross-origin isolated); `naive=0` leaves the naive trainer out.
 */
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

import { parseConfig } from '../../src/core/masked/config';
import { makeProblem } from '../../src/core/masked/problem';
import { ReferenceTrainer } from '../../src/core/masked/reference';
import { chooseBackend } from '../../src/engine/backends';
import type { BackendName } from '../../src/engine/protocol';
import { Trainer } from '../../src/engine/trainer';
import { roundMatmuls } from '../ceiling';
import { callsPerSecond } from '../rate';

const q = new URLSearchParams(location.search);
const seconds = Number(q.get('seconds') ?? 2);

const rate = (f: () => Promise<void>, minCalls = 2) => callsPerSecond(f, seconds, minCalls);

async function run() {
  if (q.get('threads')) setThreadsCount(Number(q.get('threads')));
  const info = await chooseBackend(q.get('backend') as BackendName);
  const problem = makeProblem(parseConfig(q).config);
  const { n, d, m, p, tau, mask } = problem.config;
  const L = mask === 'categorical' ? m : p * m;
  const trainer = new Trainer(problem, { ntkEvery: 0 });
  await trainer.flush();
  // Five rounds per read-back, as the app does on a fast backend; one on a slow one (over 1 s a round).
  const t0 = performance.now();
  trainer.step();
  await trainer.flush();
  const perRead = performance.now() - t0 > 1000 ? 1 : 5;
  const engine =
    perRead *
    (await rate(async () => {
      for (let k = 0; k < perRead; k++) trainer.step();
      await trainer.flush();
    }));
  trainer.dispose();
  const mm = roundMatmuls(n, d, m, L, tau);
  const ceiling = await rate(mm.run);
  mm.dispose();
  const ref = new ReferenceTrainer(problem);
  const naive = q.get('naive') === '0' ? NaN : await rate(async () => void ref.step(), 1);
  (window as unknown as { __bench: unknown }).__bench = {
    backend: info.name,
    adapter: info.adapter,
    engine,
    ceiling,
    naive,
    isolated: crossOriginIsolated,
    threads: info.name === 'wasm' ? getThreadsCount() : 0,
  };
}

run().catch((e) => ((window as unknown as { __bench: unknown }).__bench = { error: String(e) }));
