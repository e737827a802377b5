// The width-regime commands as a user runs them: `regimes` JSON at the config's n, and `phase` rows against the
// batched program's rule; G.16 (m·d ≤ n/2 never fits generic data to 1e-3).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseConfig } from '../core/masked/config';
import { dataAt, widthsAt } from '../core/regimes/regimes';

const tsx = path.resolve('node_modules/.bin/tsx');
const cli = (...args: string[]) => {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('cli regimes and phase', () => {
  it('regimes prints n, d, λ_0 and every width at the config\u2019s n', () => {
    const r = cli('regimes', '--config', 'n=24&d=6&seed=2&scheme=msdropout&p=3', '--delta', '0.2', '--rounds', '500');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const c = parseConfig('n=24&d=6&seed=2&scheme=msdropout&p=3').config;
    const want = widthsAt(c, dataAt(c, 24)!, 0.2, 500);
    expect(j).toMatchObject({ n: 24, d: 6, lambda0: want.lambda0, ...want.widths });
    expect([j.oymak, j.song, j.counting]).toEqual([96, 24 ** 1.5 / 6, 4]);
    expect(r.err).toMatch(/orders with their constants set to 1/);
  });

  it('phase writes one row per (n, m); G.16: cells with m·d ≤ n/2 never reach 1e-3; wide cells do', () => {
    const r = cli(
      'phase',
      '--config',
      'd=6&seed=3&scheme=gd',
      '--n',
      '12,24',
      '--m',
      '1,2,64',
      '--seeds',
      '2',
      '--rounds',
      '1500',
      '--eps',
      '1e-3',
      '--backend',
      'cpu',
    );
    expect(r.code).toBe(0);
    const [head, ...rows] = r.out.trim().split('\n');
    expect(head).toBe('n,m,seeds,success,medianRatio,maxMove,flipFrac,ntkShift,rounds');
    const cells = rows.map((l) => l.split(',').map(Number));
    expect(cells.map((c) => `${c[0]}/${c[1]}`)).toEqual(['12/1', '12/2', '12/64', '24/1', '24/2', '24/64']);
    for (const [n, m, seeds, success, ratio] of cells) {
      expect(seeds).toBe(2);
      if (m * 6 <= n / 2) {
        expect(success).toBe(0);
        expect(ratio).toBeGreaterThan(1e-3);
      }
    }
    expect(cells.filter((c) => c[1] === 64).map((c) => c[3])).toEqual([1, 1]);
    expect(cli('phase', '--m', '4,x').err).toBe('error: --m "4,x" is not a list of numbers like 8,16,32.\n');
    expect(
      cli('phase', '--n', '512,1024', '--m', '64,1024,16384', '--seeds', '10', '--rounds', '20000', '--config', 'd=32')
        .err,
    ).toMatch(/^error: This grid needs about/);
  });
});

describe('cli validate and theory\u2019s guarantee', () => {
  it('validate writes a row per setting: plateau ± se against R_lazy and R_now, rates against the prediction', () => {
    const r = cli(
      'validate',
      '--config',
      'scheme=dropout&xi=0.5&n=10&d=5&m=256&seed=3&eta=0.2',
      '--grid',
      'tau=1',
      '--seeds',
      '2',
      '--rounds',
      '2500',
      '--backend',
      'cpu',
    );
    expect(r.code).toBe(0);
    const [head, row] = r.out.trim().split('\n');
    expect(head).toBe(
      'tau,plateau,se,seeds,radiusLazy,radiusNow,radiusNowWindow,ratioLazy,ratioNow,measuredRate,predictedRate,rho2,paperRate,rounds',
    );
    const v = Object.fromEntries(head.split(',').map((k, i) => [k, Number(row.split(',')[i])]));
    expect(v.seeds).toBe(2);
    expect(v.plateau).toBeGreaterThan(0);
    expect(v.se).toBeGreaterThan(0);
    expect(v.ratioNow).toBeGreaterThan(0.6);
    expect(v.ratioNow).toBeLessThan(1.5);
    expect(Math.abs(v.measuredRate - v.predictedRate)).toBeLessThan(0.02);
    expect(v.paperRate).toBeGreaterThan(v.rho2);
    expect(cli('validate', '--config', 'act=gelu').err).toMatch(/^error: validate checks the lazy-limit predictions/);
  });

  it('theory prints the paper\u2019s rate, B_1 and the orders of its conditions', () => {
    const r = cli('theory', '--config', 'scheme=msdropout&p=4&xi=0.5&n=16&d=8&m=2048');
    const t = JSON.parse(r.out);
    expect(t.paperTheorem).toBe('Liao & Kyrillidis, arXiv v1, Theorem 3');
    expect(t.paperCorollary).toMatch(/Corollary 5/);
    expect(t.paperRate).toBeCloseTo(1 - (t.eta * t.theta * t.lambda0) / (4 * 0.5), 12);
    expect(t.paperB1).toBeGreaterThan(0);
    expect(Number.isFinite(t.paperWidthOrder) && Number.isFinite(t.paperEtaOrder)).toBe(true);
    expect(JSON.parse(cli('theory', '--config', 'scheme=gd&n=16').out).paperB1).toBe(0);
  });
});
