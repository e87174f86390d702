/**
 * Reads the import's settings, whatever a user typed, into bounded values.
 */

export const DEFAULT_TIMEOUT_SECONDS = 60;
export const DEFAULT_RETRIES = 2;
const TIMEOUT_RANGE = { min: 5, max: 600 };
const RETRIES_RANGE = { min: 0, max: 5 };

export interface ImportTiming {
  timeoutSeconds: number;
  timeoutMs: number;
  retries: number;
}

export function importTiming(timeoutSeconds: unknown, retries: unknown): ImportTiming {
  const seconds = bounded(timeoutSeconds, TIMEOUT_RANGE, DEFAULT_TIMEOUT_SECONDS);
  return {
    timeoutSeconds: seconds,
    timeoutMs: seconds * 1000,
    retries: Math.round(bounded(retries, RETRIES_RANGE, DEFAULT_RETRIES)),
  };
}

function bounded(value: unknown, range: { min: number; max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(range.max, Math.max(range.min, value));
}
