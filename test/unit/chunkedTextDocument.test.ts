/**
 * The chunked document behaves as `TextDocument` does: after random edit sequences (line breaks of every kind
 * included, across chunk seams), its text, line count, positions and offsets equal those of a `TextDocument`
 * created from the same text, and the changes it remembers replay to the same text.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkedTextDocument } from '@subscriber-csv/language-service';
import { createRandom } from './helpers/random';

const PIECES = ['a', 'bc', ',', '"', '\r', '\n', '\r\n', 'x\ny', 'é', ''];

function randomText(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

function assertSame(chunked: ChunkedTextDocument, expected: TextDocument, label: string): void {
  const text = expected.getText();
  assert.equal(chunked.getText(), text, label);
  assert.equal(chunked.length, text.length, label);
  assert.equal(chunked.lineCount, expected.lineCount, `${label}: lineCount`);
  for (let offset = 0; offset <= text.length + 1; offset++) {
    assert.deepEqual(chunked.positionAt(offset), expected.positionAt(offset), `${label}: positionAt(${offset})`);
  }
  for (let line = -1; line <= expected.lineCount; line++) {
    for (let character = -1; character < 8; character++) {
      const position = { line, character };
      assert.equal(chunked.offsetAt(position), expected.offsetAt(position), `${label}: offsetAt(${line}:${character})`);
    }
  }
  for (let start = 0; start <= text.length; start += 3) {
    assert.equal(chunked.slice(start, start + 7), text.slice(start, start + 7), `${label}: slice(${start})`);
  }
}

describe('chunked text document', () => {
  it('equals a TextDocument of the same text after random edits', () => {
    const random = createRandom(7);
    for (let run = 0; run < 300; run++) {
      const initial = randomText(random, Math.floor(random() * 60));
      const chunked = new ChunkedTextDocument('file:///t.csv', 'csv', 1, initial, 4);
      let text = initial;
      for (let step = 0; step < 12; step++) {
        const reference = TextDocument.create('file:///t.csv', 'csv', step + 1, text);
        const a = Math.floor(random() * (text.length + 1));
        const b = Math.min(text.length, a + Math.floor(random() * 6));
        const inserted = randomText(random, Math.floor(random() * 4));
        const range = { start: reference.positionAt(a), end: reference.positionAt(b) };
        const from = reference.offsetAt(range.start);
        const to = reference.offsetAt(range.end);
        chunked.update([{ range, text: inserted }], step + 2);
        text = text.slice(0, from) + inserted + text.slice(to);
        assertSame(chunked, TextDocument.create('file:///t.csv', 'csv', step + 2, text), `run ${run} step ${step}`);
      }
    }
  });

  it('remembers its changes in offsets, so that they replay to the same text', () => {
    const random = createRandom(11);
    const initial = randomText(random, 200);
    const chunked = new ChunkedTextDocument('file:///t.csv', 'csv', 1, initial, 8);
    for (let version = 2; version < 40; version++) {
      const a = Math.floor(random() * chunked.length);
      const range = { start: chunked.positionAt(a), end: chunked.positionAt(a + 2) };
      chunked.update(
        [
          { range, text: randomText(random, 2) },
          { range, text: 'z' },
        ],
        version,
      );
    }
    let replayed = initial;
    for (const change of chunked.changesSince(1) ?? assert.fail('changes forgotten')) {
      replayed = replayed.slice(0, change.start) + change.text + replayed.slice(change.end);
    }
    assert.equal(replayed, chunked.getText());
    assert.deepEqual(chunked.changesSince(chunked.version), []);
    assert.equal(chunked.changesSince(0), undefined);
  });

  it('takes a whole-text change', () => {
    const chunked = ChunkedTextDocument.create('file:///t.csv', 'csv', 1, 'a\nb');
    chunked.update([{ text: 'x\r\ny\r\n' }], 2);
    assertSame(chunked, TextDocument.create('file:///t.csv', 'csv', 2, 'x\r\ny\r\n'), 'whole text');
    assert.deepEqual(chunked.changesSince(1), [{ start: 0, end: 3, text: 'x\r\ny\r\n' }]);
  });

  it('gives the text it was opened with whole until the first edit, and never a stale one after', () => {
    const text = 'Type,LastName\nUser,Lee\n'.repeat(50);
    const chunked = new ChunkedTextDocument('file:///t.csv', 'csv', 1, text, 16);
    assert.equal(chunked.openedText, text);
    assert.equal(chunked.getText(), text);
    chunked.update([{ range: { start: { line: 1, character: 5 }, end: { line: 1, character: 8 } }, text: 'Ng' }], 2);
    assert.equal(chunked.openedText, undefined);
    assert.equal(chunked.getText(), text.replace('User,Lee', 'User,Ng'));
    // An empty document filled by an edit, then edited again in the same batch.
    const empty = new ChunkedTextDocument('file:///e.csv', 'csv', 1, '', 16);
    empty.update(
      [{ text: 'a\nb\n' }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'z' }],
      2,
    );
    assert.equal(empty.openedText, undefined);
    assert.equal(empty.getText(), 'z\nb\n');
  });
});
