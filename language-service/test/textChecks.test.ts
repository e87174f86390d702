/**
 * The hostile-file checks' helpers on their own: recognising UTF-16 read as UTF-8, splitting and converting a
 * file written with semicolons or tabs, and the patterns of a guessable PIN. The rules using them are tested through
 * the service in `test/unit/hardening.test.ts`.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertToCommas, detectDelimiter, splitLine } from '../src/rules/wrongDelimiter';
import { looksLikeUtf16 } from '../src/values/textEncoding';
import { pinWeakness } from '../src/values/weakPin';

describe('looksLikeUtf16', () => {
  it('recognises a byte order mark misread as Windows-1252, and one alone', () => {
    assert.ok(looksLikeUtf16('\u00ff\u00feT\u0000y\u0000p\u0000e\u0000'));
    assert.ok(looksLikeUtf16('\ufffd\ufffd'));
    assert.ok(!looksLikeUtf16('Type,LastName\nUser,Le\u0000e\n'), 'a stray NUL is not UTF-16');
    assert.ok(!looksLikeUtf16('\ufffd'));
  });
});

describe('converting to commas', () => {
  it('converts nothing when a quote never closes', () => {
    assert.equal(convertToCommas('Type;LastName\nUser;"Lee\n', ';'), undefined);
    assert.equal(convertToCommas('Type;LastName\nUser;"Lee"x\n', ';'), undefined);
  });

  it('keeps a byte order mark, quoted values, blank lines and a last line without a line break', () => {
    assert.equal(
      convertToCommas('\ufeffType;LastName\n\n"User";"a;""b"""\nUser;1,5', ';'),
      '\ufeffType,LastName\n\n"User","a;""b"""\nUser,"1,5"',
    );
  });

  it('finds no delimiter in a comma file whose values hold semicolons', () => {
    assert.equal(detectDelimiter('Type,LastName;Email', 2), undefined);
  });

  it('splits a header line with quotes', () => {
    assert.deepEqual(splitLine('"Type";"Last;Name";x', ';'), ['Type', 'Last;Name', 'x']);
    assert.deepEqual(detectDelimiter('"Type";"LastName"', 0)?.description, 'semicolon-separated');
  });

  it('splits at most the limit of values, however wide the line', () => {
    assert.equal(splitLine(';'.repeat(50_000), ';', 100).length, 100);
  });
});

describe('pinWeakness', () => {
  it('leaves PINs that are not digits to not-digits', () => {
    assert.equal(pinWeakness('12a4', ''), undefined);
    assert.equal(pinWeakness('', ''), undefined);
    assert.equal(pinWeakness('0000', ''), 'oneDigit');
    assert.equal(pinWeakness('3210', ''), 'descending');
    assert.equal(pinWeakness('1357', ''), undefined);
  });
});
