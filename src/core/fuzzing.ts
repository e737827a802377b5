/**
 * Seeded generators of malformed inputs for the fuzz tests (unit and end to end): links, CSV and JSON data files, run
 * files and lesson files, with markup, non-numbers, NaN and Infinity, ragged and duplicate rows, BOMs and truncations.
 */
import { CONFIG_KEYS } from './masked/config';
import { Rng } from './math/rng';

let rng = new Rng(20261201);

/** Starts the generators' stream again from a seed. */
export function reseed(seed: number): void {
  rng = new Rng(seed);
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rng.uniform() * (hi - lo + 1));

export const NASTY = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '0x10',
  '1,2,3',
  '',
  ' ',
  '\u0000',
  '\uFEFF1',
  'ⅻ',
  '١٢',
  '%zz',
  '9'.repeat(400),
  '[1]',
  '{}',
  'null',
  'true',
  '1.5e-400',
  'auto',
  '😀',
];
const KEYS = [
  ...CONFIG_KEYS,
  'view',
  'compare',
  'backend',
  'lesson',
  'step',
  'speed',
  'until',
  'embed',
  'panels',
  'controls',
  'present',
  'constructor',
  '__proto__',
  'x'.repeat(200),
];

export function randomLink(): string {
  const parts = Array.from({ length: int(1, 8) }, () => {
    const k = pick(KEYS);
    const v = rng.uniform() < 0.6 ? pick(NASTY) : String(rng.normal() * 10 ** int(-5, 9));
    return rng.uniform() < 0.2
      ? `${encodeURIComponent(k)}`
      : `${encodeURIComponent(k)}=${rng.uniform() < 0.5 ? encodeURIComponent(v) : v}`;
  });
  return `?${parts.join(rng.uniform() < 0.9 ? '&' : ';')}`;
}

export function randomCsv(): string {
  const rows = int(0, 12);
  const cols = int(1, 5);
  const sep = pick([',', ';', '\t', ' , ']);
  const lines = Array.from({ length: rows }, (_, i) => {
    const n = rng.uniform() < 0.15 ? int(0, cols + 2) : cols;
    return Array.from({ length: n }, () =>
      rng.uniform() < 0.15 ? pick(NASTY) : (rng.normal() * (i % 3 === 0 ? 0 : 1)).toString(),
    ).join(sep);
  });
  if (rng.uniform() < 0.3) lines.splice(int(0, lines.length), 0, lines[0] ?? '1,2');
  return (
    (rng.uniform() < 0.2 ? '\uFEFF' : '') +
    (rng.uniform() < 0.3 ? 'x,y\n' : '') +
    lines.join(pick(['\n', '\r\n', '\r']))
  );
}

export function randomJsonData(): string {
  const n = int(0, 6);
  const X = Array.from({ length: n }, () =>
    rng.uniform() < 0.1
      ? pick(NASTY)
      : Array.from({ length: int(1, 3) }, () => (rng.uniform() < 0.1 ? pick([null, 'a', true, {}]) : rng.normal())),
  );
  const y = Array.from({ length: int(0, 7) }, () => (rng.uniform() < 0.1 ? pick([null, 'NaN', [1]]) : rng.normal()));
  const obj = pick([{ X, y }, { X }, { y }, { X: 'rows', y }, [X, y], X]);
  const text = JSON.stringify(obj);
  return rng.uniform() < 0.2 ? text.slice(0, int(0, text.length)) : text;
}

export function randomRunFile(): string {
  const base = {
    format: 'subnet-lab-run/1',
    config: randomLink().slice(1),
    data: { X: [[rng.normal(), rng.normal()]], y: [pick([1, 'y', null])] },
    init: { W: [[rng.normal()]], a: [1] },
  };
  const obj = pick([base, { ...base, format: 2 }, { config: 5 }, [], null, 'run', { ...base, init: { W: 'x' } }]);
  const text = JSON.stringify(obj);
  return rng.uniform() < 0.15 ? text.slice(0, int(0, text.length)) : text;
}

export function randomLesson(): string {
  const step = () => ({
    title: pick(['T', '', 5, NASTY[0]]),
    text: pick(['Text $x$', '', NASTY[1], null]),
    link: pick([randomLink(), 'scheme=gd', 42, '']),
    ...(rng.uniform() < 0.5
      ? {
          goal: pick([
            { text: 'g', all: [{ metric: pick(['err', 'plateu', 'phaseDone', 7]), lt: pick([1, 'x', null]) }] },
            { text: 'g' },
            'goal',
          ]),
        }
      : {}),
    ...(rng.uniform() < 0.3 ? { solution: pick(['', 'p=99', 3]) } : {}),
    ...(rng.uniform() < 0.2 ? { focus: pick(['error', 'nowhere', 1]) } : {}),
  });
  const obj = pick([
    {
      format: 'subnet-lab-lesson/1',
      id: pick(['ok-id', 'Bad Id', '']),
      title: 'T',
      summary: 'S',
      steps: Array.from({ length: int(0, 3) }, step),
    },
    { format: pick(['subnet-lab-lesson/2', 1, null]), steps: [] },
    [],
    'lesson',
  ]);
  const text = JSON.stringify(obj);
  return rng.uniform() < 0.15 ? text.slice(0, int(0, text.length)) : text;
}
