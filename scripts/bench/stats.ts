// Summary statistics for benchmark samples: nearest-rank percentiles, so every reported figure is
// a time that was actually measured (no interpolation between two samples).

/** The summary of one metric's samples, in milliseconds. */
export interface Summary {
  readonly n: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * The nearest-rank percentile of the samples (`p` in 0–100): the smallest sample such that at
 * least p% of the samples are at or below it. Undefined for no samples.
 */
export function percentile(samples: readonly number[], p: number): number | undefined {
  if (samples.length === 0) {
    return undefined;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Summarizes samples; undefined when there are none (a scenario the server does not support). */
export function summarize(samples: readonly number[]): Summary | undefined {
  if (samples.length === 0) {
    return undefined;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    n: sorted.length,
    min: sorted[0]!,
    p50: percentile(sorted, 50)!,
    p95: percentile(sorted, 95)!,
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
  };
}

/** Milliseconds elapsed since a `process.hrtime.bigint()` reading. */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `action` and returns how long it took in milliseconds. */
export async function timeMs(action: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await action();
  return elapsedMs(start);
}
