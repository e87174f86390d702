/**
 * Reads one named file as UTF-8 text. A byte order mark is dropped, as VS Code drops it when it opens the file,
 * so that the CLI's line:column positions are the ones the editor shows. Bytes that are not UTF-8 are refused
 * rather than replaced, so that a name like "Müller" saved as Latin-1 is not checked (and imported) mangled.
 * UTF-16 (Excel's "Unicode Text") is recognised from its bytes and named, so the message says what to change.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FileError, fileInMessage } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads `path` (relative to `cwd`); errors name the path as given. */
export async function readTextFile(path: string, cwd: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(cwd, path));
  } catch (error) {
    throw new FileError(`cannot read ${fileInMessage(path, error)}: ${describeIoError(error)}.`);
  }
  if (looksLikeUtf16(bytes)) {
    throw new FileError(`cannot read ${path}: it is UTF-16 text, not UTF-8. Save it as "CSV UTF-8" and try again.`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new FileError(`cannot read ${path}: it is not UTF-8 text. Save it as "CSV UTF-8" and try again.`);
  }
}

/** How many bytes from the start are looked at for the zero bytes of UTF-16 without a byte order mark. */
const UTF16_SAMPLE_BYTES = 4096;

/**
 * True when the bytes start with a UTF-16 byte order mark (FF FE or FE FF), or when, without one, at least a
 * quarter of the first bytes are zero and nearly all of those fall on the same side of each byte pair (the high
 * byte of an ASCII letter). A UTF-8 file holding a few NUL bytes is not taken for UTF-16; the rules report those.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const length = Math.min(bytes.length, UTF16_SAMPLE_BYTES);
  let zeros = 0;
  let even = 0;
  for (let i = 0; i < length; i++) {
    if (bytes[i] !== 0) continue;
    zeros++;
    if (i % 2 === 0) even++;
  }
  if (length < 2 || zeros * 4 < length) return false;
  return Math.max(even, zeros - even) * 10 >= zeros * 9;
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
