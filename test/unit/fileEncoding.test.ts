/**
 * Files as Excel saves them: the fixtures' bytes are decoded as the CLI and the editor's client decode them
 * (`common/fileEncoding`), and the library, told the encoding, checks the content in full and reports the encoding
 * once (`file-encoding`), on the header.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFile, detectEncoding } from '../../common/fileEncoding';
import { ENCODING_FIXTURES, ENCODING_ROWS } from '../fixtures/encodings/generate';
import { expectDiagnostics, settingsWith } from './helpers/service';

const FIXTURES = join(__dirname, '../fixtures/encodings');

function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

const ROWS = ENCODING_ROWS;

it('the committed fixtures are the ones generate.ts makes (`npx tsx test/fixtures/encodings/generate.ts`)', () => {
  for (const [name, bytes] of Object.entries(ENCODING_FIXTURES)) assert.ok(fixture(name).equals(bytes()), name);
});

describe('file-encoding', () => {
  for (const [name, encoding, bom] of [
    ['windows-1252.subscribers.csv', 'windows-1252', false],
    ['utf-16le-bom.subscribers.csv', 'utf-16le', true],
    ['utf-16be-bom.subscribers.csv', 'utf-16be', true],
  ] as const) {
    it(`${name}: read as ${encoding}, checked in full, the encoding reported once on the header`, () => {
      const decoded = decodeFile(fixture(name));
      assert.deepEqual({ encoding: decoded.encoding, bom: decoded.bom }, { encoding, bom });
      assert.equal(decoded.text, ROWS);
      const [fileEncoding] = expectDiagnostics(
        decoded.text,
        [
          { code: 'file-encoding', line: 0, startChar: 0, endChar: 31, data: { encoding } },
          { code: 'value-case', line: 2, startChar: 17, endChar: 18 },
        ],
        settingsWith({}, { encoding: decoded.encoding }),
      );
      assert.match(fileEncoding.message, /saved as (Windows-1252|UTF-16 [LB]E)\b.*not UTF-8.*save the file as UTF-8/);
    });
  }

  it('names where a Windows-1252 file comes from', () => {
    const [diagnostic] = expectDiagnostics(
      'Type,LastName\nUser,Lee\n',
      [{ code: 'file-encoding', line: 0, startChar: 0, endChar: 13 }],
      settingsWith({}, { encoding: 'windows-1252' }),
    );
    assert.match(diagnostic.message, /Excel's "CSV \(Comma delimited\)" on Windows/);
  });

  it('says nothing of UTF-8, with or without a byte order mark, nor when the encoding is not known', () => {
    for (const name of ['utf-8.subscribers.csv', 'utf-8-bom.subscribers.csv']) {
      const decoded = decodeFile(fixture(name));
      assert.equal(decoded.encoding, 'utf-8');
      assert.equal(decoded.text, ROWS);
      expectDiagnostics(decoded.text, [{ code: 'value-case', line: 2, startChar: 17, endChar: 18 }], {
        ...settingsWith(),
        encoding: 'utf-8',
      });
    }
    expectDiagnostics(ROWS, [{ code: 'value-case', line: 2, startChar: 17, endChar: 18 }]);
  });

  it('is reported with wrong-encoding when an editor read a UTF-16 file as UTF-8', () => {
    const misread = new TextDecoder('utf-8').decode(fixture('utf-16le-bom.subscribers.csv'));
    expectDiagnostics(
      misread,
      [
        { code: 'file-encoding', line: 0, startChar: 0, endChar: 64 },
        { code: 'missing-header', line: 0, startChar: 0, endChar: 64 },
        { code: 'wrong-encoding', line: 0, startChar: 0, endChar: 64 },
      ],
      settingsWith({}, { assumeSubscriberFile: true, encoding: 'utf-16le' }),
    );
  });
});

describe('detecting the encoding from the first bytes', () => {
  it('knows the byte order marks', () => {
    assert.deepEqual(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])), { encoding: 'utf-8', bom: true });
    assert.deepEqual(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0])), { encoding: 'utf-16le', bom: true });
    assert.deepEqual(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x41])), { encoding: 'utf-16be', bom: true });
  });

  it('knows UTF-16 without a byte order mark by its zero bytes, and leaves a few NULs in UTF-8 alone', () => {
    assert.equal(detectEncoding(Buffer.from('Type,LastName\n', 'utf16le')).encoding, 'utf-16le');
    assert.equal(detectEncoding(Buffer.from('Type,LastName\n', 'utf16le').swap16()).encoding, 'utf-16be');
    assert.equal(detectEncoding(Buffer.from('Type,LastName\nUser,L\u0000e\n')).encoding, 'utf-8');
  });

  it('takes valid UTF-8 as UTF-8, a character cut at the end of the sample included, and anything else as Windows-1252', () => {
    assert.equal(detectEncoding(Buffer.from('User,Müller')).encoding, 'utf-8');
    assert.equal(detectEncoding(Buffer.from('User,Mü').subarray(0, -1)).encoding, 'utf-8');
    assert.equal(detectEncoding(Buffer.from('User,M\xfcller', 'latin1')).encoding, 'windows-1252');
    assert.deepEqual(detectEncoding(Buffer.alloc(0)), { encoding: 'utf-8', bom: false });
  });

  it("decodes Windows-1252 as Windows does: ’ – € are not Latin-1's control characters", () => {
    assert.equal(decodeFile(Buffer.from('O\x92Brien \x96 \x80 M\xfcller', 'latin1')).text, 'O’Brien – € Müller');
  });

  it('turns bytes that are not UTF-8 after the first megabyte into U+FFFD, for the rules to report', () => {
    const bytes = Buffer.concat([Buffer.alloc(1024 * 1024, 'a'), Buffer.from('\nM\xfcller', 'latin1')]);
    const decoded = decodeFile(bytes);
    assert.equal(decoded.encoding, 'utf-8');
    assert.equal(decoded.text.slice(-7), '\nM\ufffdller');
  });
});
