/**
 * Fix All and the file's encoding over the protocol, against the real server: `source.fixAll` (what
 * `editor.codeActionsOnSave` asks for) answers one action with every automatic fix, the client's Fix All request
 * answers the same edits for the version it holds, and the encoding the client found on disk becomes one
 * `file-encoding` diagnostic.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { decodeFile } from '../../common/fileEncoding';
import {
  FIX_ALL_KIND,
  FileEncodingNotification,
  FixAllRequest,
  type FileEncodingParams,
  type FixAllResult,
} from '../../common/protocol';
import { codesAndRanges, expected, lines, LspClient, range } from './helpers/lspClient';

const FIXTURES = join(__dirname, '../fixtures/encodings');

describe('fix all', () => {
  let client: LspClient;
  let documents = 0;
  before(async () => {
    client = await LspClient.start({ settings: { subscriberCsv: {} } });
  });
  after(async () => {
    await client.stop();
  });

  const nextUri = () => `file:///work/fix-all-${++documents}.subscribers.csv`;
  const text = lines('Type,LastName,VM,MobilePhone,Language', ' User,Lee,Yes,(617) 555-0100,English', 'User,Kim,Y,,en');

  test('the server offers source.fixAll, so that editor.codeActionsOnSave can ask for it', () => {
    const provider = client.initializeResult?.capabilities.codeActionProvider;
    assert.ok(typeof provider === 'object');
    assert.deepEqual(provider.codeActionKinds, ['quickfix', 'source.fixAll', FIX_ALL_KIND]);
  });

  for (const only of [['source.fixAll'], ['source'], [FIX_ALL_KIND]]) {
    test(`only ${only[0]}: one action with every automatic fix; after it, only the quick fix that guesses is left`, async () => {
      const uri = nextUri();
      const published = await client.open(uri, 'subscriber-csv', text);
      assert.deepEqual(codesAndRanges(published.diagnostics), [
        expected('extra-spaces', 1, 0, 1, 5),
        expected('not-yes-no', 1, 10, 1, 13),
        expected('phone-punctuation', 1, 14, 1, 28),
        expected('invalid-choice', 1, 29, 1, 36),
        expected('value-case', 2, 9, 2, 10),
      ]);
      const actions = (await client.codeActions(uri, range(0, 0, 0, 0), [], only)) as CodeAction[];
      assert.deepEqual(actions, [
        {
          title: 'Fix all auto-fixable problems (4)',
          kind: FIX_ALL_KIND,
          edit: {
            changes: {
              [uri]: [
                { range: range(1, 0, 1, 5), newText: 'User' },
                { range: range(1, 10, 1, 13), newText: 'y' },
                { range: range(1, 14, 1, 28), newText: '6175550100' },
                { range: range(2, 9, 2, 10), newText: 'y' },
              ],
            },
          },
        },
      ]);
      const after = await client.applyEdits(uri, actions[0].edit?.changes?.[uri] ?? []);
      assert.deepEqual(codesAndRanges(after.diagnostics), [expected('invalid-choice', 1, 22, 1, 29)]);
      assert.equal(
        client.document(uri).getText(),
        lines('Type,LastName,VM,MobilePhone,Language', 'User,Lee,y,6175550100,English', 'User,Kim,y,,en'),
      );
      // Nothing left to fix automatically: no action at all.
      assert.deepEqual(await client.codeActions(uri, range(0, 0, 0, 0), [], only), []);
    });
  }

  test('a request for quick fixes (no `only`, or quickfix) does not compute Fix All', async () => {
    const uri = nextUri();
    const published = await client.open(uri, 'subscriber-csv', text);
    const valueCase = published.diagnostics.filter((diagnostic) => diagnostic.code === 'value-case');
    for (const only of [undefined, ['quickfix']]) {
      const actions = (await client.codeActions(uri, valueCase[0].range, valueCase, only)) as CodeAction[];
      assert.deepEqual(
        actions.map((action) => [action.kind, action.title]),
        [['quickfix', 'Change to y']],
      );
    }
  });

  test('the Fix All request answers the same edits for the version the client holds, and null for another', async () => {
    const uri = nextUri();
    await client.open(uri, 'subscriber-csv', text);
    const result = await client.request<FixAllResult | null>(FixAllRequest.method, {
      textDocument: { uri, version: 1 },
    });
    assert.equal(result?.fixed, 4);
    assert.deepEqual(result?.edits[0], { range: range(1, 0, 1, 5), newText: 'User' });
    assert.equal(await client.request(FixAllRequest.method, { textDocument: { uri, version: 2 } }), null);
    assert.equal(
      await client.request(FixAllRequest.method, { textDocument: { uri: 'file:///work/not-open.csv', version: 1 } }),
      null,
    );
  });
});

describe("the file's encoding, as the client found it on disk", () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { subscriberCsv: {} } });
  });
  after(async () => {
    await client.stop();
  });

  test('a Windows-1252 file read right gets file-encoding once, and loses it when saved as UTF-8', async () => {
    const uri = 'file:///work/windows-1252.subscribers.csv';
    const { text, encoding } = decodeFile(readFileSync(join(FIXTURES, 'windows-1252.subscribers.csv')));
    const opened = await client.open(uri, 'subscriber-csv', text);
    assert.deepEqual(codesAndRanges(opened.diagnostics), [expected('value-case', 2, 17, 2, 18)]);

    let published = client.nextDiagnostics(uri, { predicate: (params) => params.diagnostics.length === 2 });
    client.notify(FileEncodingNotification.type, { uri, encoding });
    const told = await published;
    assert.deepEqual(codesAndRanges(told.diagnostics), [
      expected('file-encoding', 0, 0, 0, 31),
      expected('value-case', 2, 17, 2, 18),
    ]);
    assert.deepEqual(told.diagnostics[0].data, { encoding: 'windows-1252' });

    published = client.nextDiagnostics(uri, { predicate: (params) => params.diagnostics.length === 1 });
    client.notify(FileEncodingNotification.type, { uri, encoding: 'utf-8' });
    assert.deepEqual(codesAndRanges((await published).diagnostics), [expected('value-case', 2, 17, 2, 18)]);
  });

  test('a UTF-16 file an editor read as UTF-8: file-encoding with wrong-encoding', async () => {
    const uri = 'file:///work/utf-16le.subscribers.csv';
    const misread = new TextDecoder('utf-8').decode(readFileSync(join(FIXTURES, 'utf-16le-bom.subscribers.csv')));
    await client.open(uri, 'subscriber-csv', misread);
    const published = client.nextDiagnostics(uri, {
      predicate: (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'file-encoding'),
    });
    client.notify(FileEncodingNotification.type, { uri, encoding: 'utf-16le' });
    assert.deepEqual(
      (await published).diagnostics.map((diagnostic) => diagnostic.code),
      ['missing-header', 'file-encoding', 'wrong-encoding'],
    );
  });

  test('what is not an encoding, or not a document, is ignored without harm', async () => {
    const uri = 'file:///work/plain.subscribers.csv';
    await client.open(uri, 'subscriber-csv', lines('Type,LastName', 'User,Lee'));
    // What a misbehaving client may send, past the types.
    const notifyAny = (params: unknown) => client.notify(FileEncodingNotification.type, params as FileEncodingParams);
    notifyAny({ uri, encoding: 'ebcdic' });
    notifyAny({ uri: 42, encoding: 'utf-16le' });
    notifyAny(null);
    // Still answering, with the same (empty) diagnostics.
    const again = await client.change(uri, { range: range(1, 8, 1, 8), text: '' });
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(client.serverErrors(), []);
  });
});
