/**
 * AltMin settings (Jagatap & Hegde, THEORY.md F): the planted teacher (model, d, k, n, ‖W*‖_F), the start, the
 * iteration counts and GD's step, and the recovery phase transition's n values and trials. One table for the
 * app's link, the CLI's --config and its JSON files. The skip model has k = d; the identity start exists only for it.
 */
import { defaultsOf, fmt, parseKeys, serializeTable, type Table, toRecord } from '../table';

export const ALTMIN_MODELS = ['skip', 'general'] as const;
export const ALTMIN_STARTS = ['identity', 'near', 'random'] as const;
export type AltMinModel = (typeof ALTMIN_MODELS)[number];
export type AltMinStart = (typeof ALTMIN_STARTS)[number];

export interface AltMinConfig {
  model: AltMinModel;
  d: number;
  k: number;
  n: number;
  gamma: number;
  start: AltMinStart;
  delta0: number;
  seed: number;
  iters: number;
  gdIters: number;
  eta: number | 'auto';
  /** The phase transition's sample sizes, "200,700,1200,1700". */
  ns: string;
  trials: number;
}

export const ALTMIN_TABLE: Table<AltMinConfig> = {
  model: {
    kind: 'enum',
    options: ALTMIN_MODELS,
    default: 'skip',
    label: 'model',
    help: 'skip: y = σ(X(W* + I))v*, the ResNet-type network of the ISIT paper (k = d); general: y = Σ_q v*_q σ(⟨w*_q, x⟩).',
  },
  d: {
    kind: 'int',
    min: 2,
    max: 64,
    default: 20,
    label: 'input dimension d',
    help: 'Dimension of the Gaussian inputs x ~ N(0, I_d).',
  },
  k: {
    kind: 'int',
    min: 1,
    max: 64,
    default: 20,
    label: 'neurons k',
    help: 'Hidden neurons of the teacher and the student (the skip model has k = d).',
  },
  n: {
    kind: 'int',
    min: 2,
    max: 20000,
    default: 1200,
    label: 'samples n',
    help: 'Training samples; the theorem asks for n of order d·k² up to logarithms.',
  },
  gamma: {
    kind: 'number',
    min: 0.01,
    max: 100,
    default: 2,
    label: '‖W*‖_F',
    help: 'Frobenius norm of the teacher’s weights W* (the paper’s γ = 2).',
  },
  start: {
    kind: 'enum',
    options: ALTMIN_STARTS,
    default: 'identity',
    label: 'start',
    help: 'identity: W⁰ = 0, i.e. the identity through the skip connection; near: W* plus a perturbation of relative size δ_0; random: vec(W⁰) ~ N(0, I)/d.',
  },
  delta0: {
    kind: 'number',
    min: 0,
    max: 10,
    default: 0.5,
    label: 'start distance δ_0',
    help: 'The near start: ‖W⁰ − W*‖_F = δ_0·‖W*‖_F (Theorem 1 asks for ‖W⁰ − W*‖_F ≤ δ‖W* + I‖_F with δ < 1).',
  },
  seed: {
    kind: 'int',
    min: 0,
    max: 4294967295,
    default: 1,
    label: 'seed',
    help: 'Fixes the data, the teacher and the start.',
  },
  iters: {
    kind: 'int',
    min: 1,
    max: 200,
    default: 15,
    label: 'AltMin iterations',
    help: 'Iterations of alternating minimization (patterns, then least squares).',
  },
  gdIters: {
    kind: 'int',
    min: 1,
    max: 20000,
    default: 1000,
    label: 'GD iterations',
    help: 'Iterations of gradient descent on the same loss.',
  },
  eta: {
    kind: 'eta',
    min: 1e-6,
    max: 100,
    default: 'auto',
    label: 'GD step η',
    help: '"auto" = 2/(σ²_min + σ²_max) of B/√n at the start (the ISIT paper’s step).',
  },
  ns: {
    kind: 'list',
    min: 2,
    max: 20000,
    maxLength: 12,
    default: '200,700,1200,1700',
    label: 'phase-transition n',
    help: 'Sample sizes of the recovery phase transition.',
  },
  trials: {
    kind: 'int',
    min: 1,
    max: 100,
    default: 10,
    label: 'trials',
    help: 'Trials per sample size (new data and teacher each).',
  },
};

export function defaultAltMin(): AltMinConfig {
  return defaultsOf(ALTMIN_TABLE);
}

export interface AltMinParse {
  config: AltMinConfig;
  messages: string[];
}

/** Parses a JSON object or a link's query string; the skip model's k = d and the identity start's model are enforced with a message. */
export function parseAltMin(input: Record<string, unknown> | URLSearchParams | string | null | undefined): AltMinParse {
  const messages: string[] = [];
  return parseAltMinOver(defaultAltMin(), toRecord(input, messages), messages);
}

export function parseAltMinOver(
  base: AltMinConfig,
  raw: Record<string, unknown>,
  messages: string[] = [],
): AltMinParse {
  const { config: c, given } = parseKeys(ALTMIN_TABLE, base, raw, messages);
  if (c.model === 'skip' && c.k !== c.d) {
    if (given.has('k')) messages.push(`The skip model has k = d = ${c.d} neurons; k = ${fmt(c.k)} was replaced.`);
    c.k = c.d;
  }
  if (c.model === 'general' && c.start === 'identity') {
    if (given.has('start'))
      messages.push('The identity start (W⁰ = 0) exists only for the skip model; using the near start.');
    c.start = 'near';
  }
  return { config: c, messages };
}

export function serializeAltMin(c: AltMinConfig): string {
  return serializeTable(ALTMIN_TABLE, c);
}

/** The sample sizes of the phase transition as numbers. */
export function phaseNs(c: AltMinConfig): number[] {
  return c.ns.split(',').map(Number);
}

/** The two starts the paper compares for a model: identity and random (skip), near and random (general). */
export function paperStarts(model: AltMinModel): AltMinStart[] {
  return model === 'skip' ? ['identity', 'random'] : ['near', 'random'];
}

/** Operations of one AltMin iteration, roughly: the normal equations n·(dk)²/8 and their Cholesky (dk)³/3. */
export function iterationWork(c: Pick<AltMinConfig, 'n' | 'd' | 'k'>): number {
  const u = c.d * c.k;
  return (c.n * u * u) / 8 + (u * u * u) / 3;
}

/** Most operations one iteration may take (a few seconds in a browser here). */
export const MAX_ITERATION_WORK = 2e9;

/** A refusal in words when one iteration would be too slow to be useful, else null. */
export function altminTooLarge(c: Pick<AltMinConfig, 'n' | 'd' | 'k'>): string | null {
  const w = iterationWork(c);
  if (w <= MAX_ITERATION_WORK) return null;
  return (
    `One AltMin iteration at n = ${c.n}, d = ${c.d}, k = ${c.k} (${c.d * c.k} unknowns) needs about ${(w / 1e9).toFixed(1)}·10⁹ operations; ` +
    `the limit is ${MAX_ITERATION_WORK / 1e9}·10⁹ (a few seconds here). Lower n, d or k.`
  );
}
