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

/**
 * How a message names a file it could not read. An argument may be the API token pasted where a file goes
 * (`subscriber-csv check <token>`), and the CLI's messages end up in CI logs: a name that does not exist is
 * repeated only when it looks like a file name (it ends in an extension such as `.csv` or `.json`).
 */
export function fileInMessage(path: string, error: unknown, what = 'a file'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const exists = code !== 'ENOENT' && code !== 'ENAMETOOLONG' && code !== 'ENOTDIR';
  return exists || /\.[A-Za-z0-9]{1,5}$/.test(path) ? path : `${what} named without an extension (not repeated here)`;
}

/** An option the command does not know, repeated only when it looks like an option's name, for the same reason. */
export function optionInMessage(option: string): string {
  return /^--?[a-z][a-z-]{0,30}$/.test(option) ? `'${option}'` : 'an option (not repeated here)';
}

export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
