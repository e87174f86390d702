/**
 * The pieces of the streamed check's first reading: a value hashed from its cell's characters has the hashes of its
 * string (trimmed, lowercased for emails), and the sorted list of values puts equal values side by side, in line
 * order, even when their first hashes collide.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellValue } from '../src/csv/scanCsv';
import { ValueList, compareAt, hashAOf, hashBOf, lineOf, lowerBound, runEnd } from '../src/engine/streamValues';
import { hashes, hashSpan, hashString, SPAN_EMPTY, SPAN_HASHED, SPAN_NEEDS_STRING } from '../src/engine/valueHash';
import { createRandom } from '../../test/unit/helpers/random';

/** The hashes of the string path: the cell's value, trimmed, lowercased when case does not count. */
function stringHashes(cell: string, ignoreCase: boolean): [number, number] | undefined {
  const value = cellValue(cell, 0, cell.length).trim();
  const key = ignoreCase ? value.toLowerCase() : value;
  if (key === '') return undefined;
  hashString(key);
  return [hashes[0], hashes[1]];
}

describe('hashing a cell from its characters', () => {
  it('gives the hashes of its trimmed (and lowercased) value, or asks for the string path', () => {
    const random = createRandom(61);
    const ascii = ['a', 'Z', 'q', '7', '@', '.', ' ', '\t', '\u000b', '"', '""', '-'];
    const any = [...ascii, 'É', 'ß', '\u00a0', '\u2003', 'İ', '\ufeff'];
    let hashed = 0;
    let fallbacks = 0;
    for (let run = 0; run < 20_000; run++) {
      const length = Math.floor(random() * 9);
      const pieces = random() < 0.7 ? ascii : any;
      let cell = '';
      for (let i = 0; i < length; i++) cell += pieces[Math.floor(random() * pieces.length)];
      const ignoreCase = random() < 0.5;
      // The cell sits among other text, as it does in a record.
      const text = `x,${cell},y`;
      const found = hashSpan(text, 2, 2 + cell.length, ignoreCase);
      const expected = stringHashes(cell, ignoreCase);
      if (found === SPAN_NEEDS_STRING) {
        fallbacks++;
        continue;
      }
      if (found === SPAN_EMPTY) {
        assert.equal(expected, undefined, JSON.stringify(cell));
        continue;
      }
      assert.equal(found, SPAN_HASHED);
      hashed++;
      assert.deepEqual([hashes[0], hashes[1]], expected, JSON.stringify({ cell, ignoreCase }));
    }
    assert.ok(hashed > 5000 && fallbacks > 5000, `${hashed} hashed, ${fallbacks} by the string path`);
  });

  it('takes the string path only for quoted cells and characters beyond ASCII', () => {
    assert.equal(hashSpan('"a"', 0, 3, false), SPAN_NEEDS_STRING);
    assert.equal(hashSpan('a"b"', 0, 4, false), SPAN_HASHED);
    assert.equal(hashSpan(' é ', 0, 3, false), SPAN_NEEDS_STRING);
    assert.equal(hashSpan(' \t ', 0, 3, false), SPAN_EMPTY);
    assert.equal(hashSpan('', 0, 0, true), SPAN_EMPTY);
  });
});

describe("the sorted list of a column's values", () => {
  it("sorts by both hashes, keeps each value's uses in line order, and finds every value", () => {
    const random = createRandom(62);
    for (let run = 0; run < 30; run++) {
      const list = new ValueList();
      const added: [number, number, number][] = [];
      const values = 1 + Math.floor(random() * 3000);
      // Few distinct first hashes, so that many values share one, and some values come back often.
      const firsts = 1 + Math.floor(random() * 50);
      for (let line = 0; line < values; line++) {
        const a = (Math.floor(random() * firsts) * 0x9e3779b1) | 0;
        const b = (Math.floor(random() * 4) * 0x85ebca6b) | 0;
        hashes[0] = a;
        hashes[1] = b;
        list.add(line);
        added.push([a, b, line]);
      }
      const sorted = list.sorted();
      const expected = [...added].sort(
        (x, y) => (x[0] >>> 0) - (y[0] >>> 0) || (x[1] >>> 0) - (y[1] >>> 0) || x[2] - y[2],
      );
      const actual = Array.from({ length: sorted.count }, (_, i) => [
        hashAOf(sorted, i),
        hashBOf(sorted, i),
        lineOf(sorted, i),
      ]);
      assert.deepEqual(actual, expected);
      for (const [a, b] of added) {
        const start = lowerBound(sorted, a, b);
        assert.equal(compareAt(sorted, start, a, b), 0);
        const end = runEnd(sorted, start);
        assert.equal(end - start, added.filter(([x, y]) => x === a && y === b).length);
      }
    }
  });
});
