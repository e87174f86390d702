/**
 * Which encoding a file's bytes are in, decided from its first bytes as Excel's outputs need: a byte order mark
 * (UTF-8, UTF-16 LE or BE), else the zero bytes of UTF-16 written without one, else UTF-8 when the first bytes are
 * valid UTF-8, else Windows-1252 (Excel's "CSV (Comma delimited)" on Windows, which any byte sequence is). Every
 * reader (the CLI's check, import and fix, the editor's client) decides the same way on the same bytes.
 */
import type { FileEncoding } from '@subscriber-csv/language-service';

export interface DetectedEncoding {
  encoding: FileEncoding;
  /** The bytes start with a byte order mark (dropped when decoding, as VS Code drops it). */
  bom: boolean;
}

/** How many bytes from the start decide the encoding. Bytes that are not UTF-8 further on become U+FFFD. */
export const DETECTION_BYTES = 1024 * 1024;

/** How many bytes from the start are looked at for the zero bytes of UTF-16 without a byte order mark. */
const UTF16_SAMPLE_BYTES = 4096;

/** The encoding of a file whose first bytes (up to `DETECTION_BYTES`, or all of a shorter file) are `start`. */
export function detectEncoding(start: Uint8Array): DetectedEncoding {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (start[0] === 0xff && start[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (start[0] === 0xfe && start[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const utf16 = utf16WithoutBom(start);
  if (utf16) return { encoding: utf16, bom: false };
  return { encoding: isUtf8Start(start) ? 'utf-8' : 'windows-1252', bom: false };
}

/**
 * UTF-16 without a byte order mark: at least a quarter of the first bytes are zero and nearly all of those fall on
 * the same side of each byte pair (the high byte of an ASCII letter). A UTF-8 file holding a few NUL bytes is not
 * taken for UTF-16; the rules report those.
 */
function utf16WithoutBom(bytes: Uint8Array): FileEncoding | undefined {
  const length = Math.min(bytes.length, UTF16_SAMPLE_BYTES);
  let zeros = 0;
  let even = 0;
  for (let i = 0; i < length; i++) {
    if (bytes[i] !== 0) continue;
    zeros++;
    if (i % 2 === 0) even++;
  }
  if (length < 2 || zeros * 4 < length) return undefined;
  if (even * 10 >= zeros * 9) return 'utf-16be';
  if ((zeros - even) * 10 >= zeros * 9) return 'utf-16le';
  return undefined;
}

/** True when `start` is UTF-8, allowing a character cut off at its end (the rest of the file follows it). */
function isUtf8Start(start: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(start, { stream: true });
    return true;
  } catch {
    return false;
  }
}
