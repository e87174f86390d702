/**
 * The column-aware requests over stdio, against the built server: document symbols, workspace symbols, semantic
 * tokens for a range (across a multi-line quoted cell and a quote inside a plain cell), inlay hints, folding ranges,
 * and the custom cell, row form and cell edit requests. A plain CSV that is not a subscriber file gets none of them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DocumentSymbolRequest,
  FoldingRangeRequest,
  InlayHintRequest,
  SemanticTokensRangeRequest,
  WorkspaceSymbolRequest,
  type DocumentSymbol,
  type FoldingRange,
  type InlayHint,
  type SemanticTokens,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { CellEditRequest, CellInfoRequest, RowFormRequest, type CellInfo, type RowForm } from '../../common/protocol';
import { SEMANTIC_TOKENS_LEGEND } from '@subscriber-csv/language-service';
import { lines, LspClient, range } from './helpers/lspClient';
import type { TextEdit } from 'vscode-languageserver-protocol';

const TEAM = lines(
  'Type,FirstName,LastName,Extension,VM,Notes',
  'User,Ann,Lee,101,y,"call ""first"",',
  'then email"',
  'User,Bo "B",Kim,102,n,',
  'Location,,Main Lobby,150,n,',
  '',
);

/** `line:char+length=type` for each token, decoded from the relative encoding. */
function decode(tokens: SemanticTokens): string[] {
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    line += tokens.data[i];
    character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
    out.push(`${line}:${character}+${tokens.data[i + 2]}=${tokens.data[i + 3]}`);
  }
  return out;
}

describe('column-aware requests', () => {
  let client: LspClient;
  const uri = 'file:///work/team.subscribers.csv';
  const plain = 'file:///work/inventory.csv';
  before(async () => {
    client = await LspClient.start({ settings: { subscriberCsv: { tenant: { callProfiles: [] } } } });
    // Served as language csv: the language another CSV extension gives the file.
    await client.open(uri, 'csv', TEAM);
    await client.open(plain, 'csv', lines('sku,qty,price', 'A-1,2,9.99', ''));
  });
  after(async () => {
    assert.deepEqual(client.serverErrors(), []);
    await client.stop();
  });

  test('advertises symbols, range-only semantic tokens with the column legend, inlay hints and folding', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.deepEqual(capabilities?.semanticTokensProvider, {
      legend: SEMANTIC_TOKENS_LEGEND,
      range: true,
      full: false,
    });
    assert.ok(capabilities?.documentSymbolProvider);
    assert.equal(capabilities?.workspaceSymbolProvider, true);
    assert.ok(capabilities?.inlayHintProvider);
    assert.equal(capabilities?.foldingRangeProvider, true);
  });

  test('documentSymbol: the header spanning the rows, each row named by person or location', async () => {
    const symbols = await client.request<DocumentSymbol[]>(DocumentSymbolRequest.method, { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    const [header] = symbols;
    assert.deepEqual(
      [header.name, header.detail, header.range, header.selectionRange],
      ['Header', '6 columns · 3 rows', range(0, 0, 4, 27), range(0, 0, 0, 42)],
    );
    assert.deepEqual(
      header.children?.map((row) => [row.name, row.detail, row.range]),
      [
        ['Ann Lee, ext 101', 'User · row 1', range(1, 0, 2, 11)],
        ['Bo "B" Kim, ext 102', 'User · row 2', range(3, 0, 3, 22)],
        ['Main Lobby, ext 150', 'Location · row 3', range(4, 0, 4, 27)],
      ],
    );
  });

  test('workspace/symbol: rows of every open file by name or extension', async () => {
    const found = await client.request<SymbolInformation[]>(WorkspaceSymbolRequest.method, { query: '150' });
    assert.deepEqual(
      found.map((symbol) => [symbol.name, symbol.location.uri, symbol.location.range]),
      [['Main Lobby, ext 150', uri, range(4, 0, 4, 27)]],
    );
  });

  test('semanticTokens/range: a quoted line break and a quote inside a cell keep every cell in its column', async () => {
    const tokens = await client.request<SemanticTokens>(SemanticTokensRangeRequest.method, {
      textDocument: { uri },
      range: range(2, 0, 4, 0),
    });
    assert.deepEqual(decode(tokens), [
      // The second line of row 1's Notes cell is still column 6; row 2's quotes are text of its FirstName.
      '2:0+11=5',
      '3:0+4=0', '3:5+6=1', '3:12+3=2', '3:16+3=3', '3:20+1=4',
      '4:0+8=0', '4:10+10=2', '4:21+3=3', '4:25+1=4',
    ]); // prettier-ignore
  });

  test('inlayHint: each cell of the rows in the range named by its column, an empty cell included', async () => {
    const hints = await client.request<InlayHint[]>(InlayHintRequest.method, {
      textDocument: { uri },
      range: range(4, 0, 4, 27),
    });
    assert.deepEqual(
      hints.map((hint) => `${hint.position.line}:${hint.position.character} ${String(hint.label)}`),
      ['4:0 Type:', '4:9 FirstName:', '4:10 LastName:', '4:21 Extension:', '4:25 VM:', '4:27 Notes:'],
    );
  });

  test('foldingRange: the rows under the header, and the row spread over two lines', async () => {
    const ranges = await client.request<FoldingRange[]>(FoldingRangeRequest.method, { textDocument: { uri } });
    assert.deepEqual(
      ranges.map((folding) => [folding.startLine, folding.endLine]),
      [
        [0, 4],
        [1, 2],
      ],
    );
  });

  test('subscriberCsv/cellInfo: the column and the row of the cursor’s cell', async () => {
    const info = await client.request<CellInfo | null>(CellInfoRequest.method, {
      textDocument: { uri },
      position: { line: 3, character: 17 },
    });
    assert.deepEqual(
      [info?.name, info?.field, info?.columns, info?.row, info?.rowLabel, info?.range],
      ['Extension', 3, 6, 2, 'Bo "B" Kim, ext 102', range(3, 16, 3, 19)],
    );
  });

  test('subscriberCsv/rowForm and cellEdit: a value in, an edit out, refused for an older version', async () => {
    const form = await client.request<RowForm | null>(RowFormRequest.method, {
      textDocument: { uri },
      position: { line: 4, character: 2 },
    });
    assert.ok(form);
    assert.deepEqual([form.row, form.label, form.version], [3, 'Main Lobby, ext 150', 1]);
    const vm = form.fields[4];
    assert.deepEqual(
      [vm.name, vm.value, vm.closed, vm.choices.map((choice) => choice.value)],
      ['VM', 'n', true, ['y', 'n']],
    );

    const params = { textDocument: { uri, version: form.version }, row: form.row, field: 5, value: 'front, desk' };
    const edit = await client.request<TextEdit | null>(CellEditRequest.method, params);
    assert.deepEqual(edit, { range: range(4, 27, 4, 27), newText: '"front, desk"' });
    await client.applyEdits(uri, [edit!]);
    assert.equal(client.document(uri).getText().split('\n')[4], 'Location,,Main Lobby,150,n,"front, desk"');
    assert.equal(await client.request(CellEditRequest.method, params), null, 'version 1 is gone');
  });

  test('a CSV that is not a subscriber file gets no symbols, tokens, hints, folding, cell or form', async () => {
    const textDocument = { uri: plain };
    const position = { line: 1, character: 1 };
    assert.deepEqual(await client.request(DocumentSymbolRequest.method, { textDocument }), []);
    assert.deepEqual(
      await client.request(SemanticTokensRangeRequest.method, { textDocument, range: range(0, 0, 2, 0) }),
      { data: [] },
    );
    assert.deepEqual(await client.request(InlayHintRequest.method, { textDocument, range: range(0, 0, 2, 0) }), []);
    assert.deepEqual(await client.request(FoldingRangeRequest.method, { textDocument }), []);
    assert.equal(await client.request(CellInfoRequest.method, { textDocument, position }), null);
    assert.equal(await client.request(RowFormRequest.method, { textDocument, position }), null);
  });

  test('a document the server does not have gets empty answers, not errors', async () => {
    const textDocument = { uri: 'file:///work/never-opened.csv' };
    assert.deepEqual(await client.request(DocumentSymbolRequest.method, { textDocument }), []);
    assert.equal(
      await client.request(CellInfoRequest.method, { textDocument, position: { line: 0, character: 0 } }),
      null,
    );
  });

  test('documentSymbol after edits (rows kept between answers): what a fresh document of the same text gets', async () => {
    const edited = 'file:///work/outline.subscribers.csv';
    const ask = (uri: string) =>
      client.request<DocumentSymbol[]>(DocumentSymbolRequest.method, { textDocument: { uri } });
    await client.open(
      edited,
      'csv',
      lines('Type,FirstName,LastName,Extension', 'User,Ann,Lee,101', 'User,Bo,Kim,102', 'User,Cy,Ng,103', ''),
    );
    await ask(edited);
    // A name changed, then a row put above them all: every row after it moves down a line and a row number.
    await client.change(edited, { range: range(2, 5, 2, 7), text: 'Bob' });
    await ask(edited);
    await client.change(edited, { range: range(1, 0, 1, 0), text: 'Location,,Lobby,150\n' });
    const outline = await ask(edited);
    assert.deepEqual(
      outline[0].children?.map((row) => [row.name, row.detail, row.range]),
      [
        ['Lobby, ext 150', 'Location · row 1', range(1, 0, 1, 19)],
        ['Ann Lee, ext 101', 'User · row 2', range(2, 0, 2, 16)],
        ['Bob Kim, ext 102', 'User · row 3', range(3, 0, 3, 16)],
        ['Cy Ng, ext 103', 'User · row 4', range(4, 0, 4, 14)],
      ],
    );
    const fresh = 'file:///work/outline-fresh.subscribers.csv';
    await client.open(fresh, 'csv', client.document(edited).getText());
    assert.deepEqual(outline, await ask(fresh));
  });
});
