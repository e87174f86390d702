/**
 * Reads the import's settings, whatever a user typed, into bounded values. A value that is not a number is ignored
 * (the default applies) and reported to `warn` by the setting's name, never its value.
 */
import { IMPORT_DEFAULTS } from '../../../common/importClient/defaults';
import type { Warn } from '../../../common/tenantDataReader';

/** The CLI's defaults too, and package.json's (test/client/sharedDefaults.test.ts compares them). */
export const DEFAULT_TIMEOUT_SECONDS = IMPORT_DEFAULTS.timeoutSeconds;
export const DEFAULT_RETRIES = IMPORT_DEFAULTS.retries;
const TIMEOUT_RANGE = { min: 5, max: 600 };
const RETRIES_RANGE = { min: 0, max: 5 };

export interface ImportTiming {
  timeoutSeconds: number;
  timeoutMs: number;
  retries: number;
}

export function importTiming(timeoutSeconds: unknown, retries: unknown, warn: Warn = () => {}): ImportTiming {
  const seconds = bounded(timeoutSeconds, TIMEOUT_RANGE, DEFAULT_TIMEOUT_SECONDS, 'import.timeoutSeconds', warn);
  return {
    timeoutSeconds: seconds,
    timeoutMs: seconds * 1000,
    retries: Math.round(bounded(retries, RETRIES_RANGE, DEFAULT_RETRIES, 'import.retries', warn)),
  };
}

function bounded(
  value: unknown,
  range: { min: number; max: number },
  fallback: number,
  key: string,
  warn: Warn,
): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    warn(`subscriberCsv.${key} is not a number: the default (${fallback}) applies.`);
    return fallback;
  }
  return Math.min(range.max, Math.max(range.min, value));
}
