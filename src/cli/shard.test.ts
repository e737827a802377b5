// Grids that fan out, as a user runs them (real processes): each command's shards merged in any order give exactly
// the bytes of the unsharded output; malformed --shard and every kind of bad merge are one error line and exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'subnet-shard-'));
const tsx = path.resolve('node_modules/.bin/tsx');

function cli(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const file = (name: string) => path.join(dir, name);

/** Runs the command whole and in `of` shards, merges the shards (last first), and returns both outputs. */
function wholeAndMerged(name: string, args: string[], of: number): { whole: string; merged: string; shards: string[] } {
  const whole = cli(...args, '--out', file(`${name}.csv`));
  expect(whole.code, whole.err).toBe(0);
  const shards = Array.from({ length: of }, (_, i) => file(`${name}-${i + 1}.json`));
  shards.forEach((out, i) => {
    const r = cli(...args, '--shard', `${i + 1}/${of}`, '--out', out);
    expect(r.code, r.err).toBe(0);
  });
  const merged = cli('merge', ...shards.slice().reverse(), '--out', file(`${name}-merged.csv`));
  expect(merged.code, merged.err).toBe(0);
  return {
    whole: readFileSync(file(`${name}.csv`), 'utf8'),
    merged: readFileSync(file(`${name}-merged.csv`), 'utf8'),
    shards,
  };
}

describe('--shard and merge', () => {
  const config = file('config.json');
  writeFileSync(config, JSON.stringify({ scheme: 'custom', m: 32, n: 8, d: 4, seed: 5 }));
  const sweep = ['sweep', '--config', config, '--grid', 'p=1,2,3;xi=0.5,1', '--rounds', '60', '--backend', 'wasm'];

  it('sweep: three shards merged are the unsharded CSV byte for byte', () => {
    const { whole, merged, shards } = wholeAndMerged('sweep', sweep, 3);
    expect(whole.split('\n')).toHaveLength(8); // a header, six cells, the final newline
    expect(merged).toBe(whole);
    // Cell k is shard k mod 3 + 1's: shard 1 holds cells 0 and 3.
    const s1 = JSON.parse(readFileSync(shards[0], 'utf8')) as { results: Record<string, string[]> };
    expect(Object.keys(s1.results)).toEqual(['0', '3']);
    expect(s1.results['3']).toEqual([whole.split('\n')[4]]);
  }, 60_000);

  it('phase: rows of n in two shards merged are the unsharded CSV byte for byte', () => {
    const args = ['phase', '--config', 'd=4&seed=3&scheme=gd', '--n', '8,12,16', '--m', '2,32'];
    const { whole, merged } = wholeAndMerged('phase', [...args, '--seeds', '2', '--rounds', '200'], 2);
    expect(whole.split('\n')).toHaveLength(8);
    expect(merged).toBe(whole);
  }, 60_000);

  it('altmin-phase: trials in four shards merged are the unsharded CSV byte for byte', () => {
    const args = ['altmin-phase', '--config', 'model=skip&d=6&gamma=1&gdIters=200&seed=2', '--n', '20,300'];
    const { whole, merged } = wholeAndMerged('altmin', [...args, '--trials', '3'], 4);
    expect(whole).toMatch(/^n,method,start,recovered,trials\n/);
    expect(merged).toBe(whole);
  }, 60_000);

  it('validate: a shard that holds no cell merges like any other', () => {
    const args = ['validate', '--config', 'scheme=dropout&xi=0.5&n=8&d=4&m=64&seed=3&eta=0.2', '--grid', 'tau=1,2'];
    const { whole, merged } = wholeAndMerged('validate', [...args, '--seeds', '1', '--rounds', '300'], 3);
    expect(whole.split('\n')).toHaveLength(4);
    expect(merged).toBe(whole);
  }, 120_000);

  it('a malformed or out-of-range --shard is one error line and exit 2', () => {
    for (const bad of ['0/3', '4/3', '1/0', 'x', '1/2/3', '-1/2']) {
      const r = cli(...sweep, '--shard', bad);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`error: --shard must be i/N with N from 1 to 100000 and i from 1 to N, got "${bad}"\n`);
    }
    expect(cli(...sweep, '--shard', '1/2', '--out', file('x.csv')).err).toBe(
      'error: --out must end in .json for a shard, got "' + file('x.csv') + '"\n',
    );
  });

  it('merge refuses missing, doubled and foreign shards, naming which', () => {
    const part = (args: string[], i: number, of: number, name: string) => {
      expect(cli(...args, '--shard', `${i}/${of}`, '--out', file(name)).code).toBe(0);
      return file(name);
    };
    const a1 = part(sweep, 1, 2, 'a1.json');
    const a2 = part(sweep, 2, 2, 'a2.json');
    const other = part([...sweep.slice(0, 4), 'p=1,2;xi=0.5,1', ...sweep.slice(5)], 2, 2, 'b2.json');
    const merge = (...files: string[]) => cli('merge', ...files);
    expect(merge(a1).err).toBe('error: missing shard 2/2\n');
    expect(merge(a1, a1, a2).err).toBe(`error: shard 1/2 is given twice: ${a1} and ${a1}\n`);
    expect(merge(a1, other).err).toBe(
      `error: ${other} is not a shard of the same run as ${a1}: --grid differs ("p=1,2,3;xi=0.5,1" against "p=1,2;xi=0.5,1")\n`,
    );
    const edited = file('config2.json');
    writeFileSync(edited, JSON.stringify({ scheme: 'custom', m: 32, n: 8, d: 4, seed: 6 }));
    const moved = part([sweep[0], '--config', edited, ...sweep.slice(3)], 2, 2, 'c2.json');
    writeFileSync(file('c2-as-a.json'), readFileSync(moved, 'utf8').replace(edited, config));
    expect(merge(a1, file('c2-as-a.json')).err).toBe(
      `error: ${file('c2-as-a.json')} is not a shard of the same run as ${a1}: the file given as --config differs in content\n`,
    );
    writeFileSync(file('junk.json'), '{"format":"something"}');
    expect(merge(a1, file('junk.json')).err).toBe(
      `error: ${file('junk.json')} is not a shard file (its format is not subnet-lab-shard/1)\n`,
    );
    const tampered = JSON.parse(readFileSync(a2, 'utf8')) as { results: Record<string, unknown> };
    tampered.results['0'] = ['1,0.5,0,true,0,60'];
    writeFileSync(file('t2.json'), JSON.stringify(tampered));
    const r = merge(a1, file('t2.json'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: ${file('t2.json')} holds results of units that are not its own\n`);
    const damaged = { ...(JSON.parse(readFileSync(a1, 'utf8')) as object), units: 1e12 };
    writeFileSync(file('d1.json'), JSON.stringify(damaged));
    expect(merge(file('d1.json'), a2).err).toBe(
      `error: ${file('d1.json')} is a damaged shard file (a field is missing or of the wrong type)\n`,
    );
    expect(merge().err).toBe('error: merge needs the shard files: merge FILE… --out FILE\n');
  }, 120_000);
});
