// Completion in cells, as the editor asks for it (vscode.executeCompletionItemProvider).
import * as assert from 'assert';
import type * as vscode from 'vscode';
import { cellRange, completionItems, labelOf, openFixture } from './helpers';

/** label → detail of the items we are interested in. */
function details(items: vscode.CompletionItem[], labels: string[]): Record<string, string | undefined> {
  return Object.fromEntries(labels.map((label) => [label, items.find((item) => labelOf(item) === label)?.detail]));
}

describe('completion', () => {
  it('offers y and n with their meanings in a y/n cell', async () => {
    const document = await openFixture('clean.subscribers.csv');
    const items = await completionItems(document.uri, cellRange(document, 1, 'Privacy').start);
    assert.deepStrictEqual(details(items, ['y', 'n']), { y: 'yes', n: 'no' });
  });

  it('offers the tenant call profiles from settings with their names', async () => {
    const document = await openFixture('clean.subscribers.csv');
    const items = await completionItems(document.uri, cellRange(document, 1, 'CallProfile').start);
    assert.deepStrictEqual(details(items, ['1', '2', '3']), { 1: 'Local only', 2: 'National', 3: 'International' });
  });

  it('offers key profiles: the system default and the tenant ones', async () => {
    const document = await openFixture('clean.subscribers.csv');
    const items = await completionItems(document.uri, cellRange(document, 1, 'KeyProfile').start);
    assert.strictEqual(details(items, ['4'])['4'], 'Reception');
    assert.ok(
      items.some((item) => labelOf(item) === '-1'),
      'offers -1',
    );
  });

  it('offers the missing columns in the header', async () => {
    const document = await openFixture('clean.subscribers.csv');
    const items = await completionItems(document.uri, cellRange(document, 0, 'Type').start);
    const labels = items.map(labelOf);
    assert.ok(labels.includes('HomePhone'), 'HomePhone is not in the header yet');
    assert.ok(!labels.includes('LastName'), 'LastName is already there');
  });
});
