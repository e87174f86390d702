/**
 * Checks one named file as a stream: read in 64 KB pieces, decoded as UTF-8 and validated as the pieces arrive,
 * so that memory stays flat whatever the file's size (a million rows check in well under 200 MB). The result is
 * what `checkText` gives for the whole text, and reading fails with the same messages as `readTextFile`.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServiceSettings, SubscriberLanguageService } from '@subscriber-csv/language-service';
import { columnFor, type CheckedFile } from './checkFile';
import { FileError } from './errors';
import { describeIoError, looksLikeUtf16 } from './readFile';

const PIECE_BYTES = 64 * 1024;

/** Checks `path` (relative to `cwd`); errors name the path as given. */
export async function checkFile(
  service: SubscriberLanguageService,
  path: string,
  cwd: string,
  settings: ServiceSettings,
): Promise<CheckedFile> {
  const absolute = resolve(cwd, path);
  const validation = service.validateStream(settings, pathToFileURL(absolute).href);
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
      validation.push(decode(bytes));
    }
    validation.push(decode());
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`cannot read ${path}: ${describeIoError(error)}.`);
  }
  const diagnostics = validation.end().map(({ diagnostic, cellColumn }) => ({
    diagnostic,
    column: columnFor(diagnostic, cellColumn),
  }));
  return { path, diagnostics };
}
