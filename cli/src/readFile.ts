/**
 * Reads one named file whole, in the encoding its first bytes say (`common/fileEncoding`): UTF-8 with or without a
 * byte order mark, UTF-16 and Windows-1252, as Excel saves them. A byte order mark is dropped, as VS Code drops it
 * when it opens the file, so that the CLI's line:column positions are the ones the editor shows. Only a file that
 * cannot be read at all is refused.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeFile, type DecodedFile } from '../../common/fileEncoding';
import { FileError, fileInMessage } from './errors';

/** Reads `path` (relative to `cwd`); errors name the path as given. */
export async function readTextFile(path: string, cwd: string): Promise<DecodedFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(cwd, path));
  } catch (error) {
    throw new FileError(`cannot read ${fileInMessage(path, error)}: ${describeIoError(error)}.`);
  }
  return decodeFile(bytes);
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
