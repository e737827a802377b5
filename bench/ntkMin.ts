/**
 * What one λ_min measurement of the NTK costs (`npm run bench:ntk`), on Node: the default link's scheme (dropout,
 * ξ = 0.5, p = 1) trained 50 rounds between measurements, the second measurement (warm-started from the first) phase by
 * phase, both ways the engine can take it — the kernels formed, or products H·v — for n = 512 … 4096 at d = 8 and 32;
 * then, at the issue's link (n = 2048, d = 32, m = 1024), rounds/s without measurements, with the app's cadence
 * (ntkPace.ts) and with one every 50 rounds. `--page` instead plays the link in the built app in headless Chromium for
 * 30 s, three times: rounds, the rounds λ_min was measured at, and the rate over the whole run against the rate over
 * the stretches without a measurement.
 * Usage: npm run bench:ntk [-- --sizes 512x8,2048x32 --m 1024 --rounds 400] [-- --page]
 */
import { execSync } from 'node:child_process';
import os from 'node:os';

import { chromium } from '@playwright/test';

import { selectNodeBackend } from '../src/cli/backend';
import { parseConfig } from '../src/core/masked/config';
import { startProblem } from '../src/core/masked/problem';
import { NtkPace } from '../src/engine/ntkPace';
import type { NtkProfile } from '../src/engine/ntkSolve';
import { Trainer } from '../src/engine/trainer';
import { CHROMIUM, serve, waitFor } from './serve';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const M = Number(arg('m', '1024'));
const SIZES = arg('sizes', '512x8,1024x8,2048x8,4096x8,512x32,1024x32,2048x32,4096x32').split(',');
const ROUNDS = Number(arg('rounds', '400'));
const GAP = 50;
const LINK = 'backend=wasm&n=2048&d=32&m=1024&seed=13';

const s = (ms: number) => (ms / 1000).toFixed(2);
const blank = (): NtkProfile => ({
  network: 0,
  subnetworks: 0,
  readBack: 0,
  products: 0,
  orthogonalization: 0,
  bound: 0,
  steps: 0,
});
const query = (n: number, d: number) => `scheme=dropout&xi=0.5&n=${n}&d=${d}&m=${M}&seed=13`;

/** Seconds per round of GAP rounds without measurements. */
async function roundTime(q: string): Promise<number> {
  const t = new Trainer(startProblem(parseConfig(q).config), { ntkEvery: 0 });
  await t.run(5, 5);
  const t0 = performance.now();
  await t.run(GAP, GAP);
  t.dispose();
  return (performance.now() - t0) / GAP;
}

/** The second measurement's profile: GAP rounds, a measurement, GAP more, a measurement. */
async function profileOf(q: string, matrixFree: boolean): Promise<NtkProfile> {
  const profile = blank();
  const t = new Trainer(startProblem(parseConfig(q).config), { ntkEvery: GAP, matrixFree, profile });
  await t.run(GAP, GAP);
  Object.assign(profile, blank());
  const rows = await t.run(GAP, GAP);
  t.dispose();
  if (!Number.isFinite(rows.at(-1)?.ntkMin)) throw new Error('no λ_min measured');
  return profile;
}

/** Rounds/s over ROUNDS rounds in calls of 5, the cadence fixed or from ntkPace.ts as in the app's worker. */
async function rate(q: string, cadence: 'none' | 'app' | number): Promise<{ rate: number; at: number[] }> {
  const t = new Trainer(startProblem(parseConfig(q).config), {
    ntkEvery: cadence === 'none' ? 0 : cadence === 'app' ? 10 : cadence,
  });
  await t.flush();
  const pace = new NtkPace();
  const at: number[] = [];
  const t0 = performance.now();
  for (let done = 0; done < ROUNDS; done += 5) {
    const tc = performance.now();
    const rows = await t.run(5, 5);
    const measured = rows.filter((r) => Number.isFinite(r.ntkMin)).map((r) => r.round);
    at.push(...measured);
    if (!measured.length) pace.ran(5, performance.now() - tc);
    else if (cadence === 'app') t.ntkEvery = pace.measured(5, performance.now() - tc);
  }
  const out = { rate: (1000 * ROUNDS) / (performance.now() - t0), at };
  t.dispose();
  return out;
}

async function node(): Promise<void> {
  await selectNodeBackend('wasm');
  console.log(
    '| n, d | path | forming: network, subnetwork (s) | read-back (s) | Lanczos products: count, time (s) | orthogonalization (s) | bound: tridiagonal solves, Ritz vector, float64 residual (s) | one measurement (s) | in rounds |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const size of SIZES) {
    const [n, d] = size.split('x').map(Number);
    const perRound = await roundTime(query(n, d));
    for (const free of [false, true]) {
      const p = await profileOf(query(n, d), free);
      const total = p.network + p.subnetworks + p.readBack + p.products + p.orthogonalization + p.bound;
      console.log(
        `| ${n}, ${d} | ${free ? 'products H·v' : 'formed'} | ${free ? '—' : `${s(p.network)}, ${s(p.subnetworks)}`} | ${free ? '—' : s(p.readBack)} | ${p.steps}, ${s(p.products)} | ${s(p.orthogonalization)} | ${s(p.bound)} | ${s(total)} | ${(total / perRound).toFixed(0)} |`,
      );
    }
  }
  // Each cadence twice, in turns, so that a change of the machine's load falls on all of them alike.
  const q = query(2048, 32);
  const cadences = ['none', 'app', GAP] as const;
  const runs = cadences.map(() => [] as { rate: number; at: number[] }[]);
  for (let turn = 0; turn < 2; turn++) for (const [i, c] of cadences.entries()) runs[i].push(await rate(q, c));
  const mean = (i: number) => (runs[i][0].rate + runs[i][1].rate) / 2;
  console.log(
    `\n| n = 2048, d = 32, m = ${M}, ${ROUNDS} rounds | rounds/s (two runs in turns) | share of the rate without | λ_min at rounds (first run) |`,
  );
  console.log('|---|---|---|---|');
  const names = ['no measurements', "the app's cadence (ntkPace.ts)", `every ${GAP} rounds`];
  for (const [i, name] of names.entries())
    console.log(
      `| ${name} | ${runs[i].map((r) => r.rate.toFixed(1)).join(', ')} | ${(mean(i) / mean(0)).toFixed(2)} | ${runs[i][0].at.join(', ') || '—'} |`,
    );
  console.log(
    `\nNode ${process.version}, wasm, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}; m = ${M}, dropout ξ = 0.5, p = 1; the second measurement (warm), after ${GAP} rounds.`,
  );
}

/** The built app at LINK for 30 s, three times: rounds, λ_min's rounds, and the rate with and between measurements. */
async function page(): Promise<void> {
  execSync('npx vite build', { stdio: 'ignore' });
  const server = serve(['--host', '127.0.0.1'], 4185);
  try {
    await waitFor('http://127.0.0.1:4185/');
    const browser = await chromium.launch(CHROMIUM);
    console.log('| run | rounds in 30 s | λ_min at rounds | rounds/s | rounds/s between measurements |');
    console.log('|---|---|---|---|---|');
    for (let run = 1; run <= 3; run++) {
      const app = await browser.newPage();
      await app.goto(`http://127.0.0.1:4185/?${LINK}`);
      await app.waitForFunction(() => window.subnetLab?.status() === 'ready', null, { timeout: 600_000 });
      await app.evaluate(() => window.subnetLab.step(1));
      await app.evaluate(() => window.subnetLab.play());
      // Rounds seen every 250 ms: the stretches without a measurement give the rate without one.
      const samples: [number, number][] = [];
      const t0 = Date.now();
      while (Date.now() - t0 < 30_000) {
        samples.push([Date.now(), await app.evaluate(() => window.subnetLab.metrics().round.length)]);
        await app.waitForTimeout(250);
      }
      const h = await app.evaluate(() => {
        window.subnetLab.pause();
        return window.subnetLab.metrics();
      });
      await app.close();
      const at = h.round.filter((_, i) => Number.isFinite(h.ntkMin[i]));
      let [rounds, ms] = [0, 0];
      for (let i = 1; i < samples.length; i++) {
        const [ta, ra] = samples[i - 1];
        const [tb, rb] = samples[i];
        // A stretch holds a measurement where λ_min of a round in it (or of the next round) came in.
        if (at.some((r) => r >= ra - 1 && r <= rb)) continue;
        rounds += rb - ra;
        ms += tb - ta;
      }
      const [first, last] = [samples[0], samples[samples.length - 1]];
      const whole = (1000 * (last[1] - first[1])) / (last[0] - first[0]);
      console.log(
        `| ${run} | ${last[1] - first[1]} | ${at.join(', ')} | ${whole.toFixed(1)} | ${((1000 * rounds) / ms).toFixed(1)} |`,
      );
    }
    console.log(
      `\nChromium ${browser.version()}, headless; ?${LINK}; ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`,
    );
    await browser.close();
  } finally {
    server.kill();
  }
}

await (process.argv.includes('--page') ? page() : node());
