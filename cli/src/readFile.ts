/**
 * Reads one named file as UTF-8 text. A byte order mark is dropped, as VS Code drops it when it opens the file,
 * so that the CLI's line:column positions are the ones the editor shows. Bytes that are not UTF-8 are refused
 * rather than replaced, so that a name like "Müller" saved as Latin-1 is not checked (and imported) mangled.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FileError } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads `path` (relative to `cwd`); errors name the path as given. */
export async function readTextFile(path: string, cwd: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(cwd, path));
  } catch (error) {
    throw new FileError(`cannot read ${path}: ${describeIoError(error)}.`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new FileError(`cannot read ${path}: it is not UTF-8 text. Save it as "CSV UTF-8" and try again.`);
  }
}

/** A short reason for a failed read, without Node's error code prefix and syscall. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
