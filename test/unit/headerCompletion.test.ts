/**
 * Completion in a file with no text yet: the whole header in one item (all 32 columns, or the required ones), built
 * from the column table, replacing whatever blanks the file holds. The cursor is marked with `|`.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { ChunkedTextDocument, COLUMNS, DEFAULT_SETTINGS } from '@subscriber-csv/language-service';
import { applyEdits, completeAt, expectDiagnostics, labelsOf, service, settingsWith } from './helpers/service';

const SERVED = settingsWith({}, { assumeSubscriberFile: true });
const ALL = COLUMNS.map((column) => column.name).join(',');
const HEADER_LABELS = ['Header: all 32 columns', 'Header: required columns'];

/** The text after choosing `item` in `text`: its edit and its additional edits, as the editor applies them. */
function afterChoosing(text: string, item: CompletionItem): string {
  assert.ok(item.textEdit && 'range' in item.textEdit, 'a text edit with one range');
  return applyEdits(text, [item.textEdit, ...(item.additionalTextEdits ?? [])]);
}

describe('whole header completion in an empty file', () => {
  it('offers all 32 columns first, then the required ones, each inserting a header row', () => {
    const items = completeAt('|', SERVED);
    assert.deepEqual(labelsOf(items).slice(0, 2), HEADER_LABELS);
    const [all, required] = items;
    assert.deepEqual(all.textEdit, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: `${ALL}\n`,
    });
    assert.equal(all.additionalTextEdits, undefined);
    assert.equal(all.preselect, true);
    assert.equal(all.labelDetails?.description, COLUMNS.map((column) => column.name).join(', '));
    assert.deepEqual(required.textEdit, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      newText: 'Type,LastName\n',
    });
    assert.equal(required.preselect, false);
    // Ahead of the 32 single column names, which sort as 00–31.
    assert.ok(items.slice(2).every((item) => all.sortText! < item.sortText! && required.sortText! < item.sortText!));
  });

  it('writes the same header row as New Subscriber File', () => {
    const [all, required] = completeAt('|', SERVED);
    assert.equal(all.textEdit?.newText, service.getNewFileText('all').split('\n')[0] + '\n');
    assert.equal(required.textEdit?.newText, service.getNewFileText([]).split('\n')[0] + '\n');
  });

  it('gives a header the rules accept', () => {
    for (const item of completeAt('|', SERVED).slice(0, 2)) expectDiagnostics(afterChoosing('', item), [], SERVED);
  });

  it('replaces blanks on several lines, the main edit on the cursor’s line only', () => {
    const marked = ' \n\t\n  |  \n\n';
    const text = marked.replace('|', '');
    const [all] = completeAt(marked, SERVED);
    assert.deepEqual(all.textEdit, {
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } },
      newText: `${ALL}\n`,
    });
    assert.deepEqual(all.additionalTextEdits, [
      { range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, newText: '' },
      { range: { start: { line: 2, character: 4 }, end: { line: 4, character: 0 } }, newText: '' },
    ]);
    assert.equal(afterChoosing(text, all), `${ALL}\n`);
  });

  it('ends the header with the file’s own line break', () => {
    const [, required] = completeAt('\r\n|\r\n', SERVED);
    assert.equal(afterChoosing('\r\n\r\n', required), 'Type,LastName\r\n');
  });

  it('still offers each column on its own, at the cursor', () => {
    const items = completeAt('  |', SERVED);
    assert.deepEqual(
      labelsOf(items).slice(2),
      COLUMNS.map((column) => column.name),
    );
    assert.equal(items[2].textEdit?.newText, 'Type');
  });

  it('is not offered once the file has text', () => {
    for (const marked of ['T|', 'Type,|', 'Type,LastName\n|', 'Type,LastName\nUser,Lee\n|', '  x|']) {
      const labels = labelsOf(completeAt(marked, SERVED));
      assert.ok(!labels.some((label) => HEADER_LABELS.includes(label)), JSON.stringify(marked));
    }
  });

  it('is not offered in an empty file not said to be a subscriber file (an unrelated .csv)', () => {
    assert.deepEqual(completeAt('|', DEFAULT_SETTINGS), []);
  });

  it('looks at a document kept in pieces without joining it', () => {
    const complete = (text: string) => {
      const document = ChunkedTextDocument.create('file:///big.subscribers.csv', 'subscriber-csv', 1, text);
      return labelsOf(service.doComplete(service.parse(document), { line: 0, character: 0 }, SERVED));
    };
    assert.deepEqual(complete(' '.repeat(10_000)).slice(0, 2), HEADER_LABELS);
    const withText = complete(' '.repeat(9_000) + 'x');
    assert.ok(!withText.some((label) => HEADER_LABELS.includes(label)));
  });
});
