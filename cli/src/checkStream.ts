/**
 * Checks one named file as a stream: read in 64 KB pieces, decoded as UTF-8 and validated as the pieces arrive.
 * The rules library reads the file twice (once for what spans rows, once for the rules) and hands out diagnostics
 * as it finds them, so that memory stays flat whatever the file's size and however many diagnostics it has.
 * Reading fails with the same messages as `readTextFile`.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { LanguageService, ServiceSettings } from '@subscriber-csv/language-service';
import { fileDiagnostic, type FileDiagnostic } from './checkFile';
import { FileError } from './errors';
import { describeIoError, looksLikeUtf16 } from './readFile';

const PIECE_BYTES = 64 * 1024;

/** The diagnostics of `path` (relative to `cwd`), batch by batch; errors name the path as given. */
export async function* checkFile(
  service: LanguageService,
  path: string,
  cwd: string,
  settings: ServiceSettings,
): AsyncGenerator<FileDiagnostic[]> {
  const absolute = resolve(cwd, path);
  for await (const batch of service.validateStream(() => readPieces(absolute, path), settings)) {
    yield batch.map(fileDiagnostic);
  }
}

/** The file's text in pieces, refusing UTF-16 and bytes that are not UTF-8. */
async function* readPieces(absolute: string, path: string): AsyncGenerator<string> {
  // The default decoder drops a byte order mark, as VS Code does when it opens the file.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? utf8.decode(bytes, { stream: true }) : utf8.decode();
    } catch {
      throw new FileError(`cannot read ${path}: it is not UTF-8 text. Save it as "CSV UTF-8" and try again.`);
    }
  };
  let first = true;
  try {
    for await (const piece of createReadStream(absolute, { highWaterMark: PIECE_BYTES })) {
      const bytes = piece as Buffer;
      if (first && looksLikeUtf16(bytes)) {
        throw new FileError(`cannot read ${path}: it is UTF-16 text, not UTF-8. Save it as "CSV UTF-8" and try again.`);
      }
      first = false;
      yield decode(bytes);
    }
    yield decode();
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`cannot read ${path}: ${describeIoError(error)}.`);
  }
}
