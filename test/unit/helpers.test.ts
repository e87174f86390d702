/**
 * The test helpers themselves: dedent, the cursor marker and applying edits.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { csv, dedent } from './helpers/dedent';
import { applyEdits, withCursor } from './helpers/service';

describe('test helpers', () => {
  it('dedent strips the first line break, the common indent and the last blank line', () => {
    assert.equal(dedent('\n    a,b\n      c\n    d\n  '), 'a,b\n  c\nd');
    assert.equal(
      csv`
      Type,LastName

      User,Lee
    `,
      'Type,LastName\n\nUser,Lee\n',
    );
  });

  it('withCursor removes the marker and returns its position', () => {
    assert.deepEqual(withCursor('Type,Last|Name\nUser'), {
      text: 'Type,LastName\nUser',
      position: { line: 0, character: 9 },
    });
    assert.deepEqual(withCursor('a\r\nb|').position, { line: 1, character: 1 });
    assert.throws(() => withCursor('no marker'));
    assert.throws(() => withCursor('two|markers|'));
  });

  it('applyEdits applies edits as the editor would', () => {
    const edits = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'X' },
      { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, newText: ',' },
    ];
    assert.equal(applyEdits('ab\ncd', edits), 'Xb\nc,d');
  });
});
