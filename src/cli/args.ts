/** Command-line argument parsing: a command followed by `--flag value` pairs; every problem is a UsageError. */

export class UsageError extends Error {}

export interface Parsed {
  command: string;
  flags: Map<string, string>;
}

export function parseArgs(argv: readonly string[], allowed: Record<string, readonly string[]>): Parsed {
  const [command, ...rest] = argv;
  if (!command || !(command in allowed))
    throw new UsageError(`expected a command: ${Object.keys(allowed).join(' | ')}`);
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i];
    if (!key.startsWith('--')) throw new UsageError(`unexpected argument "${key}"`);
    const name = key.slice(2);
    if (!allowed[command].includes(name))
      throw new UsageError(
        `unknown option --${name} for ${command} (allowed: ${allowed[command].map((f) => '--' + f).join(' ')})`,
      );
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return { command, flags };
}

export function intFlag(flags: Map<string, string>, name: string, dflt: number, min: number, max: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return dflt;
  const v = Number(raw);
  if (!/^\d+$/.test(raw) || v < min || v > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return v;
}

export function numberFlag(flags: Map<string, string>, name: string, dflt: number, min: number, max: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return dflt;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max)
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return v;
}

export function choiceFlag<T extends string>(
  flags: Map<string, string>,
  name: string,
  choices: readonly T[],
  dflt: T,
): T {
  const raw = flags.get(name) ?? dflt;
  if (!choices.includes(raw as T)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  return raw as T;
}
