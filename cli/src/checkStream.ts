/**
 * Checks one named file as a stream: read a megabyte at a time, decoded in 64 KB pieces and validated as the pieces
 * arrive (`fileText.ts`). The rules library reads the file twice (once for what spans rows, once for the rules) and
 * hands out diagnostics as it finds them, so that memory stays flat whatever the file's size and however many
 * diagnostics it has. A large file is checked in parts, one thread each (`parallelCheck.ts`), with the same result.
 *
 * The encoding is decided once, from the file's first megabyte (`detectEncoding`), before either reading: the rules
 * are told it (`file-encoding` for anything but UTF-8) and both readings decode with it. Reading fails only when the
 * file cannot be read at all, with the same messages as `readTextFile`.
 */
import { closeSync, fstatSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LanguageService, ServiceSettings } from '@subscriber-csv/language-service';
import { DETECTION_BYTES, detectEncoding } from '../../common/fileEncoding';
import { fileDiagnostic, type FileDiagnostic } from './checkFile';
import { openFile, readAt, sourceOf, type CheckedFile } from './fileText';
import { checkInParts, partsFor } from './parallelCheck';

/** The diagnostics of `path` (relative to `cwd`), batch by batch; errors name the path as given. */
export async function* checkFile(
  service: LanguageService,
  path: string,
  cwd: string,
  settings: ServiceSettings,
): AsyncGenerator<FileDiagnostic[]> {
  const absolute = resolve(cwd, path);
  const fd = openFile({ absolute, path });
  let file: CheckedFile;
  try {
    const start = Buffer.allocUnsafe(DETECTION_BYTES);
    const { encoding } = detectEncoding(start.subarray(0, readAt(fd, start, start.length, 0, path)));
    file = { absolute, path, encoding, size: fstatSync(fd).size };
  } finally {
    closeSync(fd);
  }
  const fileSettings = { ...settings, encoding: file.encoding };
  const whole = () => service.validateStream(sourceOf(file, { start: 0, end: Infinity }), fileSettings);
  const parts = partsFor(file);
  const batches = parts > 1 ? checkInParts(service, file, fileSettings, parts, whole) : whole();
  for await (const batch of batches) yield batch.map(fileDiagnostic);
}
