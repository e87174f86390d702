/**
 * Misbehaviour on demand, so that clients can be tested against the failures a real endpoint has: slow answers,
 * server errors, rate limits, dropped connections, answers lost after the import happened, and no answer at all.
 *
 * A plan is set through `POST /__sandbox/faults` (or `setFaults` in-process) and consumed request by request: each
 * counted fault applies to that many of the next matching requests, then the sandbox behaves again.
 */

export type FaultTarget = 'import' | 'tenant' | 'all';

export interface FaultPlan {
  /** Every matching request waits this long before it is handled, until the plan is replaced or cleared. */
  delayMs?: number;
  /** The next N matching requests answer 500. */
  fail500?: number;
  /** The next N matching requests answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimit?: number;
  /** The Retry-After of the 429 answers, in whole seconds as HTTP has it (default 1). */
  retryAfterSeconds?: number;
  /** The next N matching requests have their connection destroyed before anything is read or imported. */
  drop?: number;
  /** The next N imports are carried out and stored, then the connection is destroyed: the answer is lost. */
  dropAfterImport?: number;
  /** The next N matching requests are never answered (until the client gives up or the sandbox closes). */
  hang?: number;
  /** Which routes the faults apply to (default all). */
  on?: FaultTarget;
}

/** What to do with one request, decided before it is handled. */
export type FaultAction = 'none' | 'hang' | 'drop' | 'fail500' | 'rateLimit';

const COUNTS = ['fail500', 'rateLimit', 'drop', 'dropAfterImport', 'hang'] as const;
const MAX_DELAY_MS = 10 * 60 * 1000;

export class FaultState {
  private plan: FaultPlan = {};

  set(plan: FaultPlan): void {
    this.plan = { ...plan };
  }

  clear(): void {
    this.plan = {};
  }

  current(): FaultPlan {
    return { ...this.plan };
  }

  delayFor(route: Exclude<FaultTarget, 'all'>): number {
    return this.applies(route) ? (this.plan.delayMs ?? 0) : 0;
  }

  get retryAfterSeconds(): number {
    return this.plan.retryAfterSeconds ?? 1;
  }

  /** Takes the fault for the next request on `route`, most disruptive first. */
  take(route: Exclude<FaultTarget, 'all'>): FaultAction {
    if (!this.applies(route)) return 'none';
    for (const action of ['hang', 'drop', 'fail500', 'rateLimit'] as const) {
      if (this.consume(action)) return action;
    }
    return 'none';
  }

  /** True (once per count) when a completed import's answer is to be lost. */
  takeDropAfterImport(): boolean {
    return this.applies('import') && this.consume('dropAfterImport');
  }

  private applies(route: Exclude<FaultTarget, 'all'>): boolean {
    const on = this.plan.on ?? 'all';
    return on === 'all' || on === route;
  }

  private consume(key: (typeof COUNTS)[number]): boolean {
    const left = this.plan[key] ?? 0;
    if (left <= 0) return false;
    this.plan[key] = left - 1;
    return true;
  }
}

/** Checks a plan sent to the admin route; returns a message naming the first wrong field. */
export function parseFaultPlan(json: unknown): FaultPlan | string {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'The fault plan must be a JSON object.';
  const input = json as Record<string, unknown>;
  const plan: FaultPlan = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'on') {
      if (value !== 'import' && value !== 'tenant' && value !== 'all') return '"on" must be import, tenant or all.';
      plan.on = value;
    } else if (key === 'delayMs' || key === 'retryAfterSeconds' || (COUNTS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        return `"${key}" must be a whole number of 0 or more.`;
      }
      if (key === 'delayMs' && value > MAX_DELAY_MS) return `"delayMs" must be at most ${MAX_DELAY_MS}.`;
      plan[key as Exclude<keyof FaultPlan, 'on'>] = value;
    } else {
      return `Unknown fault "${key}"; expected delayMs, ${COUNTS.join(', ')}, retryAfterSeconds or on.`;
    }
  }
  return plan;
}
