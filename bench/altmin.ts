/**
 * AltMin benchmark (float64, Node): milliseconds per AltMin least-squares step (normal equations by Cholesky, as the
 * app solves them, against Householder QR of the dense B), per GD iteration, and the whole default phase transition
 * (4 sample sizes × 10 trials × 2 methods × 2 starts, one thread). Prints markdown tables.
 * Usage: npm run bench:altmin [-- --seconds 2] [-- --phase]
 */
import os from 'node:os';

import { paperStarts, parseAltMin, phaseNs } from '../src/core/altmin/config';
import { patternsOf } from '../src/core/altmin/model';
import { phaseRows, phaseTrials, runTrial } from '../src/core/altmin/phase';
import { qrLeastSquares } from '../src/core/altmin/reference';
import { METHODS, runGd } from '../src/core/altmin/run';
import { leastSquares } from '../src/core/altmin/solve';
import { makeStart, makeTeacher, startStream } from '../src/core/altmin/teacher';
import { callsPerSecond, secondsArg } from './rate';

const SECONDS = secondsArg(process.argv);
const ms = async (f: () => void, seconds = SECONDS) => 1000 / (await callsPerSecond(async () => f(), seconds, 1));

console.log(
  `\nNode ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log(
  '| n | d = k | unknowns dk | least squares, Cholesky (ms) | least squares, QR of B (ms) | QR / Cholesky | GD iteration (ms) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const n of [200, 700, 1200, 1700]) {
  const c = parseAltMin(`model=skip&d=20&n=${n}&seed=1&start=random`).config;
  const t = makeTeacher(c);
  const W0 = makeStart(c, t, startStream(c.seed));
  const P = patternsOf(t.X, W0, true);
  const chol = await ms(() => void leastSquares(t.X, P, t.v, t.y));
  const qr = n >= 400 ? await ms(() => void qrLeastSquares(t.X, P, t.v, t.y), 0) : NaN;
  const gd = (await ms(() => void runGd(t, W0, 50, 0.1))) / 51;
  console.log(
    `| ${n} | 20 | 400 | ${chol.toFixed(1)} | ${Number.isNaN(qr) ? 'n < dk' : qr.toFixed(0)} | ${Number.isNaN(qr) ? '' : (qr / chol).toFixed(1)} | ${gd.toFixed(2)} |`,
  );
}

if (process.argv.includes('--phase')) {
  const c = parseAltMin('model=skip&d=20&seed=1').config;
  const trials = phaseTrials(phaseNs(c), c.trials);
  console.log('\n| phase transition | trials | runs | seconds (one thread) |');
  console.log('|---|---|---|---|');
  for (const starts of [['identity'], paperStarts(c.model)] as const) {
    const t0 = performance.now();
    const rows = phaseRows(trials.map((s) => runTrial(c, s, starts, METHODS)));
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `| n = ${c.ns}, ${starts.join(' + ')} start | ${trials.length} | ${trials.length * starts.length * METHODS.length} | ${secs.toFixed(1)} |`,
    );
    console.error(rows.map((r) => `${r.n} ${r.method} ${r.start}: ${r.recovered}/${r.trials}`).join('\n'));
  }
}
