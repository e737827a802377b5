/** " · about N s left" for a run of jobs, from the time so far and the jobs done (empty when not running or nothing is done). */
export function secondsLeft(running: boolean, elapsedMs: number, done: number, total: number): string {
  if (!running || done === 0) return '';
  const left = ((elapsedMs / done) * (total - done)) / 1000;
  return left < 90 ? ` · about ${Math.ceil(left)} s left` : ` · about ${Math.ceil(left / 60)} min left`;
}
