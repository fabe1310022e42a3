// Polling with a deadline for protocol tests: the server answers asynchronously (indexing,
// rendering, refreshes), so a test asks again until the answer is there, never sleeps blindly.

export interface WaitOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** More to say when the deadline passes (the server's stderr). */
  readonly detail?: () => string;
}

/** Resolves with the first value `probe` gives that is not undefined; throws at the deadline. */
export async function waitUntil<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  options: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}\n${options.detail?.() ?? ''}`);
    }
    await new Promise((done) => setTimeout(done, options.intervalMs ?? 25));
  }
}
