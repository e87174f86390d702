/**
 * Checks one named file as a stream: read a megabyte at a time, decoded as UTF-8 in 64 KB pieces and validated as
 * the pieces arrive.
 * The rules library reads the file twice (once for what spans rows, once for the rules) and hands out diagnostics
 * as it finds them, so that memory stays flat whatever the file's size and however many diagnostics it has.
 * Reading fails with the same messages as `readTextFile`. A large file is checked on several threads
 * (`parallelCheck.ts`), with the same result.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LanguageService, ServiceSettings } from '@subscriber-csv/language-service';
import { fileDiagnostic, type FileDiagnostic } from './checkFile';
import { FileError, fileInMessage } from './errors';
import { checkInParts, partsFor } from './parallelCheck';
import { describeIoError, looksLikeUtf16 } from './readFile';

/** Bytes read at a time (fewer reads), and decoded at a time (the scanner's pieces stay small). */
const READ_BYTES = 1024 * 1024;
const PIECE_BYTES = 64 * 1024;

/** The diagnostics of `path` (relative to `cwd`), batch by batch; errors name the path as given. */
export async function* checkFile(
  service: LanguageService,
  path: string,
  cwd: string,
  settings: ServiceSettings,
): AsyncGenerator<FileDiagnostic[]> {
  const absolute = resolve(cwd, path);
  const text = () => readPieces(absolute, path);
  const parts = partsFor(absolute);
  const batches =
    parts > 1
      ? checkInParts(parts, { absolute, path, settings }, (part) => service.validateStream(text, settings, part))
      : service.validateStream(text, settings);
  for await (const batch of batches) yield batch.map(fileDiagnostic);
}

/** The file's text in pieces, refusing UTF-16 and bytes that are not UTF-8. */
export async function* readPieces(absolute: string, path: string): AsyncGenerator<string> {
  // The default decoder drops a byte order mark, as VS Code does when it opens the file.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? utf8.decode(bytes, { stream: true }) : utf8.decode();
    } catch {
      throw new FileError(`cannot read ${path}: it is not UTF-8 text. Save it as "CSV UTF-8" and try again.`);
    }
  };
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch (error) {
    throw new FileError(`cannot read ${fileInMessage(path, error)}: ${describeIoError(error)}.`);
  }
  // Read synchronously: the check has nothing else to do meanwhile, and a read from the page cache then costs no
  // round trip through Node's thread pool (which left the CPU idle a tenth of the time).
  const bytes = Buffer.allocUnsafe(READ_BYTES);
  try {
    for (let first = true; ; first = false) {
      let read: number;
      try {
        read = readSync(fd, bytes, 0, READ_BYTES, null);
      } catch (error) {
        throw new FileError(`cannot read ${path}: ${describeIoError(error)}.`);
      }
      if (read === 0) break;
      if (first && looksLikeUtf16(bytes.subarray(0, read))) {
        throw new FileError(`cannot read ${path}: it is UTF-16 text, not UTF-8. Save it as "CSV UTF-8" and try again.`);
      }
      for (let at = 0; at < read; at += PIECE_BYTES) yield decode(bytes.subarray(at, Math.min(read, at + PIECE_BYTES)));
    }
    yield decode();
  } finally {
    closeSync(fd);
  }
}
