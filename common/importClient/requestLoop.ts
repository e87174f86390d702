/**
 * The retry loop both operations share: attempt, read the answer, and on a network error, a timeout, a 5xx or a
 * 429 wait (backoff with jitter, or Retry-After) and try again, telling the caller what it is doing. The request is
 * the same each time, Idempotency-Key included, so a retry can never import twice.
 */
import { attempt, type Attempted, type AttemptOutcome } from './attempt';
import { IMPORT_DEFAULTS } from './defaults';
import { backoffDelay, parseRetryAfter, sleep } from './backoff';
import { finalizeFailure, type FailureDraft, type MessageContext } from './failures';
import { scrub } from './secrets';
import type { RequestFailure, RequestOptions, RequestProgress } from './types';

export type Answer = Extract<AttemptOutcome, { kind: 'answer' }>;

/** What an answer means: the result, a failure to report now, or a failure worth another attempt. */
export type Classified<T> = { done: T } | { fail: FailureDraft } | { retry: FailureDraft; retryAfterMs?: number };

export const DEFAULTS = {
  timeoutMs: IMPORT_DEFAULTS.timeoutSeconds * 1000,
  retries: IMPORT_DEFAULTS.retries,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

export async function runWithRetries<T>(
  request: Attempted,
  options: RequestOptions,
  context: MessageContext,
  classify: (answer: Answer) => Classified<T>,
): Promise<{ ok: true; value: T; attempts: number } | RequestFailure> {
  const retries = options.retries ?? DEFAULTS.retries;
  const maxAttempts = (Number.isFinite(retries) ? Math.max(0, Math.floor(retries)) : DEFAULTS.retries) + 1;
  const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const fetchImpl = options.fetch ?? fetch;
  // Progress text can carry a network error's words: it is scrubbed like every other message.
  const progress = (event: RequestProgress) => {
    const message = scrub(event.message, context.secrets);
    options.onProgress?.(
      event.kind === 'waiting'
        ? { ...event, message, reason: scrub(event.reason, context.secrets) }
        : { ...event, message },
    );
  };
  const fail = (draft: FailureDraft, attempts: number) => finalizeFailure(draft, attempts, context);

  let last: FailureDraft = { kind: 'cancelled' };
  for (let n = 1; n <= maxAttempts; n++) {
    if (options.signal?.aborted) return fail({ kind: 'cancelled' }, n - 1);
    progress({
      kind: 'attempt',
      attempt: n,
      attempts: maxAttempts,
      message: n === 1 ? `Sending to ${context.host}…` : `Attempt ${n} of ${maxAttempts}…`,
    });
    const outcome = await attempt(request, context.timeoutMs, options.signal, fetchImpl);
    let retryAfterMs: number | undefined;
    if (outcome.kind === 'cancelled') return fail({ kind: 'cancelled' }, n);
    if (outcome.kind === 'redirect') {
      const detail = `a redirect to ${outcome.target}; the token is never sent to another host`;
      return fail({ kind: 'badResponse', status: outcome.status, detail }, n);
    }
    if (outcome.kind === 'timeout') last = { kind: 'timeout' };
    else if (outcome.kind === 'network') last = { kind: 'network', detail: outcome.detail };
    else {
      const classified = classify(outcome);
      if ('done' in classified) return { ok: true, value: classified.done, attempts: n };
      if ('fail' in classified) return fail(classified.fail, n);
      last = classified.retry;
      retryAfterMs = classified.retryAfterMs;
    }
    if (n === maxAttempts) return fail(last, n);
    // An endpoint that asks for a longer wait than we are willing to sit out gets an answer now, not a stall.
    if (retryAfterMs !== undefined && retryAfterMs > maxDelayMs) return fail(last, n);
    const delayMs = retryAfterMs ?? backoffDelay(n + 1, baseDelayMs, maxDelayMs);
    const reason = reasonOf(last, context.timeoutMs);
    progress({
      kind: 'waiting',
      attempt: n + 1,
      delayMs,
      reason,
      message: `${reason}; retrying in ${formatDelay(delayMs)} (attempt ${n + 1} of ${maxAttempts})`,
    });
    if (!(await sleep(delayMs, options.signal))) return fail({ kind: 'cancelled' }, n);
  }
  return fail(last, maxAttempts);
}

/** Statuses whose meaning is the same for every route: refusals of the token, and the retryable ones. */
export function classifyCommon(answer: Answer): Classified<never> | undefined {
  const { status, headers } = answer;
  if (status === 401) return { fail: { kind: 'unauthorized', status } };
  if (status === 403) return { fail: { kind: 'forbidden', status } };
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
  if (status === 429) {
    const retryAfterSeconds = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
    return { retry: { kind: 'rateLimited', status, retryAfterSeconds }, retryAfterMs };
  }
  if (status >= 500 && status <= 599) return { retry: { kind: 'server', status }, retryAfterMs };
  return undefined;
}

function reasonOf(draft: FailureDraft, timeoutMs: number): string {
  switch (draft.kind) {
    case 'timeout':
      return `No answer within ${Math.round(timeoutMs / 100) / 10} s`;
    case 'network':
      return `Network error: ${draft.detail ?? 'no detail'}`;
    case 'rateLimited':
      return 'The endpoint is busy (429)';
    default:
      return `The endpoint failed (HTTP ${draft.status ?? '?'})`;
  }
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
