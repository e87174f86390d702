/**
 * A file's text for the streamed check, read a megabyte at a time and decoded in 64 KB pieces: the whole file, or
 * the bytes of one part of it (`parallelCheck.ts`). Reads are synchronous: the check has nothing else to do
 * meanwhile, and a read from the page cache then costs no round trip through Node's thread pool (which left the
 * CPU idle a tenth of the time).
 *
 * For the first reading, a file in UTF-8 or Windows-1252 is also given as its bytes, one Latin-1 character each
 * (`StreamSource.bytes`): quotes, commas and line breaks are single bytes below 0x80 in both, never part of another
 * character, so records and cells fall where the text's do, and making such a string costs a copy where decoding
 * UTF-8 costs several times that.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import * as iconv from 'iconv-lite';
import type { FileEncoding, StreamSource } from '@subscriber-csv/language-service';
import { createDecoding, type TextDecoding } from '../../common/fileEncoding';
import { FileError, fileInMessage } from './errors';
import { describeIoError } from './readFile';

/** Bytes read at a time (fewer reads), and decoded at a time (the scanner's pieces stay small). */
const READ_BYTES = 1024 * 1024;
const PIECE_BYTES = 64 * 1024;

/** The bytes `[start, end)` of a file; `start` 0 is the file's start, where a byte order mark is dropped. */
export interface ByteRange {
  start: number;
  end: number;
}

/** The file a check reads: where it is, how it is named in messages, its encoding and its size when checked. */
export interface CheckedFile {
  absolute: string;
  path: string;
  encoding: FileEncoding;
  size: number;
}

/** The encodings whose bytes below 0x80 are always those ASCII characters: a file in them can be cut at any LF. */
export function isAsciiCompatible(encoding: FileEncoding): boolean {
  return encoding === 'utf-8' || encoding === 'windows-1252';
}

/** The text of a file, or of a part of it, for the streamed check (with its bytes, where they serve). */
export function sourceOf(file: CheckedFile, range: ByteRange): StreamSource {
  return partSource(file, range.start, range.end).source;
}

/**
 * A part's source: its text from `start` to `range.end` (which the caller may move once the first reading has said
 * where the part's last record ends) and, where they serve, its bytes from `start` on, which the first reading
 * reads up to the end of the record that crosses `meantEnd` (`bytesStart + bytesRead`).
 */
export function partSource(
  file: CheckedFile,
  start: number,
  meantEnd: number,
): { source: StreamSource; range: ByteRange; bytesStart: number | undefined } {
  const range = { start, end: meantEnd };
  const source: StreamSource = { read: () => readPieces(file, range) };
  if (!isAsciiCompatible(file.encoding)) return { source, range, bytesStart: undefined };
  const skip = start === 0 ? bomBytes(file) : 0;
  // A second byte order mark after the first is a character of the text that the scanner drops as csv-parse does;
  // its bytes would not be: such a file is read as text twice.
  if (start === 0 && skip > 0 && startsWithBom(file, skip)) return { source, range, bytesStart: undefined };
  const decoder = (span: string) => iconv.decode(Buffer.from(span, 'latin1'), file.encoding, { stripBOM: false });
  const bytesStart = start + skip;
  const end = Math.min(meantEnd, file.size);
  source.bytes = {
    read: () => readBytes(file, { start: bytesStart, end: file.size }),
    decode: decoder,
    size: end - bytesStart,
    ...(end < file.size ? { end: end - bytesStart } : {}),
  };
  return { source, range, bytesStart };
}

/** The text of bytes `range`, decoded in pieces. */
export async function* readPieces(file: CheckedFile, range: ByteRange): AsyncGenerator<string> {
  const decoding = decodingFor(file.encoding, range.start === 0);
  for (const bytes of readRange(file, range)) {
    for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
      yield decoding.decode(bytes.subarray(at, Math.min(bytes.length, at + PIECE_BYTES)));
    }
  }
  yield decoding.end();
}

/** The bytes of `range`, one Latin-1 character each, in pieces. */
async function* readBytes(file: CheckedFile, range: ByteRange): AsyncGenerator<string> {
  for (const bytes of readRange(file, range)) {
    for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
      yield bytes.toString('latin1', at, Math.min(bytes.length, at + PIECE_BYTES));
    }
  }
}

/**
 * The decoding of a file's bytes from its start, or from a part's (which keeps a U+FEFF it starts with: only the
 * file's own byte order mark is dropped). UTF-8 is decoded by the platform's TextDecoder, nearly twice as fast as
 * iconv-lite's (Node's StringDecoder) and equal to it, invalid bytes included (`test/cli/fileText.test.ts`).
 */
export function decodingFor(encoding: FileEncoding, atStart: boolean): TextDecoding {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: !atStart });
    return { decode: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  if (atStart) return createDecoding(encoding);
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return {
    decode: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

/** The bytes of `range`, a megabyte at a time (the same buffer each time: used before the next is read). */
function* readRange(file: CheckedFile, range: ByteRange): Generator<Buffer> {
  const fd = openFile(file);
  const bytes = Buffer.allocUnsafe(READ_BYTES);
  try {
    for (let at = range.start; at < range.end;) {
      const read = readAt(fd, bytes, Math.min(READ_BYTES, range.end - at), at, file.path);
      if (read === 0) break;
      at += read;
      yield bytes.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** How many bytes of byte order mark the decoder drops at the file's start. */
function bomBytes(file: CheckedFile): number {
  return file.encoding === 'utf-8' && startsWithBom(file, 0) ? 3 : 0;
}

function startsWithBom(file: CheckedFile, at: number): boolean {
  const bytes = Buffer.alloc(3);
  const fd = openFile(file);
  try {
    return readAt(fd, bytes, 3, at, file.path) === 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  } finally {
    closeSync(fd);
  }
}

/**
 * Where to cut a file into `count` parts of about equal size: each cut just after an LF byte, so
 * that a part starts on a line (a record, unless a quoted cell holds that line break: the parts' first readings
 * find out). Fewer cuts when the file has too few lines.
 */
export function cutsOf(file: CheckedFile, count: number): number[] {
  const size = file.size;
  const cuts: number[] = [];
  const fd = openFile(file);
  const window = Buffer.allocUnsafe(PIECE_BYTES);
  try {
    for (let part = 1; part < count; part++) {
      let at = Math.max(Math.floor((size * part) / count), cuts.length > 0 ? cuts[cuts.length - 1] : 1);
      for (;;) {
        const read = readAt(fd, window, window.length, at, file.path);
        const lf = window.subarray(0, read).indexOf(10);
        if (read === 0 || lf >= 0) {
          at = read === 0 ? size : at + lf + 1;
          break;
        }
        at += read;
      }
      if (at >= size) break;
      cuts.push(at);
    }
  } finally {
    closeSync(fd);
  }
  return cuts;
}

export function openFile(file: { absolute: string; path: string }): number {
  try {
    return openSync(file.absolute, 'r');
  } catch (error) {
    throw new FileError(`cannot read ${fileInMessage(file.path, error)}: ${describeIoError(error)}.`);
  }
}

/** Reads up to `length` bytes at `position` (as many as there are); 0 at the end of the file. */
export function readAt(fd: number, bytes: Buffer, length: number, position: number | null, path: string): number {
  let filled = 0;
  try {
    while (filled < length) {
      const read = readSync(fd, bytes, filled, length - filled, position === null ? null : position + filled);
      if (read === 0) break;
      filled += read;
    }
  } catch (error) {
    throw new FileError(`cannot read ${path}: ${describeIoError(error)}.`);
  }
  return filled;
}
