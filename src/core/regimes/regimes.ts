/**
 * How wide is wide enough (THEORY.md E): the required width against n for each regime — Du et al., this paper's
 * Theorem 3 (orders, C = 1) and the m_req heuristic (C.5), Oymak–Soltanolkotabi, Song et al., and the counting
 * bound — and the measured phase diagram: its settings (a table, as links and the CLI read them), the networks it
 * trains, its cells' rule (success: ‖y − u_K‖² ≤ ε‖y − u_0‖²) and CSV, and the size of a grid before it runs.
 */
import { type Config, parseOver } from '../masked/config';
import { type Dataset, subsetRows } from '../masked/datasets';
import { makeData } from '../masked/problem';
import { schemeOf } from '../masked/summary';
import { radiusLazy, type SchemeParams, spectrum, theta, widthRequired } from '../masked/theory';
import { sumSquares } from '../math/matrix';
import { Rng } from '../math/rng';
import { defaultsOf, parseKeys, serializeTable, type Table, toRecord } from '../table';

export interface WidthInputs {
  n: number;
  d: number;
  lambda0: number;
  /** Failure probability δ. */
  delta: number;
  /** Horizon K. */
  rounds: number;
  yNorm2: number;
  /** R_lazy of the scheme at this n. */
  rLazy: number;
  scheme: SchemeParams;
}

export interface Widths {
  du: number;
  paper: number;
  mReq: number;
  oymak: number;
  song: number;
  counting: number;
}

export type RegimeKey = keyof Widths;

/** The regimes in legend order, each with its status label (THEORY.md 0 and E). */
export const REGIMES: { key: RegimeKey; label: string; status: string }[] = [
  { key: 'du', label: 'Du et al. 2019: n⁶/(λ₀⁴δ³)', status: 'secondary sources' },
  {
    key: 'paper',
    label: 'Liao & Kyrillidis v1, Theorem 3 without its B₁ term (orders, C = 1)',
    status: 'verified, arXiv v1',
  },
  { key: 'mReq', label: 'm_req, lazy-training heuristic (C.5)', status: 'derived heuristic' },
  { key: 'oymak', label: 'Oymak–Soltanolkotabi: n²/d', status: 'abstract; constants unknown' },
  { key: 'song', label: 'Song et al. 2021: n¹·⁵/d', status: 'verified, submission text' },
  { key: 'counting', label: 'counting bound: n/d', status: 'exact' },
];

/**
 * Each regime's width at n. λ_0 = 0 (duplicate or parallel rows) makes the λ_0-dependent widths infinite.
 * Theorem 3 in the app's convention (κ_v1 = κ/ξ, λ_0,v1 = ξλ_0): (K/δ)·max{n⁴/(κ²θξ³λ_0⁴), K²p}.
 */
export function requiredWidths(w: WidthInputs): Widths {
  const { n, d, lambda0: l0, delta, rounds: K, scheme: s } = w;
  const th = theta(s.xi, s.p, s.categorical);
  // Below 1e−12, λ_0 is rounding of a singular H^∞ (duplicate or parallel rows).
  const positive = l0 > 1e-12;
  return {
    du: positive ? n ** 6 / (l0 ** 4 * delta ** 3) : Infinity,
    paper: positive
      ? (K / delta) * Math.max(n ** 4 / (s.kappa ** 2 * th * s.xi ** 3 * l0 ** 4), K * K * s.p)
      : Infinity,
    mReq: positive
      ? widthRequired(s, { n, lambda0: l0, yNorm2: w.yNorm2, delta, rounds: K, rLazy: w.rLazy })
      : Infinity,
    oymak: (n * n) / d,
    song: n ** 1.5 / d,
    counting: n / d,
  };
}

/**
 * The data a regime is evaluated on at n: the seed's synthetic data at the current d, or a seeded subset of n of the
 * given rows (null when n exceeds them).
 */
export function dataAt(config: Config, n: number, given?: Dataset): Dataset | null {
  if (!given) return makeData({ ...config, n });
  return n <= given.X.rows ? subsetRows(given, n, Rng.stream(config.seed, 'subset')) : null;
}

/** Every regime's width at the data's n, with λ_0 of that data and the scheme's R_lazy (δ and K as THEORY.md C.5). */
export function widthsAt(
  config: Config,
  data: Dataset,
  delta: number,
  rounds: number,
): { lambda0: number; widths: Widths } {
  const sp = spectrum(data.X);
  const cfg = { ...config, n: data.X.rows, d: data.X.cols };
  const scheme = schemeOf(cfg, sp);
  const widths = requiredWidths({
    n: cfg.n,
    d: cfg.d,
    lambda0: sp.lambda0,
    delta,
    rounds,
    yNorm2: sumSquares(data.y),
    rLazy: radiusLazy(sp, scheme),
    scheme,
  });
  return { lambda0: sp.lambda0, widths };
}

export const PHASE_SETTINGS = ['lazy', 'os', 'song', 'current'] as const;
export type PhaseSetting = (typeof PHASE_SETTINGS)[number];
export const PHASE_METRICS = ['success', 'move', 'flip', 'ntk'] as const;
export type PhaseMetric = (typeof PHASE_METRICS)[number];

/** The regimes view's settings (the link holds them beside the training configuration whose d, κ, data and seed they use). */
export interface PhaseSettingsT {
  setting: PhaseSetting;
  ns: string;
  ms: string;
  seeds: number;
  rounds: number;
  eps: number;
  show: PhaseMetric;
}

export const PHASE_TABLE: Table<PhaseSettingsT> = {
  setting: {
    kind: 'enum',
    options: PHASE_SETTINGS,
    default: 'lazy',
    label: 'setting',
    help: 'lazy: ReLU, first layer, NTK initialization (Du et al.); os: GELU, first layer (Oymak–Soltanolkotabi); song: GELU, both layers, LeCun with the ω₂/ω₁ factor (Song et al.); current: the network settings of the training view.',
  },
  ns: {
    kind: 'list',
    min: 2,
    max: 4096,
    maxLength: 10,
    default: '8,16,32,64',
    label: 'samples n',
    help: 'Sample sizes (rows of the grid).',
  },
  ms: {
    kind: 'list',
    min: 1,
    max: 16384,
    maxLength: 12,
    default: '1,4,16,64,256,1024',
    label: 'width m',
    help: 'Widths (columns of the grid).',
  },
  seeds: {
    kind: 'int',
    min: 1,
    max: 20,
    default: 3,
    label: 'seeds per cell',
    help: 'Initializations per cell (the data stay those of the training view’s seed).',
  },
  rounds: {
    kind: 'int',
    min: 10,
    max: 100000,
    default: 1000,
    label: 'rounds K',
    help: 'Full-batch GD rounds per run.',
  },
  eps: {
    kind: 'number',
    min: 1e-12,
    max: 0.5,
    default: 1e-3,
    label: 'ε',
    help: 'A run succeeds when ‖y − u_K‖² ≤ ε·‖y − u_0‖².',
  },
  show: {
    kind: 'enum',
    options: PHASE_METRICS,
    default: 'success',
    label: 'heatmap shows',
    help: 'success: fraction of seeds that reach ε; move: median largest neuron move; flip: median flipped-sign fraction; ntk: median ‖H(K) − H(0)‖/‖H(0)‖.',
  },
};

export function defaultPhaseSettings(): PhaseSettingsT {
  return defaultsOf(PHASE_TABLE);
}

export function parsePhaseSettings(input: Record<string, unknown> | URLSearchParams | string | null | undefined): {
  settings: PhaseSettingsT;
  messages: string[];
} {
  const messages: string[] = [];
  const { config } = parseKeys(PHASE_TABLE, defaultPhaseSettings(), toRecord(input, messages), messages);
  return { settings: config, messages };
}

export function serializePhaseSettings(s: PhaseSettingsT): string {
  return serializeTable(PHASE_TABLE, s);
}

export const listOf = (csv: string): number[] => csv.split(',').map(Number);

/** The network a setting trains, with full-batch GD (the width theorems are about GD), over the training view's configuration. */
export function phaseConfig(base: Config, setting: PhaseSetting): Config {
  const net: Record<PhaseSetting, Record<string, string>> = {
    lazy: { act: 'relu', layers: 'first', init: 'ntk' },
    os: { act: 'gelu', layers: 'first', init: 'ntk' },
    song: { act: 'gelu', layers: 'both', init: 'lecun' },
    current: {},
  };
  return parseOver(base, { scheme: 'gd', eta: 'auto', ...net[setting] }).config;
}

/** What one run of a phase cell reports. */
export interface PhaseRun {
  err0: number;
  errK: number;
  maxMove: number;
  flipFrac: number;
  ntkShift: number;
}

export interface PhaseCell {
  n: number;
  m: number;
  seeds: number;
  /** Fraction of seeds with errK ≤ ε·err0 (a diverged run fails). */
  success: number;
  medianRatio: number;
  maxMove: number;
  flipFrac: number;
  ntkShift: number;
  rounds: number;
  /** m·d < n: fewer parameters than samples. */
  fewerParams: boolean;
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

export function phaseCell(n: number, m: number, d: number, runs: PhaseRun[], eps: number, rounds: number): PhaseCell {
  const ratios = runs.map((r) => (Number.isFinite(r.errK) ? r.errK / r.err0 : Infinity));
  return {
    n,
    m,
    seeds: runs.length,
    rounds,
    success: ratios.filter((q) => q <= eps).length / runs.length,
    medianRatio: median(ratios),
    maxMove: median(runs.map((r) => r.maxMove)),
    flipFrac: median(runs.map((r) => r.flipFrac)),
    ntkShift: median(runs.map((r) => r.ntkShift)),
    fewerParams: m * d < n,
  };
}

export const PHASE_CSV_KEYS = [
  'n',
  'm',
  'seeds',
  'success',
  'medianRatio',
  'maxMove',
  'flipFrac',
  'ntkShift',
  'rounds',
] as const;

/** The measured boundary: for each n (in order), the smallest width with at least half the seeds succeeding. */
export function measuredBoundary(cells: readonly PhaseCell[]): { n: number; m: number }[] {
  const best = new Map<number, number>();
  for (const c of cells) if (c.success >= 0.5 && c.m < (best.get(c.n) ?? Infinity)) best.set(c.n, c.m);
  return [...best].sort((a, b) => a[0] - b[0]).map(([n, m]) => ({ n, m }));
}

export function phaseCellsCsv(cells: readonly PhaseCell[]): string {
  return (
    [PHASE_CSV_KEYS.join(','), ...cells.map((c) => PHASE_CSV_KEYS.map((k) => String(c[k])).join(','))].join('\n') + '\n'
  );
}

/** Operations of one row of the grid (all widths and seeds at one n, one program): forward, backward and bookkeeping per round. */
export function phaseRowWork(n: number, d: number, ms: readonly number[], seeds: number, rounds: number): number {
  const M = seeds * ms.reduce((a, b) => a + b, 0);
  const R = seeds * ms.length;
  return rounds * (4 * n * d * M + 6 * n * M + 2 * n * M * R);
}

/** Most operations a grid may take: about ten minutes at the 2 GFLOP/s the wasm backend reaches here on these shapes. */
export const MAX_PHASE_WORK = 1.2e12;

/** A refusal in words, with the estimate and the largest widths that fit, or null. */
export function phaseTooLarge(
  ns: readonly number[],
  ms: readonly number[],
  d: number,
  seeds: number,
  rounds: number,
): string | null {
  const work = (list: readonly number[]) => ns.reduce((s, n) => s + phaseRowWork(n, d, list, seeds, rounds), 0);
  const total = work(ms);
  if (total <= MAX_PHASE_WORK) return null;
  let fit = ms.length;
  while (fit > 0 && work(ms.slice(0, fit)) > MAX_PHASE_WORK) fit--;
  const minutes = total / 2e9 / 60;
  const best =
    fit > 0
      ? `The largest grid that fits keeps m up to ${ms[fit - 1]}.`
      : 'No width fits: lower the rounds, the seeds or the largest n.';
  return `This grid needs about ${(total / 1e12).toFixed(1)}·10¹² operations (about ${Math.ceil(minutes)} minutes here); the limit is ${MAX_PHASE_WORK / 1e12}·10¹². ${best}`;
}
