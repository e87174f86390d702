/**
 * How long one request may take and how often a failed one is tried again, when the user says nothing: one fact
 * for the editor (its settings' defaults in package.json, which a test compares with these), the CLI (`--timeout`,
 * `--retries`) and the upload core itself.
 */
export const IMPORT_DEFAULTS = {
  /** Per attempt, from sending to the last byte of the answer. */
  timeoutSeconds: 60,
  /** Attempts after the first, on network errors, timeouts, 5xx and 429. */
  retries: 2,
} as const;
