// Lessons cannot rot: every built-in step's solution reaches its goal on wasm (and no goal is met before its task
// starts, nor lies within the run's own noise of where its step starts); `lesson check` as a process prints a line per
// step with its margin (or JSON), exits 1 when a goal is missed (or, strict, when a margin is within the noise) and 2
// when a file is refused; `lesson init` writes a starter lesson from a link.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { parseLesson } from '../core/lessons/format';
import { selectNodeBackend } from './backend';
import { checkLesson } from './lesson';

const DIR = path.resolve('src/lessons');
const tsx = path.resolve('node_modules/.bin/tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'subnet-lesson-'));

beforeAll(() => selectNodeBackend('wasm'));

describe('every built-in lesson can be done', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')))
    it(file, async () => {
      const { error, outcomes } = await checkLesson(readFileSync(path.join(DIR, file), 'utf8'), 20_000, () => {});
      expect(error).toBeNull();
      expect(outcomes.filter((o) => !o.ok).map((o) => o.line)).toEqual([]);
    });
});

describe('cli lesson check', () => {
  const run = (...args: string[]) => spawnSync(tsx, ['src/cli/main.ts', 'lesson', ...args], { encoding: 'utf8' });
  const write = (name: string, steps: unknown[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify({ format: 'subnet-lab-lesson/1', id: 'x', title: 'T', summary: 'S', steps }));
    return file;
  };
  it('a goal the solution misses fails its step: one line per step, exit 1', () => {
    const file = write('miss.json', [
      {
        title: 'Reachable',
        text: 't',
        link: 'scheme=gd&m=256',
        goal: { text: 'g', all: [{ metric: 'err', lt: 0.01 }] },
        solution: '',
      },
      {
        title: 'Missed',
        text: 't',
        link: 'scheme=dropout&m=256',
        goal: { text: 'g', all: [{ metric: 'err', lt: 1e-9 }] },
        solution: '',
      },
    ]);
    const r = run('check', file, '--max-rounds', '300');
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ok {3}step 1 \(Reachable\): goal reached at round \d+: err < 0\.01: [\d.e-]+, margin /);
    expect(lines[1]).toMatch(/^FAIL step 2 \(Missed\): goal NOT reached in 300 rounds/);
    expect(lines[2]).toBe('x: 1 of 2 steps pass');
  });
  it('a goal already met when the step opens fails', () => {
    const file = write('met.json', [
      {
        title: 'Done',
        text: 't',
        link: 'scheme=gd&m=256',
        goal: { text: 'g', all: [{ config: 'm', eq: 256 }] },
        solution: '',
      },
    ]);
    const r = run('check', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/the goal is met before the task starts/);
  });
  it('a threshold within the run’s own noise of where the step starts is refused, with the value and the noise', () => {
    // The old fourth step of "Linear convergence": its own link's plateau sits a noise away from 0.07.
    const file = write('noise.json', [
      {
        title: 'Smaller steps',
        text: 't',
        link: 'scheme=dropout&xi=0.5',
        goal: {
          text: 'g',
          all: [
            { metric: 'plateau', lt: 0.07 },
            { config: 'xi', eq: 0.5 },
          ],
        },
        solution: 'eta=0.018',
      },
    ]);
    const r = run('check', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^FAIL step 1 \(Smaller steps\): refused — plateau < 0\.07 lies within 3 × the run's own noise of where the step starts: its own link measures [\d.]+ ± [\d.e-]+ — move the threshold at least [\d.e-]+ from [\d.]+/m,
    );
  });
  it('a margin within the run’s noise is a warning, and with --strict a failure; --json reports every number', () => {
    // Dropout's plateau at ξ = 0.8 is about 0.04 with a noise of a few thousandths: 0.042 leaves too thin a margin
    // (the run crosses it, and a little later it may be back above).
    const file = write('thin.json', [
      {
        title: 'Thin',
        text: 't',
        link: 'scheme=dropout&xi=0.5',
        goal: { text: 'g', all: [{ metric: 'plateau', lt: 0.042 }] },
        solution: 'xi=0.8',
      },
    ]);
    const loose = run('check', file);
    expect(loose.status).toBe(0);
    expect(loose.stdout).toMatch(
      /^warn step 1 \(Thin\): goal reached at round \d+: plateau < 0\.042: [\d.]+, margin -?[\d.e-]+ \(-?\d+ % of the threshold, -?[\d.]+ × the noise [\d.e-]+\) .* — warning: the margin of plateau < 0\.042 is within the run's own noise/m,
    );
    expect(run('check', file, '--strict').status).toBe(1);
    const json = run('check', file, '--json', '--strict');
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ lesson: 'x', ok: false, strict: true });
    const [c] = report.steps[0].conditions;
    expect(report.steps[0]).toMatchObject({
      step: 1,
      ok: false,
      reached: true,
      warning: expect.stringMatching(/noise/),
    });
    expect(c.label).toBe('plateau < 0.042');
    expect(typeof c.value).toBe('number');
    expect(c.margin).toBeCloseTo(0.042 - c.value, 12);
    expect(c.margin).toBeLessThan(c.noise);
    // Where the step starts (its own link, ξ = 0.5) the plateau is far above, by many times its noise.
    expect(c.start - 0.042).toBeGreaterThan(3 * c.startNoise);
  });
  it('lesson init writes a starter lesson from a link that parses and opens on it; a bad link is refused', () => {
    const out = path.join(dir, 'init.json');
    expect(run('init', '?scheme=dropout&xi=0.5', '--out', out).status).toBe(0);
    const res = parseLesson(readFileSync(out, 'utf8'));
    if (!res.ok) throw new Error(res.error);
    expect(res.lesson.steps[0]).toMatchObject({ link: 'scheme=dropout&xi=0.5', focus: 'error' });
    const bad = run('init', 'scheme=dropout&xi=7');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/lesson init: the link would be corrected/);
  });
  it('a refused file is one error line naming the step and the field, exit 2', () => {
    const file = write('bad.json', [{ title: 'Bad', text: 't', link: 'scheme=dropout&xi=7' }]);
    const r = run('check', file);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^error: Lesson refused — step 1, field "link": the link would be corrected/);
  });
  it('bad arguments: exit 2', () => {
    expect(run('grade', 'x.json').status).toBe(2);
    expect(run('check', path.join(dir, 'none.json')).stderr).toMatch(/lesson file not found/);
    expect(run('check', write('ok.json', []), '--backend', 'cuda').status).toBe(2);
  });
});
