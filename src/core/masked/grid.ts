/**
 * Sweep grids: "p=1,2,4;xi=0.5,1" — config keys with lists of values — and the cells of their product, each
 * a config validated by the config table (so ranges and presets apply, with messages).
 */
import { type Config, CONFIG_KEYS, type ConfigKey, parseConfig, serializeConfig } from './config';

export interface Grid {
  keys: ConfigKey[];
  values: string[][];
}

export type GridResult = { ok: true; grid: Grid } | { ok: false; error: string };

export function parseGrid(spec: string): GridResult {
  const keys: ConfigKey[] = [];
  const values: string[][] = [];
  for (const part of spec
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq < 0 || !(CONFIG_KEYS as string[]).includes(key))
      return {
        ok: false,
        error: `grid part "${part.slice(0, 30)}" must be key=v1,v2,… with a config key (${CONFIG_KEYS.join(', ')})`,
      };
    if (keys.includes(key as ConfigKey)) return { ok: false, error: `grid key ${key} appears twice` };
    const list = part
      .slice(eq + 1)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (!list.length) return { ok: false, error: `grid key ${key} has no values` };
    keys.push(key as ConfigKey);
    values.push(list);
  }
  if (!keys.length) return { ok: false, error: 'the grid is empty: give it as "p=1,2,4;xi=0.5,1"' };
  return { ok: true, grid: { keys, values } };
}

export interface Cell {
  /** The values this cell trains with: the grid's, or what the config table made of them (a clamp, a preset rule). */
  at: Record<string, string>;
  /** The grid values as written. */
  asked: Record<string, string>;
  config: Config;
  messages: string[];
}

/** Every cell of the grid over a base config, first key slowest; a value the config table changes is the cell's as trained. */
export function gridCells(base: Config, grid: Grid): Cell[] {
  const cells: Cell[] = [];
  const walk = (i: number, at: Record<string, string>) => {
    if (i === grid.keys.length) {
      const params = new URLSearchParams(serializeConfig(base));
      for (const [k, v] of Object.entries(at)) params.set(k, v);
      const { config, messages } = parseConfig(params);
      const trained = Object.fromEntries(
        Object.keys(at).map((k) => [
          k,
          Number(at[k]) === Number(config[k as ConfigKey]) ? at[k] : String(config[k as ConfigKey]),
        ]),
      );
      cells.push({ at: trained, asked: { ...at }, config, messages });
      return;
    }
    for (const v of grid.values[i]) walk(i + 1, { ...at, [grid.keys[i]]: v });
  };
  walk(0, {});
  return cells;
}
