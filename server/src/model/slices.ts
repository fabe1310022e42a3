// Runs long work (a parse of thousands of documents, facts of every document) in slices of a
// few milliseconds, so a server answers other requests in between and drops work a newer edit
// made stale. The work is a generator that yields wherever it may stop.

export interface SliceOptions {
  /** Whether the result is no longer wanted (the document changed or closed meanwhile). */
  readonly isStale: () => boolean;
  /** The longest a slice runs before other work gets its turn (default 3 ms). */
  readonly sliceMs?: number;
}

/** The longest slice by default: a completion waiting behind it still answers within 5 ms. */
export const defaultSliceMs = 3;

/** Drives `steps` to its result, yielding to the event loop between slices. */
export async function runInSlices<T>(
  steps: Iterator<unknown, T, undefined>,
  options: SliceOptions,
): Promise<T | undefined> {
  const sliceMs = options.sliceMs ?? defaultSliceMs;
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
    if (performance.now() - sliceStart > sliceMs) {
      await yieldToEventLoop();
      if (options.isStale()) {
        return undefined;
      }
      sliceStart = performance.now();
    }
  }
}

/** Lets pending I/O (requests, notifications) run before the work goes on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
