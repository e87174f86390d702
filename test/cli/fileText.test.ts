/**
 * The CLI reads a UTF-8 file's text piece by piece, from its start or from a part's: the text is the one the
 * editor's client decodes (`createDecoding`, iconv-lite) from the same bytes, however they are cut into pieces,
 * invalid UTF-8 and byte order marks included.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as iconv from 'iconv-lite';
import { createDecoding } from '../../common/fileEncoding';
import { decodingFor } from '../../cli/src/fileText';
import { createRandom } from '../unit/helpers/random';

/** Bytes that matter to UTF-8: ASCII, lead and continuation bytes, bytes never valid, a byte order mark. */
const BYTES = [0x41, 0x2c, 0x0a, 0x0d, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xbf, 0xff, 0xc0, 0xed];
const BOM = [0xef, 0xbb, 0xbf];

function decodeInPieces(bytes: Buffer, atStart: boolean, random: () => number): string {
  const decoding = decodingFor('utf-8', atStart);
  let text = '';
  for (let at = 0; at < bytes.length;) {
    const size = 1 + Math.floor(random() * 8);
    text += decoding.decode(bytes.subarray(at, at + size));
    at += size;
  }
  return text + decoding.end();
}

describe('decoding UTF-8 in pieces', () => {
  test('gives what iconv-lite gives for the whole file, and for a part from its first byte', () => {
    const random = createRandom(5151);
    for (let run = 0; run < 20_000; run++) {
      const values: number[] = random() < 0.2 ? [...BOM] : [];
      const length = Math.floor(random() * 14);
      for (let i = 0; i < length; i++)
        values.push(random() < 0.05 ? BOM[i % 3] : BYTES[Math.floor(random() * BYTES.length)]);
      const bytes = Buffer.from(values);
      const client = createDecoding('utf-8');
      const whole = client.decode(bytes) + client.end();
      assert.equal(decodeInPieces(bytes, true, random), whole, bytes.toString('hex'));
      const part = iconv.decode(bytes, 'utf-8', { stripBOM: false });
      assert.equal(decodeInPieces(bytes, false, random), part, bytes.toString('hex'));
    }
  });
});
