/**
 * Completion in an empty file over the protocol: a served file (named `*.subscribers.csv`, matched by
 * `subscriberCsv.filePatterns`, or in the language `subscriber-csv`) offers the whole header at once; an unrelated
 * empty `.csv` gets nothing. Choosing the item and sending its edits back leaves a file the server accepts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-protocol/node';
import { COLUMNS } from '@subscriber-csv/language-service';
import { completionItems, LspClient, range } from './helpers/lspClient';

const ALL = COLUMNS.map((column) => column.name).join(',');

describe('whole header completion in an empty file', () => {
  let client: LspClient;
  before(async () => {
    // A value replaces the default (`**/*.subscribers.csv`), so the default is named again.
    const filePatterns = ['**/*.subscribers.csv', '**/imports/*.csv'];
    client = await LspClient.start({ settings: { subscriberCsv: { filePatterns } } });
  });
  after(async () => {
    await client.stop();
  });

  async function completeEmpty(uri: string, languageId: string, text = ''): Promise<CompletionItem[]> {
    await client.open(uri, languageId, text);
    return completionItems(await client.completion(uri, { line: 0, character: 0 }));
  }

  for (const [name, uri, languageId] of [
    ['a *.subscribers.csv file', 'file:///work/new.subscribers.csv', 'csv'],
    ['a file matched by filePatterns', 'file:///work/imports/june.csv', 'csv'],
    ['a file in the language subscriber-csv', 'file:///work/anything.csv', 'subscriber-csv'],
  ]) {
    test(`${name}: the full header, then the required columns, then each column`, async () => {
      const items = await completeEmpty(uri, languageId);
      assert.deepEqual(
        items.slice(0, 2).map(({ label, textEdit }) => ({ label, textEdit })),
        [
          { label: 'Header: all 32 columns', textEdit: { range: range(0, 0, 0, 0), newText: `${ALL}\n` } },
          { label: 'Header: required columns', textEdit: { range: range(0, 0, 0, 0), newText: 'Type,LastName\n' } },
        ],
      );
      assert.deepEqual(
        items.slice(2).map((item) => item.label),
        COLUMNS.map((column) => column.name),
      );
    });
  }

  test('an unrelated empty .csv: nothing', async () => {
    assert.deepEqual(await completeEmpty('file:///work/prices.csv', 'csv'), []);
  });

  test('blank lines: the edits leave only the header, which the server then accepts', async () => {
    const uri = 'file:///work/blank.subscribers.csv';
    const opened = await client.open(uri, 'csv', '\n  \n');
    assert.ok(opened.diagnostics.some((diagnostic) => diagnostic.code === 'missing-header'));
    const [all] = completionItems(await client.completion(uri, { line: 1, character: 1 }));
    assert.ok(all.textEdit && 'range' in all.textEdit);
    assert.deepEqual(all.textEdit.range, range(1, 0, 1, 2));
    const published = await client.applyEdits(uri, [all.textEdit, ...(all.additionalTextEdits ?? [])]);
    assert.equal(client.document(uri).getText(), `${ALL}\n`);
    assert.deepEqual(published.diagnostics, []);
  });
});
