/**
 * Where a clean copy goes (`common/cleanCopy.ts`), as `subscriber-csv fix` and the editor's Save Clean Copy name it:
 * beside the original, never the original's own name.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanCopyName } from '../../common/cleanCopy';

test('a .csv gets .clean before its extension; a subscriber file stays one by its name', () => {
  assert.equal(cleanCopyName('team.csv'), 'team.clean.csv');
  assert.equal(cleanCopyName('Team.CSV'), 'Team.clean.CSV');
  assert.equal(cleanCopyName('team.subscribers.csv'), 'team.clean.subscribers.csv');
  assert.equal(cleanCopyName('hr.export.2026.csv'), 'hr.export.2026.clean.csv');
});

test("a file that is not a .csv (Excel's Unicode Text is a .txt) becomes one, for the import page", () => {
  assert.equal(cleanCopyName('team.txt'), 'team.clean.csv');
  assert.equal(cleanCopyName('team'), 'team.clean.csv');
  assert.equal(cleanCopyName('.csv'), '.clean.csv');
});

test('the copy is never named as the original', () => {
  for (const name of ['a.csv', 'a.clean.csv', 'a.subscribers.csv', 'x', 'x.txt', '.csv', 'a.CSV']) {
    assert.notEqual(cleanCopyName(name), name);
  }
});
