/**
 * The pace of the training view, for a lecture: rounds per second (`speed`, a number or "full"), a round to stop at
 * (`until`), how the error plot shows the run (`xaxis` linear or log; `window`: the latest N rounds, or "all"), and
 * whether it plays on its own (`autoplay`).
 * They change how the run is shown and when it pauses, never its numbers; a link holds the ones that differ from
 * the defaults.
 */
import { defaultsOf, parseKeys, type Table, toRecord } from './table';

export interface Pace {
  speed: number | 'full';
  until: number | 'none';
  xaxis: 'linear' | 'log';
  window: number | 'all';
  /** '1': play as soon as the run can start (in a frame: whenever it is seen). */
  autoplay: '0' | '1';
}

export const SPEEDS = [1, 10, 100] as const;

export const PACE_TABLE: Table<Pace> = {
  speed: {
    kind: 'eta',
    word: 'full',
    min: 0.1,
    max: 100000,
    default: 'full',
    label: 'speed (rounds/s)',
    help: 'Rounds per second: 1, 10 or 100 to watch the fall to the plateau, or full for as fast as the device trains.',
  },
  until: {
    kind: 'eta',
    word: 'none',
    whole: true,
    min: 1,
    max: 1e9,
    default: 'none',
    label: 'run to round',
    help: 'Training pauses when it reaches this round; none keeps going.',
  },
  xaxis: {
    kind: 'enum',
    options: ['linear', 'log'],
    default: 'linear',
    label: 'round axis',
    help: 'linear, or log so that the early rounds keep their room however long the run.',
  },
  window: {
    kind: 'eta',
    word: 'all',
    whole: true,
    min: 10,
    max: 1e9,
    default: 'all',
    label: 'rounds shown',
    help: 'all: the whole run; a number: the error plot follows the latest rounds.',
  },
  autoplay: {
    kind: 'enum',
    options: ['0', '1'],
    default: '0',
    label: 'autoplay',
    help: '1: training plays as soon as the run is ready — in an embed, whenever the frame is seen (it pauses while hidden); 0: it waits for Play.',
  },
};

export const PACE_KEYS = Object.keys(PACE_TABLE) as (keyof Pace)[];

export function defaultPace(): Pace {
  return defaultsOf(PACE_TABLE);
}

export function parsePace(input: URLSearchParams | string | Record<string, unknown>): {
  pace: Pace;
  messages: string[];
} {
  const messages: string[] = [];
  const { config } = parseKeys(PACE_TABLE, defaultPace(), toRecord(input, messages), messages);
  return { pace: config, messages };
}

/** The keys that differ from the defaults, as `&key=value` pairs ("" when none do). */
export function serializePace(p: Pace): string {
  const d = defaultPace();
  return PACE_KEYS.filter((k) => p[k] !== d[k])
    .map((k) => `&${k}=${p[k]}`)
    .join('');
}
