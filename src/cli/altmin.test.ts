// The AltMin commands as a user runs them (a real process): a trace that recovers W*, GD's trace, files that
// override the generated problem, shape errors, and a small phase transition.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseAltMin } from '../core/altmin/config';
import { runAltMin } from '../core/altmin/run';
import { makeStart, makeTeacher, startStream } from '../core/altmin/teacher';
import { toRows } from '../core/math/matrix';

const dir = mkdtempSync(path.join(tmpdir(), 'subnet-altmin-'));
const tsx = path.resolve('node_modules/.bin/tsx');

function cli(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const rowsOf = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map(Number));

describe('cli altmin', () => {
  it('writes iter, dist, loss from the start; AltMin recovers W* and says why it stopped and its rate', () => {
    const r = cli('altmin', '--config', 'model=skip&d=8&n=400&start=identity&seed=3');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('iter,dist,loss');
    const rows = rowsOf(r.out);
    expect(rows[0][0]).toBe(0);
    expect(rows.at(-1)![1]).toBeLessThan(1e-10);
    expect(r.err).toMatch(/note: stopped: W\* recovered/);
    expect(r.err).toMatch(/note: fitted rate ρ = 0\.\d+/);
    const c = parseAltMin('model=skip&d=8&n=400&start=identity&seed=3').config;
    const t = makeTeacher(c);
    const tr = runAltMin(t, makeStart(c, t, startStream(3)), c.iters);
    expect(rows.map((row) => row[1])).toEqual(tr.dist);
  });

  it('GD with --iters, and the files override the generated data, teacher and start', () => {
    const c = parseAltMin('model=general&d=5&k=3&n=120&seed=4').config;
    const t = makeTeacher(c);
    const files = {
      data: path.join(dir, 'data.json'),
      teacher: path.join(dir, 'teacher.json'),
      init: path.join(dir, 'init.json'),
    };
    writeFileSync(files.data, JSON.stringify({ X: toRows(t.X), y: Array.from(t.y) }));
    writeFileSync(files.teacher, JSON.stringify({ W: toRows(t.Wstar), v: Array.from(t.v) }));
    writeFileSync(files.init, JSON.stringify({ W: toRows(t.Wstar) }));
    const out = path.join(dir, 'gd.csv');
    const r = cli(
      'altmin',
      '--config',
      'model=general&d=9&k=2&seed=99',
      '--method',
      'gd',
      '--iters',
      '7',
      '--data',
      files.data,
      '--teacher',
      files.teacher,
      '--init',
      files.init,
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/n and d are taken from the data: n = 120, d = 5/);
    const rows = rowsOf(readFileSync(out, 'utf8'));
    // Started at W*: distance and loss are zero.
    expect(rows[0]).toEqual([0, 0, 0]);
    expect(r.err).toMatch(/the start is W\*/);
  });

  it('shapes that disagree and bad arguments are one line and exit 2', () => {
    const bad = path.join(dir, 'bad-teacher.json');
    writeFileSync(
      bad,
      JSON.stringify({
        W: [
          [1, 2, 3],
          [4, 5, 6],
        ],
        v: [1, -1],
      }),
    );
    for (const args of [
      ['--config', 'model=skip&d=4', '--teacher', bad],
      ['--config', 'model=general&d=4&k=2', '--teacher', bad],
      ['--method', 'newton'],
      ['--out', 'x.json'],
      ['--config', 'model=skip&d=64&n=20000'],
    ]) {
      const r = cli('altmin', ...args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^error: /);
    }
  });
});

describe('cli altmin-phase', () => {
  it("writes n, method, start, recovered, trials for the paper's two starts", () => {
    const r = cli(
      'altmin-phase',
      '--config',
      'model=skip&d=6&gamma=1&gdIters=300&seed=2',
      '--n',
      '20,300',
      '--trials',
      '2',
    );
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('n,method,start,recovered,trials');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(' '))).toEqual([
      '20 altmin identity',
      '20 altmin random',
      '20 gd identity',
      '20 gd random',
      '300 altmin identity',
      '300 altmin random',
      '300 gd identity',
      '300 gd random',
    ]);
    const at = (key: string) => Number(lines.find((l) => l.startsWith(key))!.split(',')[3]);
    expect(at('300,altmin,identity')).toBe(2);
    expect(at('20,altmin,identity')).toBe(0);
    const bad = cli('altmin-phase', '--n', '10,x');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^error: --n "10,x" is not a list of numbers/);
  });
});
