// The command line as a user runs it (a real process): train / theory, --init, --data, bad arguments, and the bundle
// that `npm run cli` runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseConfig } from '../core/masked/config';
import { initWeights } from '../core/masked/init';
import { makeData } from '../core/masked/problem';
import { outputs, referenceRound, squaredError } from '../core/masked/reference';
import { toRows } from '../core/math/matrix';
import { Rng } from '../core/math/rng';
import { relErr } from '../core/math/testing';

const dir = mkdtempSync(path.join(tmpdir(), 'subnet-cli-'));
const tsx = path.resolve('node_modules/.bin/tsx');

function cli(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function csv(text: string): Record<string, number>[] {
  const [head, ...lines] = text.trim().split('\n');
  const keys = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v === '' ? NaN : Number(v)])));
}

describe('cli train', () => {
  it('full GD from --init equals plain gradient descent (float64) to 1e-4', () => {
    const config = parseConfig('scheme=gd&n=8&d=4&m=64&eta=0.2&seed=3').config;
    const init = initWeights(64, 4, { w: 1, a: null }, new Rng(99));
    const initFile = path.join(dir, 'init.json');
    writeFileSync(initFile, JSON.stringify({ W: toRows(init.W), a: Array.from(init.a) }));
    const out = path.join(dir, 'gd.csv');
    const r = cli(
      'train',
      '--config',
      'scheme=gd&n=8&d=4&m=64&eta=0.2&seed=3',
      '--init',
      initFile,
      '--rounds',
      '30',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const rows = csv(readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(31);
    const { X, y } = makeData(config);
    let W = init.W;
    const all1 = new Float32Array(64).fill(1);
    for (let k = 0; k <= 30; k++) {
      expect(rows[k].round).toBe(k);
      expect(relErr(rows[k].err, squaredError(outputs(X, W, init.a), y))).toBeLessThan(1e-4);
      W = referenceRound(X, y, init.a, W, all1, { xi: 1, p: 1, tau: 1, eta: 0.2, aggregate: 'keep' }).W;
    }
  });

  it('reads --data, writes JSON with --out .json, and notes the changes it made', () => {
    const dataFile = path.join(dir, 'data.csv');
    writeFileSync(dataFile, 'x1,x2,x3,y\n1,2,2,0.5\n0,3,4,-0.2\n1,0,0,0.9\n0,1,0,-0.7\n');
    const out = path.join(dir, 'run.json');
    const r = cli(
      'train',
      '--config',
      'scheme=ist&p=2&m=32&xi=0.9',
      '--data',
      dataFile,
      '--rounds',
      '5',
      '--backend',
      'wasm',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/note: .*ξ = 1\/p/);
    expect(r.err).toMatch(/note: n and d are taken from the data: n = 4, d = 3/);
    const h = JSON.parse(readFileSync(out, 'utf8'));
    expect(h.round).toEqual([0, 1, 2, 3, 4, 5]);
    expect(h.surrErr[0]).toBeNull();
    expect(h.err[5]).toBeLessThan(h.err[0]);
  });

  it('a JSON config file gives the same run as the same link', () => {
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ scheme: 'msdropout', p: 3, m: 48, n: 6, d: 3, seed: 8 }));
    const a = cli('train', '--config', file, '--rounds', '4');
    const b = cli('train', '--config', 'scheme=msdropout&p=3&m=48&n=6&d=3&seed=8', '--rounds', '4');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });
});

describe('cli sweep', () => {
  it('a 3 × 3 grid writes 9 rows with the grid values, the converged error and R_lazy', () => {
    const out = path.join(dir, 'sweep.csv');
    const r = cli(
      'sweep',
      '--config',
      'scheme=custom&mask=bernoulli&m=64&n=8&d=4',
      '--grid',
      'p=1,2,4;xi=0.5,0.8,1',
      '--rounds',
      '60',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const rows = csv(readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(9);
    expect(rows.map((x) => [x.p, x.xi])).toEqual([1, 2, 4].flatMap((p) => [0.5, 0.8, 1].map((xi) => [p, xi])));
    for (const x of rows) {
      expect(Number.isFinite(x.converged)).toBe(true);
      expect(x.radius).toBeGreaterThanOrEqual(0);
    }
    expect(rows.filter((x) => x.xi === 1).every((x) => x.radius === 0)).toBe(true);
    expect(rows[0].radius).toBeGreaterThan(rows[6].radius); // R falls with p at ξ = 0.5
  });

  it('a cell whose value a preset changes is written as it was trained, and says so', () => {
    const r = cli('sweep', '--config', 'scheme=msdropout&m=32&n=6&d=3', '--grid', 'p=1,3', '--rounds', '20');
    expect(r.code).toBe(0);
    expect(csv(r.out).map((x) => x.p)).toEqual([2, 3]);
    expect(r.err).toMatch(/note: cell p=1: Multi-sample dropout needs at least 2 subnetworks; p = 1 raised to 2\./);
  });

  it('--data and --init: the cells train on the given data, and from the given weights where the width is theirs', () => {
    const dataFile = path.join(dir, 'sweep-data.csv');
    writeFileSync(dataFile, 'x1,x2,x3,y\n1,2,2,0.5\n0,3,4,-0.2\n1,0,0,0.9\n0,1,0,-0.7\n2,1,0,0.1\n');
    const init = initWeights(16, 3, { w: 1, a: null }, new Rng(5));
    const initFile = path.join(dir, 'sweep-init.json');
    writeFileSync(initFile, JSON.stringify({ W: toRows(init.W), a: Array.from(init.a) }));
    const r = cli(
      'sweep',
      '--config',
      'scheme=gd&m=16&eta=0.1',
      '--data',
      dataFile,
      '--init',
      initFile,
      '--grid',
      'm=16,32',
      '--rounds',
      '20',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/n and d are taken from the data: n = 5, d = 3/);
    const rows = csv(r.out);
    // Full GD from the given weights on the given data: the same run as `train` with the same files.
    const t = cli(
      'train',
      '--config',
      'scheme=gd&m=16&eta=0.1',
      '--data',
      dataFile,
      '--init',
      initFile,
      '--rounds',
      '20',
    );
    const errs = csv(t.out).map((x) => x.err);
    expect(relErr(rows[0].converged, (errs[19] + errs[20]) / 2)).toBeLessThan(1e-6);
    expect(rows[1].m).toBe(32);
  });
});

describe('cli theory', () => {
  it('prints the predicted numbers as JSON', () => {
    const r = cli('theory', '--config', 'scheme=dropout&xi=0.5&n=10&d=5&m=2048');
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    for (const k of ['theta', 'lambda0', 'lambdaMax', 'etaAuto', 'radius', 'rate', 'mReq'])
      expect(Number.isFinite(t[k])).toBe(true);
    expect(t.theta).toBe(0.5);
    expect(t.etaAuto).toBeCloseTo((0.1 * 0.5) / t.lambdaMax, 12);
    expect(t.rate).toBeCloseTo(1 - t.eta * t.lambda0, 12);
  });
});

describe('bad arguments: one line, exit code 2', () => {
  const dataFile = path.join(dir, 'dup.csv');
  writeFileSync(dataFile, '1,0,1\n2,0,1\n');
  const cases: [string[], RegExp][] = [
    [[], /expected a command/],
    [['fly'], /expected a command/],
    [['train', '--rounds', 'ten'], /--rounds must be a whole number/],
    [['train', '--rounds'], /--rounds needs a value/],
    [['train', '--backend', 'cuda'], /--backend must be one of cpu, wasm, webgpu/],
    [['train', '--out', 'x.txt'], /--out must end in .csv or .json/],
    [['train', '--colour', 'red'], /unknown option --colour/],
    [['train', '--config', 'missing.json'], /config file not found/],
    [['theory', '--data', dataFile], /point the same way/],
    [['train', 'stray'], /unexpected argument/],
    [['sweep', '--rounds', '10'], /sweep needs --grid/],
    [['train', '--run', 'x.json', '--config', 'm=8'], /--run holds config, data and init/],
    [['sweep', '--grid', 'width=1,2'], /config key/],
  ];
  for (const [args, re] of cases) {
    it(args.join(' ') || '(nothing)', () => {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(re);
      expect(r.out).toBe('');
    });
  }
});

describe('cli on WebGPU (Dawn; SwiftShader\u2019s Vulkan driver where there is no GPU)', () => {
  const env = {
    ...process.env,
    VK_ICD_FILENAMES: process.env.VK_ICD_FILENAMES ?? '/usr/lib/chromium/vk_swiftshader_icd.json',
  };
  const run = (backend: string, config: string) => {
    const r = spawnSync(tsx, ['src/cli/main.ts', 'train', '--config', config, '--rounds', '20', '--backend', backend], {
      encoding: 'utf8',
      env,
    });
    expect(r.status, r.stderr).toBe(0);
    return csv(r.stdout);
  };
  for (const config of [
    'scheme=msdropout&p=3&xi=0.5&m=128&n=12&d=6&seed=4',
    'scheme=ist&p=3&tau=2&m=96&n=12&d=6&act=gelu&layers=both&init=lecun&eta=0.01',
  ]) {
    it(`the WebGPU trajectory equals cpu\u2019s to float32 rounding: ${config}`, () => {
      const gpu = run('webgpu', config);
      const cpu = run('cpu', config);
      expect(gpu).toHaveLength(21);
      gpu.forEach((row, k) => {
        expect(relErr(row.err, cpu[k].err)).toBeLessThan(1e-4);
        expect(Math.abs(row.maxMove - cpu[k].maxMove)).toBeLessThan(1e-4 * Math.max(1, cpu[k].maxMove));
      });
    });
  }
  it('with no usable adapter, says why in one error line and exits 2', () => {
    const r = spawnSync(tsx, ['src/cli/main.ts', 'train', '--rounds', '2', '--backend', 'webgpu'], {
      encoding: 'utf8',
      env: { ...process.env, VK_ICD_FILENAMES: '/nonexistent.json' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([
      expect.stringMatching(/^error: no usable WebGPU adapter: .*VK_ICD_FILENAMES=/),
    ]);
  });
});

describe('cli: modes and the function (THEORY.md I)', () => {
  it('theory --modes K lists the K slowest directions with their floors, ascending; above n it is clamped with a note', () => {
    const r = cli('theory', '--config', 'scheme=dropout&n=8&d=4', '--modes', '12');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/--modes 12 is more than the 8 directions of H\^∞; using 8/);
    const modes = (JSON.parse(r.out) as { modes: { lambda: number; floor: number }[]; radius: number }).modes;
    expect(modes).toHaveLength(8);
    for (let i = 1; i < 8; i++) expect(modes[i].lambda).toBeGreaterThanOrEqual(modes[i - 1].lambda);
    const radius = (JSON.parse(r.out) as { radius: number }).radius;
    expect(modes.reduce((s, q) => s + q.floor, 0)).toBeCloseTo(radius, 10);
  });
  it('train --modes K adds mode1…modeK; --function N writes the curve at the last round; d ≠ 2 is an error', () => {
    const csvOut = cli('train', '--config', 'scheme=gd&n=8&d=4&m=64', '--rounds', '3', '--modes', '2');
    expect(csvOut.out.split('\n')[0]).toMatch(/,mode1,mode2$/);
    expect(csv(csvOut.out)).toHaveLength(4);
    const file = path.join(dir, 'fn.json');
    const r = cli('train', '--config', 'data=circle&n=8&m=128', '--rounds', '20', '--function', '16', '--out', file);
    expect(r.code).toBe(0);
    const f = (
      JSON.parse(readFileSync(file, 'utf8')) as {
        function: { angle: number[]; network: number[]; predicted: number[] };
      }
    ).function;
    expect(f.angle).toHaveLength(16);
    expect(f.angle[4]).toBeCloseTo(Math.PI / 2, 12);
    expect(f.network).toHaveLength(16);
    expect(f.predicted).toHaveLength(16);
    const bad = cli('train', '--config', 'n=8&d=4', '--function', '16', '--out', file);
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toMatch(/^error: --function draws f around the circle: it needs d = 2 data/);
  });
});

describe('npm run cli (the bundle made ahead of time)', () => {
  it('prints what the sources print, trains on wasm, and keeps exit code 2 for bad arguments', () => {
    const launch = (...args: string[]) => spawnSync('node', ['scripts/cli.mjs', ...args], { encoding: 'utf8' });
    const config = 'scheme=ist&p=4&n=12&d=5&m=96';
    for (const args of [
      ['theory', '--config', config],
      ['train', '--config', config, '--rounds', '5', '--backend', 'wasm'],
    ]) {
      const bundled = launch(...args);
      expect(bundled.status, bundled.stderr).toBe(0);
      expect(bundled.stdout).toBe(cli(...args).out);
    }
    const bad = launch('sweep', '--bogus');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown option --bogus');
  }, 120_000);
});
