/**
 * Completion over the protocol: y and n in a y/n cell, the missing columns in the header, and the tenant's
 * call profiles (from configuration) in a CallProfile cell.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COLUMNS } from '@subscriber-csv/language-service';
import { completionItems, lines, LspClient, range, withCursor } from './helpers/lspClient';

describe('completion', () => {
  let client: LspClient;
  let documents = 0;
  before(async () => {
    client = await LspClient.start({
      settings: { subscriberCsv: { tenant: { callProfiles: [{ id: '1', name: 'Local only' }] } } },
    });
  });
  after(async () => {
    await client.stop();
  });

  /** Opens the text (cursor marked with `|`) as a new document and asks for completion at the cursor. */
  async function completeAt(marked: string, languageId = 'subscriber-csv') {
    const { text, position } = withCursor(marked);
    const uri = `file:///work/complete-${++documents}.csv`;
    await client.open(uri, languageId, text);
    return completionItems(await client.completion(uri, position));
  }

  test('in a y/n cell: y and n, with what each means', async () => {
    const items = await completeAt(lines('Type,LastName,VM', 'User,Lee,|'));
    assert.deepEqual(
      items.map(({ label, detail, textEdit }) => ({ label, detail, textEdit })),
      [
        { label: 'y', detail: 'yes', textEdit: { range: range(1, 9, 1, 9), newText: 'y' } },
        { label: 'n', detail: 'no', textEdit: { range: range(1, 9, 1, 9), newText: 'n' } },
      ],
    );
  });

  test('in a half-typed y/n cell: the edit replaces the whole cell', async () => {
    const items = await completeAt(lines('Type,LastName,VM,Twin', 'User,Lee,Ye|s,n'));
    assert.deepEqual(
      items.map((item) => item.textEdit),
      [
        { range: range(1, 9, 1, 12), newText: 'y' },
        { range: range(1, 9, 1, 12), newText: 'n' },
      ],
    );
  });

  test('in the header: only the columns not there yet', async () => {
    const items = await completeAt(lines('Type,LastName,Ext|', 'User,Lee,101'));
    const missing = COLUMNS.map((column) => column.name).filter((name) => name !== 'Type' && name !== 'LastName');
    assert.deepEqual(
      items.map((item) => item.label),
      missing,
    );
    const extension = items.find((item) => item.label === 'Extension');
    assert.deepEqual(extension?.textEdit, { range: range(0, 14, 0, 17), newText: 'Extension' });
    assert.equal(extension?.detail, 'Extension');
  });

  test('in a CallProfile cell: the tenant’s IDs with their names, from configuration', async () => {
    const items = await completeAt(lines('Type,LastName,CallProfile', 'User,Lee,|'));
    assert.deepEqual(
      items.map(({ label, detail, textEdit }) => ({ label, detail, textEdit })),
      [{ label: '1', detail: 'Local only', textEdit: { range: range(1, 9, 1, 9), newText: '1' } }],
    );
  });

  test('after a configuration change: the new call profiles', async () => {
    const marked = lines('Type,LastName,CallProfile', 'User,Lee,|');
    const before = await completeAt(marked);
    assert.deepEqual(
      before.map((item) => item.label),
      ['1'],
    );
    client.changeSettings({
      subscriberCsv: {
        tenant: {
          callProfiles: [
            { id: '1', name: 'Local only' },
            { id: '7', name: 'International' },
          ],
        },
      },
    });
    const after = await completeAt(marked);
    assert.deepEqual(
      after.map(({ label, detail }) => ({ label, detail })),
      [
        { label: '1', detail: 'Local only' },
        { label: '7', detail: 'International' },
      ],
    );
  });

  test('in a plain csv document with header sku,qty,price: nothing', async () => {
    assert.deepEqual(await completeAt(lines('sku,qty,price', 'A-1,|,9.99'), 'csv'), []);
  });
});
