/**
 * The run configuration: one typed table of every key with its default, range and meaning. The same table
 * parses and validates a JSON config or a link's query string (unknown keys ignored, bad values clamped or
 * defaulted with a message in words per key) and serializes a config back into a link.
 * Scheme presets follow THEORY.md B.2.
 */
import { defaultsOf, fmt, parseKeys, serializeTable, type Table, toRecord } from '../table';

export { showRaw } from '../table';

export const SCHEMES = ['gd', 'dropout', 'msdropout', 'ist', 'custom'] as const;
export type Scheme = (typeof SCHEMES)[number];
export const MASKS = ['bernoulli', 'categorical'] as const;
export const AGGREGATES = ['keep', 'zero'] as const;
export const DATASETS = ['sphere', 'teacher', 'circle'] as const;
export const SPACINGS = ['random', 'even'] as const;
export const ACTIVATIONS = ['relu', 'gelu'] as const;
export const LAYERS = ['first', 'both'] as const;
export const INITS = ['ntk', 'lecun', 'he'] as const;
export const INPUT_MASKS = ['none', 'gauss'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export interface Config {
  scheme: Scheme;
  m: number;
  xi: number;
  p: number;
  tau: number;
  eta: number | 'auto';
  kappa: number;
  n: number;
  d: number;
  data: (typeof DATASETS)[number];
  /** Circle data: the frequencies of the targets' sines, a list like 1,2. */
  freq: string;
  /** Circle data: angles at random (general position) or equally spaced (the trap of THEORY.md I.2). */
  spacing: (typeof SPACINGS)[number];
  seed: number;
  mask: (typeof MASKS)[number];
  aggregate: (typeof AGGREGATES)[number];
  act: Activation;
  layers: (typeof LAYERS)[number];
  init: (typeof INITS)[number];
  ratio: number;
  /** Gaussian input masks (THEORY.md J.1): each round every input coordinate of every sample times c ~ N(1, ν²). */
  inputmask: (typeof INPUT_MASKS)[number];
  /** The input masks' standard deviation ν (the paper's κ). */
  nu: number;
  /** 1: each worker holds its own share of the samples (THEORY.md J.2); 0: every worker sees all of them. */
  split: number;
}

export type ConfigKey = keyof Config;

/** The widest network a config may ask for (devices may allow less: see limits.ts). */
export const MAX_WIDTH = 131072;

/** The table. Order here is the order of keys in a link. */
export const CONFIG_TABLE: Table<Config> = {
  scheme: {
    kind: 'enum',
    options: SCHEMES,
    default: 'dropout',
    label: 'scheme',
    help: 'Training scheme: full-batch GD, dropout, multi-sample dropout, IST, or custom (all knobs free).',
  },
  m: {
    kind: 'int',
    min: 4,
    max: MAX_WIDTH,
    default: 1024,
    label: 'width m',
    help: 'Number of hidden ReLU neurons. The theory needs m large (the lazy regime).',
  },
  xi: {
    kind: 'number',
    min: 0.01,
    max: 1,
    default: 0.5,
    label: 'mask probability ξ',
    help: 'Probability that a subnetwork keeps a neuron. Surrogates scale kept neurons by 1/ξ. IST uses ξ = 1/p.',
  },
  p: {
    kind: 'int',
    min: 1,
    max: 32,
    default: 1,
    label: 'subnetworks p',
    help: 'Number of masked subnetworks trained per round; the neighbourhood shrinks like 1/p.',
  },
  tau: {
    kind: 'int',
    min: 1,
    max: 100,
    default: 1,
    label: 'local steps τ',
    help: 'Gradient steps each subnetwork takes before averaging; the neighbourhood grows with τ.',
  },
  eta: {
    kind: 'eta',
    min: 1e-6,
    max: 100,
    default: 'auto',
    label: 'step size η',
    help: '"auto" = 0.1·ξ/λ_max(H^∞), a safe fraction of the stability limit 2ξ/λ_max.',
  },
  kappa: {
    kind: 'number',
    min: 0.01,
    max: 10,
    default: 1,
    label: 'init scale κ',
    help: 'Initial weights w_r ~ N(0, κ²I). The neighbourhood scales like κ².',
  },
  n: { kind: 'int', min: 2, max: 4096, default: 16, label: 'samples n', help: 'Number of training points.' },
  d: {
    kind: 'int',
    min: 2,
    max: 1024,
    default: 8,
    label: 'input dimension d',
    help: 'Dimension of the unit-norm inputs.',
  },
  data: {
    kind: 'enum',
    options: DATASETS,
    default: 'sphere',
    label: 'data',
    help: 'sphere: x uniform on the unit sphere, y uniform in [−1, 1]; teacher: y from a planted narrow ReLU network; circle: x at random angles φ on the unit circle (d = 2), y the mean of sin(f·φ) over the frequencies.',
  },
  freq: {
    kind: 'list',
    min: 1,
    max: 2048,
    maxLength: 8,
    default: '1,2',
    label: 'frequencies',
    help: 'circle data: the targets are the mean of sin(f·φ) over these frequencies f (at most n/2). Odd f ≥ 3 have no NTK weight for the ReLU without bias.',
  },
  spacing: {
    kind: 'enum',
    options: SPACINGS,
    default: 'random',
    label: 'angles',
    help: 'circle data: random angles (general position), or equally spaced — with an even n the NTK is then singular (λ_0 = 0): odd frequencies alias onto each other.',
  },
  seed: {
    kind: 'int',
    min: 0,
    max: 4294967295,
    default: 1,
    label: 'seed',
    help: 'Fixes data, initialization and masks: the same seed gives the same run.',
  },
  mask: {
    kind: 'enum',
    options: MASKS,
    default: 'bernoulli',
    label: 'mask',
    help: 'bernoulli: each subnetwork keeps each neuron with probability ξ; categorical: neurons are split among the p subnetworks (IST).',
  },
  aggregate: {
    kind: 'enum',
    options: AGGREGATES,
    default: 'keep',
    label: 'unselected neurons',
    help: 'keep: a neuron chosen by no subnetwork keeps its weights (the paper); zero: it is zeroed, as the reference code does — and, as there (TensorFlow), ReLU\u2019s derivative at 0 is 0, so a zeroed neuron never trains again.',
  },
  act: {
    kind: 'enum',
    options: ACTIVATIONS,
    default: 'relu',
    label: 'activation',
    help: 'relu: σ(z) = max(z, 0), the lazy-limit theory’s; gelu: z·Φ(z), exact — the smooth activation of Oymak–Soltanolkotabi and Song et al.',
  },
  layers: {
    kind: 'enum',
    options: LAYERS,
    default: 'first',
    label: 'trained layers',
    help: 'first: the second layer stays at its initial values (the theory’s setting); both: it trains too, masked and averaged like the first (Song et al.).',
  },
  init: {
    kind: 'enum',
    options: INITS,
    default: 'ntk',
    label: 'initialization',
    help: 'ntk: w ~ N(0, κ²I), a = ±1, output scaled 1/√m; lecun: w ~ N(0, I/d), v ~ N(0, 1/m), no 1/√m; he: w ~ N(0, 2I/d), v ~ N(0, 2/m).',
  },
  ratio: {
    kind: 'number',
    min: 0.01,
    max: 100,
    default: 1,
    label: 'ω₂/ω₁ factor',
    help: 'Multiplies ω₂/ω₁ of the lecun or he initialization at a fixed product ω₁ω₂ (Song et al.): larger moves training away from the lazy regime.',
  },
  inputmask: {
    kind: 'enum',
    options: INPUT_MASKS,
    default: 'none',
    label: 'input masks',
    help: 'none: the inputs as they are; gauss: each round every coordinate of every input is multiplied by a fresh c ~ N(1, ν²) (Kolomvaki et al. 2026). Combines with any scheme.',
  },
  nu: {
    kind: 'number',
    min: 0,
    max: 2,
    default: 0.2,
    label: 'input noise ν',
    help: 'Standard deviation of the Gaussian input masks (the paper calls it κ; here κ is the init scale). ν = 0 is training on the clean inputs, exactly.',
  },
  split: {
    kind: 'int',
    min: 0,
    max: 1,
    default: 0,
    label: 'split data',
    help: '1: each of the p workers holds its own fixed share of the samples (drawn from the seed) and trains its subnetwork on it alone, its loss scaled by n/|S_l| (Shulgin & Richtárik 2024); 0: every worker sees all the data (the central paper).',
  },
};

export const CONFIG_KEYS = Object.keys(CONFIG_TABLE) as ConfigKey[];

export function defaultConfig(): Config {
  return defaultsOf(CONFIG_TABLE);
}

/** What each preset fixes (THEORY.md B.2); `pMin` is the fewest subnetworks the scheme is defined for. */
export const PRESETS: Record<Scheme, { label: string; fixed: Partial<Config>; pMin?: number; pDefault?: number }> = {
  gd: { label: 'Full GD', fixed: { xi: 1, p: 1, tau: 1, mask: 'bernoulli' } },
  dropout: { label: 'Dropout', fixed: { p: 1, tau: 1, mask: 'bernoulli' } },
  msdropout: { label: 'Multi-sample dropout', fixed: { tau: 1, mask: 'bernoulli' }, pMin: 2, pDefault: 4 },
  ist: { label: 'IST', fixed: { mask: 'categorical' }, pMin: 2, pDefault: 4 },
  custom: { label: 'Custom', fixed: {} },
};

/** Keys a scheme can hold fixed, with their symbols in words. */
const LOCKABLE = { xi: 'ξ', p: 'p', tau: 'τ', mask: 'the mask' } as const;

/**
 * Why a setting cannot be changed in this configuration, in words — with what would free it — or null when it can.
 * Covers the scheme's fixed values, IST's ξ = 1/p, the init scales the initialization does not use, and ν without input
 * masks.
 */
export function lockedWhy(c: Config, key: keyof typeof LOCKABLE | 'kappa' | 'ratio' | 'nu'): string | null {
  if (key === 'nu')
    return c.inputmask === 'gauss' ? null : 'Used with Gaussian input masks only: choose input masks gauss.';
  if (key === 'kappa')
    return c.init === 'ntk' ? null : 'Used by the NTK initialization only: choose initialization ntk.';
  if (key === 'ratio') return c.init === 'ntk' ? 'Used by the LeCun and He initializations only.' : null;
  const preset = PRESETS[c.scheme];
  if (key in preset.fixed) {
    const value = String(preset.fixed[key]);
    const free = SCHEMES.filter((s) => !(key in PRESETS[s].fixed)).map((s) => PRESETS[s].label);
    const what = key === 'mask' ? `the mask (${value})` : `${LOCKABLE[key]} = ${value}`;
    const choices = free.length > 1 ? `${free.slice(0, -1).join(', ')} or ${free.at(-1)}` : free[0];
    return `${preset.label} fixes ${what} — choose ${choices} to change it.`;
  }
  if (key === 'xi' && c.mask === 'categorical')
    return 'Categorical masks (IST) split the neurons among the p subnetworks, so ξ = 1/p: change p instead.';
  return null;
}

export interface ParseResult {
  config: Config;
  /** One message in words per key that was changed. */
  messages: string[];
}

/** Applies the scheme's fixed values (THEORY.md B.2); a message for every explicit value it overrides. */
export function enforceScheme(config: Config, given: ReadonlySet<ConfigKey>, messages: string[]): Config {
  const c = { ...config };
  const preset = PRESETS[c.scheme];
  for (const [k, v] of Object.entries(preset.fixed) as [ConfigKey, Config[ConfigKey]][]) {
    if (c[k] !== v && given.has(k))
      messages.push(`${preset.label} fixes ${k} = ${String(v)}; ${k} = ${String(c[k])} was replaced.`);
    (c as Record<ConfigKey, unknown>)[k] = v;
  }
  if (preset.pMin !== undefined && c.p < preset.pMin) {
    const p = given.has('p') ? preset.pMin : (preset.pDefault ?? preset.pMin);
    if (given.has('p'))
      messages.push(`${preset.label} needs at least ${preset.pMin} subnetworks; p = ${c.p} raised to ${p}.`);
    c.p = p;
  }
  if (c.mask === 'categorical') {
    const xi = 1 / c.p;
    if (given.has('xi') && Math.abs(c.xi - xi) > 1e-9)
      messages.push(`Categorical masks (IST) use ξ = 1/p = ${fmt(xi)}; xi = ${fmt(c.xi)} was replaced.`);
    c.xi = xi;
  }
  return c;
}

/** Parses a plain object (JSON config) or a query string / URLSearchParams (a link). Never throws. */
export function parseConfig(input: Record<string, unknown> | URLSearchParams | string | null | undefined): ParseResult {
  const messages: string[] = [];
  return parseOver(defaultConfig(), toRecord(input, messages), messages);
}

/** Circle data live in d = 2, and their frequencies are at most n/2 (above, the n samples alias them). */
export function enforceData(config: Config, given: ReadonlySet<ConfigKey>, messages: string[]): Config {
  if (config.data !== 'circle') return config;
  const c = { ...config };
  if (c.d !== 2) {
    if (given.has('d')) messages.push(`Circle data live on the unit circle, in d = 2; d = ${c.d} was replaced.`);
    c.d = 2;
  }
  const top = Math.max(1, Math.floor(c.n / 2));
  const freqs = c.freq.split(',').map(Number);
  if (freqs.some((f) => f > top)) {
    messages.push(
      `freq values above n/2 = ${top} alias on ${c.n} samples; ${freqs.filter((f) => f > top).join(', ')} clamped to ${top}.`,
    );
    c.freq = [...new Set(freqs.map((f) => Math.min(top, f)))].join(',');
  }
  return c;
}

/** Parses the keys of `raw` over `base` (keys absent from `raw` keep base's values), then applies the scheme. */
export function parseOver(base: Config, raw: Record<string, unknown>, messages: string[] = []): ParseResult {
  const { config, given } = parseKeys(CONFIG_TABLE, base, raw, messages);
  return { config: enforceData(enforceScheme(config, given, messages), given, messages), messages };
}

/** The config as a link's query string (no leading "?"), keys in table order. */
export function serializeConfig(config: Config): string {
  return serializeTable(CONFIG_TABLE, config);
}

/** Switches scheme the way a preset button does: fixed values, and a sensible p where the scheme needs several. */
export function applyPreset(config: Config, scheme: Scheme): Config {
  const next = enforceScheme(
    { ...config, scheme, mask: scheme === 'custom' ? config.mask : 'bernoulli' },
    new Set(),
    [],
  );
  return next;
}
