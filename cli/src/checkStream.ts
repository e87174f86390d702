/**
 * Checks one named file as a stream: read a megabyte at a time, decoded in 64 KB pieces and validated as the pieces
 * arrive. The rules library reads the file twice (once for what spans rows, once for the rules) and hands out
 * diagnostics as it finds them, so that memory stays flat whatever the file's size and however many diagnostics it
 * has.
 *
 * The encoding is decided once, from the file's first megabyte (`detectEncoding`), before either reading: the rules
 * are told it (`file-encoding` for anything but UTF-8) and both readings decode with it. Reading fails only when the
 * file cannot be read at all, with the same messages as `readTextFile`. Asked to (`SUBSCRIBER_CSV_JOBS`), a large file
 * is checked on several threads (`parallelCheck.ts`), with the same result.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileEncoding, LanguageService, ServiceSettings } from '@subscriber-csv/language-service';
import { createDecoding, DETECTION_BYTES, detectEncoding } from '../../common/fileEncoding';
import { fileDiagnostic, type FileDiagnostic } from './checkFile';
import { FileError, fileInMessage } from './errors';
import { checkInParts, partsFor } from './parallelCheck';
import { describeIoError } from './readFile';

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
  const encoding = withFile(absolute, path, (fd) => {
    const start = Buffer.allocUnsafe(DETECTION_BYTES);
    return detectEncoding(start.subarray(0, readBytes(fd, start, path))).encoding;
  });
  const fileSettings = { ...settings, encoding };
  const text = () => readPieces(absolute, path, encoding);
  const parts = partsFor(absolute);
  const batches =
    parts > 1
      ? checkInParts(parts, { absolute, path, settings: fileSettings }, (part) =>
          service.validateStream(text, fileSettings, part),
        )
      : service.validateStream(text, fileSettings);
  for await (const batch of batches) yield batch.map(fileDiagnostic);
}

/** The file's text in pieces, decoded from `encoding`. */
export async function* readPieces(absolute: string, path: string, encoding: FileEncoding): AsyncGenerator<string> {
  const decoding = createDecoding(encoding);
  // Read synchronously: the check has nothing else to do meanwhile, and a read from the page cache then costs no
  // round trip through Node's thread pool (which left the CPU idle a tenth of the time).
  const fd = open(absolute, path);
  const bytes = Buffer.allocUnsafe(READ_BYTES);
  try {
    for (;;) {
      const read = readBytes(fd, bytes, path);
      if (read === 0) break;
      for (let at = 0; at < read; at += PIECE_BYTES) {
        yield decoding.decode(bytes.subarray(at, Math.min(read, at + PIECE_BYTES)));
      }
    }
    yield decoding.end();
  } finally {
    closeSync(fd);
  }
}

function open(absolute: string, path: string): number {
  try {
    return openSync(absolute, 'r');
  } catch (error) {
    throw new FileError(`cannot read ${fileInMessage(path, error)}: ${describeIoError(error)}.`);
  }
}

/** Fills `bytes` from the file's current position as far as it goes; 0 at its end. */
function readBytes(fd: number, bytes: Buffer, path: string): number {
  let filled = 0;
  try {
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read === 0) break;
      filled += read;
    }
  } catch (error) {
    throw new FileError(`cannot read ${path}: ${describeIoError(error)}.`);
  }
  return filled;
}

function withFile<T>(absolute: string, path: string, work: (fd: number) => T): T {
  const fd = open(absolute, path);
  try {
    return work(fd);
  } finally {
    closeSync(fd);
  }
}
