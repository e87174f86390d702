/**
 * Bytes to text in the encoding `detectEncoding` found, whole or piece by piece (the CLI's check streams).
 *
 * iconv-lite decodes, not Node's TextDecoder: Node 20's TextDecoder decodes "windows-1252" as Latin-1, so the
 * bytes Excel writes for ’ – € (0x92, 0x96, 0x80) would become control characters ("O\u0092Brien"); iconv-lite
 * follows the Windows code page and does the same on every Node and in every editor host. A byte order mark is
 * dropped, as VS Code drops it when it opens the file, so that line:column positions match the editor's. Bytes that
 * are not valid in the encoding become U+FFFD, which the rules report on their row (`replacement-character`).
 */
import * as iconv from 'iconv-lite';
import type { FileEncoding } from '@subscriber-csv/language-service';
import { DETECTION_BYTES, detectEncoding, type DetectedEncoding } from './detectEncoding';

export interface TextDecoding {
  /** The text of the next bytes; a character cut at the end of `bytes` waits for the next call. */
  decode(bytes: Uint8Array): string;
  /** What is left when the bytes end. */
  end(): string;
}

export function createDecoding(encoding: FileEncoding): TextDecoding {
  const decoder = iconv.getDecoder(encoding);
  return {
    decode: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

export interface DecodedFile extends DetectedEncoding {
  text: string;
}

/** A whole file's text, in the encoding its first bytes say. */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  const detected = detectEncoding(bytes.subarray(0, DETECTION_BYTES));
  const decoding = createDecoding(detected.encoding);
  return { ...detected, text: decoding.decode(bytes) + decoding.end() };
}

/** The bytes a file is written with: UTF-8 without a byte order mark, whatever it was read from. */
export function encodeUtf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}
