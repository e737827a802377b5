/**
 * How often the app measures the NTK, from measured times rather than a cost model: after each measurement the next
 * one comes when BUDGET times its cost has passed in training, so that measuring takes at most a sixth of the time the
 * run is seen to train in (its rate keeps 5/6 of itself, a margin over 80 % for run-to-run noise) on any machine and
 * backend, and never sooner than MIN_GAP rounds. A measurement's cost is what the call that made it took beyond its
 * rounds (the first kernel H(0) and the factors included); the time a run trains in is the worker's own time per round
 * plus the page's time between its calls (drawing what came in), without the pauses.
 */

/** Training time per measurement time: measuring takes at most 1/(1 + BUDGET) of the whole. */
const BUDGET = 5;
/** Fewest rounds between two measurements, and the first measurement's round. */
export const MIN_GAP = 10;
/** A wait between two calls longer than this is a pause, not the page's drawing. */
const PAUSE_MS = 1000;

export class NtkPace {
  private rounds = 0;
  /** The worker's time in those rounds, and the page's between calls (ms). */
  private busy = 0;
  private idleMs = 0;
  /** The worker's time per round, and the whole time per round, from the calls since the last measurement. */
  private workerPerRound = NaN;
  private perRound = NaN;

  /** The page's time between two calls (ms). */
  idle(ms: number): void {
    if (ms <= PAUSE_MS) this.idleMs += ms;
  }

  /** A call that trained `rounds` rounds in `ms` without measuring. */
  ran(rounds: number, ms: number): void {
    this.rounds += rounds;
    this.busy += ms;
  }

  /** A call that trained `rounds` rounds in `ms` and measured once: returns the rounds until the next measurement. */
  measured(rounds: number, ms: number): number {
    if (this.rounds > 0) {
      this.workerPerRound = this.busy / this.rounds;
      this.perRound = (this.busy + this.idleMs) / this.rounds;
    }
    this.rounds = 0;
    this.busy = 0;
    this.idleMs = 0;
    if (!(this.perRound > 0)) return MIN_GAP;
    const cost = Math.max(ms - rounds * this.workerPerRound, 0);
    return Math.max(MIN_GAP, Math.ceil((BUDGET * cost) / this.perRound));
  }
}
