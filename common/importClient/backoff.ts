/**
 * How long to wait before the next attempt: exponential backoff with jitter, or what the endpoint's Retry-After
 * says. Jitter spreads the retries of many clients that failed at the same moment.
 */

/**
 * The wait before attempt `nextAttempt` (2 for the first retry): `base * 2^(n-2)`, capped, of which a random half
 * is taken off ("equal jitter"), so waits still grow but never line up across clients.
 */
export function backoffDelay(
  nextAttempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random = Math.random,
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, nextAttempt - 2));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Retry-After in milliseconds: delta-seconds (`120`) or an HTTP date. Undefined when absent or unreadable; a date in
 * the past is 0.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Waits `ms`; resolves false at once when `signal` aborts, so a cancelled import does not sit out its backoff. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
