/**
 * Unrelated CSV files are left alone, over the protocol: a plain `.csv` whose header shares one or two names with
 * the import (`Name,Email,Phone`, `key,type,value`, `id,name,email,created_at`) gets no diagnostics, hovers,
 * completions, symbols, tokens, hints, folding, cell info or row form. A header that is plainly a subscriber
 * header, a `*.subscribers.csv` name and the `subscriber-csv` language each make a file served.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompletionItemKind, type Position } from 'vscode-languageserver-types';
import { CellInfoRequest, RowFormRequest } from '../../common/protocol';
import { codesAndRanges, completionItems, expected, lines, LspClient, range } from './helpers/lspClient';

const UNRELATED: Readonly<Record<string, string>> = {
  'contacts.csv': lines('Name,Email,Phone', 'Ann Lee,ann@example,(617) 555-0100', 'Bo,,x', ''),
  'settings.csv': lines('key,type,value', 'timeout,int,30', 'theme,Str,dark', ''),
  'users.csv': lines('id,name,email,created_at', '1,Ann,ann@example.com,2024-01-01', '2,,not-an-email,', ''),
};

/** Every position of every cell in the first two lines, and one past the end of each. */
function positionsOf(text: string): Position[] {
  const positions: Position[] = [];
  text
    .split('\n')
    .slice(0, 2)
    .forEach((line, number) => {
      for (let character = 0; character <= line.length; character++) positions.push({ line: number, character });
    });
  return positions;
}

describe('unrelated CSV files', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { subscriberCsv: {} } });
  });
  after(async () => {
    await client.stop();
  });

  for (const [name, text] of Object.entries(UNRELATED)) {
    test(`${name} gets no diagnostics, hovers, completions, symbols, tokens, hints or folding`, async () => {
      const uri = `file:///work/${name}`;
      const published = await client.open(uri, 'csv', text);
      assert.deepEqual(published.diagnostics, []);
      for (const position of positionsOf(text)) {
        assert.equal(await client.hover(uri, position), null, `hover at ${JSON.stringify(position)}`);
        assert.deepEqual(
          completionItems(await client.completion(uri, position)),
          [],
          `completion at ${position.line}:${position.character}`,
        );
        assert.equal(await client.request(CellInfoRequest.type.method, { textDocument: { uri }, position }), null);
        assert.equal(await client.request(RowFormRequest.type.method, { textDocument: { uri }, position }), null);
      }
      const whole = { textDocument: { uri }, range: range(0, 0, 3, 0) };
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepEqual(await client.request('textDocument/semanticTokens/range', whole), { data: [] });
      assert.deepEqual(await client.request('textDocument/inlayHint', whole), []);
      assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
      assert.deepEqual(await client.request('workspace/symbol', { query: 'Ann' }), []);
      await client.close(uri);
    });
  }

  test('the same text is served when the file is said to be a subscriber file', async () => {
    const text = UNRELATED['contacts.csv'];
    const byName = await client.open('file:///work/contacts.subscribers.csv', 'csv', text);
    const byLanguage = await client.open('file:///work/contacts-2.csv', 'subscriber-csv', text);
    for (const published of [byName, byLanguage]) {
      assert.deepEqual(codesAndRanges(published.diagnostics), [
        expected('unknown-column', 0, 0, 0, 4),
        expected('missing-column', 0, 0, 0, 16),
        expected('missing-column', 0, 0, 0, 16),
        expected('unknown-column', 0, 11, 0, 16),
        expected('invalid-email', 1, 8, 1, 19),
      ]);
    }
  });

  test('a plain csv whose header is plainly a subscriber header is served', async () => {
    const both = await client.open('file:///work/team.csv', 'csv', lines('Type,LastName', 'user,Lee', ''));
    assert.deepEqual(codesAndRanges(both.diagnostics), [expected('value-case', 1, 0, 1, 4)]);
    const three = await client.open(
      'file:///work/team-2.csv',
      'csv',
      lines('FirstName,LastName,Email', 'Ann,Lee,x', ''),
    );
    assert.deepEqual(codesAndRanges(three.diagnostics), [
      expected('missing-column', 0, 0, 0, 24),
      expected('invalid-email', 1, 8, 1, 9),
    ]);
    const two = await client.open('file:///work/names.csv', 'csv', lines('FirstName,LastName', 'Ann,Lee', ''));
    assert.deepEqual(two.diagnostics, []);
  });

  test('an ID cell with no tenant list gets one item, so the editor does not offer words from the file', async () => {
    const uri = 'file:///work/ids.subscribers.csv';
    await client.open(uri, 'csv', lines('Type,LastName,CallProfile', 'User,Lee,', 'User,Kim,'));
    const items = completionItems(await client.completion(uri, { line: 1, character: 9 }));
    assert.deepEqual(
      items.map(({ label, kind }) => ({ label, kind })),
      [{ label: 'No call permission group IDs known', kind: CompletionItemKind.Text }],
    );
  });
});
