/**
 * Problems that stop the CLI before or while reading its input. Both end with exit code 2; they differ in
 * what the runner does next: a usage error stops everything, a file error skips only that file.
 */

/** The command line or the tenant file is wrong: nothing is checked. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One named file cannot be read or decoded; the other files are still checked. */
export class FileError extends Error {
  override name = 'FileError';
}

export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
