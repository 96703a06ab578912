export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

export interface WaitOptions {
  timeoutMs: number;
  /** How often to ask again. */
  intervalMs?: number;
}

/**
 * Asks `check` again every `intervalMs` until it answers true; after the timeout, throws the error `failure` makes
 * (it may ask what is left, for the message).
 */
export async function waitUntil(check: () => boolean | Promise<boolean>, { timeoutMs, intervalMs = 50 }: WaitOptions, failure: () => string | Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(await failure());
    await sleep(intervalMs);
  }
}
