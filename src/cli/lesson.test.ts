// Lessons cannot rot: every built-in step's solution reaches its goal on wasm (and no goal is met before its task
// starts); `lesson check` as a process prints a line per step, exits 1 when a goal is missed and 2 when a file is refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

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
    expect(lines[0]).toMatch(/^ok {3}step 1 \(Reachable\): goal reached at round \d+/);
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
