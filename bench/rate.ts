/** The benchmarks' timer: calls an async function for a while and returns calls per second. Shared by every benchmark. */

/** Calls f once to warm up, then until `seconds` have passed and it ran at least `minCalls` times. */
export async function callsPerSecond(f: () => Promise<void>, seconds: number, minCalls = 2): Promise<number> {
  await f();
  let calls = 0;
  const t0 = performance.now();
  while (calls < minCalls || performance.now() - t0 < seconds * 1000) {
    await f();
    calls += 1;
  }
  return (calls * 1000) / (performance.now() - t0);
}

/** The `--seconds S` argument of a Node benchmark (default 2). */
export function secondsArg(argv: string[]): number {
  const i = argv.indexOf('--seconds');
  return i > 0 ? Number(argv[i + 1]) : 2;
}
