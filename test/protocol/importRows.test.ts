/**
 * What the server tells the client about an import's rows (`subscriberCsv/importRows`: each row's range, the cell
 * of the column the endpoint named, its label and the entry it names), and the entries a document's own rows hold
 * once imported (`subscriberCsv/knownHolders`): with them, the tenant's extensions in use stop flagging the rows that
 * hold them, and only those.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ImportRowsRequest,
  KnownHoldersNotification,
  TenantDataNotification,
  type KnownHolder,
  type RowPlace,
} from '../../common/protocol';
import { codesAndRanges, expected, lines, LspClient } from './helpers/lspClient';

const FILE = lines(
  'Type,FirstName,LastName,Extension,CallProfile',
  'User,Ann,Lee,101,1',
  'User,Bo,Tan,102,99',
  'Location,,Lobby,103,1',
);

describe('import rows and known holders', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { subscriberCsv: {} } });
  });
  after(async () => {
    await client.stop();
  });

  test('importRows places each row the endpoint named on its cell, for the version uploaded only', async () => {
    const uri = 'file:///work/placed.subscribers.csv';
    await client.open(uri, 'subscriber-csv', FILE);
    const places = await client.request<(RowPlace | null)[] | null>(ImportRowsRequest.method, {
      uri,
      version: 1,
      rows: [{ line: 3, column: 'CallProfile' }, { line: 2 }, { line: 1 }, { line: 40, column: 'Extension' }],
    });
    assert.deepEqual(places, [
      {
        row: 2,
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 18 } },
        cell: { start: { line: 2, character: 16 }, end: { line: 2, character: 18 } },
        label: 'Bo Tan, ext 102',
        type: 'User',
        extension: '102',
        entryName: { Type: 'User', FirstName: 'Bo', LastName: 'Tan' },
      },
      {
        row: 1,
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } },
        label: 'Ann Lee, ext 101',
        type: 'User',
        extension: '101',
        entryName: { Type: 'User', FirstName: 'Ann', LastName: 'Lee' },
      },
      null,
      null,
    ]);
    const stale = await client.request(ImportRowsRequest.method, { uri, version: 7, rows: [{ line: 2 }] });
    assert.equal(stale, null, 'another version: the lines may hold other rows');
  });

  test("known holders silence extension-in-use on the document's own rows, and only there", async () => {
    const uri = 'file:///work/own.subscribers.csv';
    const other = 'file:///work/other.subscribers.csv';
    await client.open(uri, 'subscriber-csv', FILE);
    await client.open(other, 'subscriber-csv', FILE);
    const inUse = client.nextDiagnostics(uri, {
      predicate: (p) => p.diagnostics.some((d) => d.code === 'extension-in-use'),
    });
    client.notify(TenantDataNotification.type, {
      callProfiles: [
        { id: '1', name: 'Local' },
        { id: '99', name: 'Old' },
      ],
      extensionsInUse: ['101', '102', '103'],
    });
    assert.deepEqual(codesAndRanges((await inUse).diagnostics), [
      expected('extension-in-use', 1, 13, 1, 16),
      expected('extension-in-use', 2, 12, 2, 15),
      expected('extension-in-use', 3, 16, 3, 19),
    ]);

    const silenced = client.nextDiagnostics(uri, { predicate: (p) => p.diagnostics.length === 1 });
    client.notify(KnownHoldersNotification.type, {
      uri,
      // Stored state can be edited: a malformed holder is left out, the others apply.
      holders: [
        { extension: '101', name: { Type: 'User', FirstName: 'Ann', LastName: 'Lee' } },
        { extension: '102', name: { Type: 'User', FirstName: 'Bo', LastName: 'Tan' } },
        // Another holder's name: row 3 would take someone else's extension.
        { extension: '103', name: { Type: 'Location', FirstName: '', LastName: 'Front Desk' } },
        { extension: 104, name: 'not a name' } as unknown as KnownHolder,
      ],
    });
    assert.deepEqual(codesAndRanges((await silenced).diagnostics), [expected('extension-in-use', 3, 16, 3, 19)]);

    // The other document imported nothing: its rows are still flagged.
    const check = await client.change(other, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      text: '',
    });
    assert.equal(check.diagnostics.filter((d) => d.code === 'extension-in-use').length, 3);

    // A row renamed since the import names someone else now: flagged again, as the endpoint would refuse it.
    const renamed = await client.change(uri, {
      range: { start: { line: 1, character: 9 }, end: { line: 1, character: 12 } },
      text: 'Leigh',
    });
    assert.deepEqual(codesAndRanges(renamed.diagnostics), [
      expected('extension-in-use', 1, 15, 1, 18),
      expected('extension-in-use', 3, 16, 3, 19),
    ]);

    const forgotten = client.nextDiagnostics(uri, { predicate: (p) => p.diagnostics.length === 3 });
    client.notify(KnownHoldersNotification.type, { uri, holders: [] });
    assert.equal((await forgotten).diagnostics.length, 3);
  });
});
