/**
 * How often the app measures the NTK, from measured times rather than a cost model: after each measurement the next
 * one comes when BUDGET times its duration has passed in training, so that measuring takes at most a sixth of the time
 * the run is seen to train in (its rate keeps 5/6 of itself, a margin over 80 % for what the solve's own time leaves
 * out: the first kernel H(0), run-to-run noise) on any machine and backend, and never sooner than MIN_GAP rounds. The time a run trains in is the worker's own time per round plus the page's time between its calls (drawing
 * what came in), without the pauses.
 */

/** Training time per measurement time: measuring takes at most 1/(1 + BUDGET) of the whole. */
const BUDGET = 5;
/** Fewest rounds between two measurements, and the first measurement's round. */
export const MIN_GAP = 10;
/** A wait between two calls longer than this is a pause, not the page's drawing. */
const PAUSE_MS = 1000;

export class NtkPace {
  private rounds = 0;
  private ms = 0;

  /** The page's time between two calls (ms). */
  idle(ms: number): void {
    if (ms <= PAUSE_MS) this.ms += ms;
  }

  /** A call that trained `rounds` rounds in `ms` (its NTK measurement included). */
  ran(rounds: number, ms: number): void {
    this.rounds += rounds;
    this.ms += ms;
  }

  /** A measurement that took `ms`: returns the rounds until the next one, and starts counting afresh. */
  measured(ms: number): number {
    const perRound = Math.max(this.ms - ms, 0) / Math.max(this.rounds, 1);
    this.rounds = 0;
    this.ms = 0;
    return perRound > 0 ? Math.max(MIN_GAP, Math.ceil((BUDGET * ms) / perRound)) : MIN_GAP;
  }
}
