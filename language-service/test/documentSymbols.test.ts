/**
 * The outline: the header holds the data rows, each named by person or location and extension, with exact ranges.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { ChunkedTextDocument, getLanguageService } from '@subscriber-csv/language-service';
import { findDocumentSymbols } from '../src/features/documentSymbols';
import { csv } from '../../test/unit/helpers/dedent';
import { modelOf as parsedOf, service, settingsWith } from '../../test/unit/helpers/service';
import type { SubscriberModel } from '../src/model/subscriberModel';

/** White-box: the features take the library's model, which `parse` makes behind the opaque document. */
const modelOf = (text: string) => parsedOf(text) as SubscriberModel;

const range = (startLine: number, startChar: number, endLine: number, endChar: number) => ({
  start: { line: startLine, character: startChar },
  end: { line: endLine, character: endChar },
});

/** name | detail | kind | range as `line:char-line:char`: the whole outline in one readable assertion. */
function outline(symbols: readonly DocumentSymbol[]): string[] {
  return symbols.flatMap((symbol) => [
    `${symbol.name} | ${symbol.detail} | ${symbol.kind} | ${symbol.range.start.line}:${symbol.range.start.character}-${symbol.range.end.line}:${symbol.range.end.character}`,
    ...outline(symbol.children ?? []).map((child) => `  ${child}`),
  ]);
}

const FILE = csv`
  Type,FirstName,LastName,Extension,VM
  User,Ann,Lee,101,y
  Location,,Main Lobby,150,n

  User,,"Ng, Jr.",,y
  user,Bo,"Two
  Lines",102,n
`;

describe('document symbols', () => {
  it('lists the header holding every data row, named by person or location, blank rows left out', () => {
    const symbols = service.findDocumentSymbols(modelOf(FILE), settingsWith({}, { assumeSubscriberFile: true }));
    assert.deepEqual(outline(symbols), [
      `Header | 5 columns · 4 rows | ${SymbolKind.Struct} | 0:0-6:12`,
      `  Ann Lee, ext 101 | User · row 1 | ${SymbolKind.Object} | 1:0-1:18`,
      `  Main Lobby, ext 150 | Location · row 2 | ${SymbolKind.Module} | 2:0-2:26`,
      `  Ng, Jr. | User · row 4 | ${SymbolKind.Object} | 4:0-4:18`,
      `  Bo Two Lines, ext 102 | User · row 5 | ${SymbolKind.Object} | 5:0-6:12`,
    ]);
  });

  it('selects the header row, so that sticky scroll shows that line above the rows', () => {
    const [header] = findDocumentSymbols(modelOf(FILE));
    assert.deepEqual(header.selectionRange, range(0, 0, 0, 36));
    assert.deepEqual(header.children?.[0].selectionRange, range(1, 0, 1, 18));
  });

  it('names a row without a name or a type so that it can still be found', () => {
    const [header] = findDocumentSymbols(
      modelOf(csv`
      Type,LastName,Extension
      ,,103
      Robot,Arm,
    `),
    );
    assert.deepEqual(
      header.children?.map((row) => [row.name, row.detail, row.kind]),
      [
        ['no name, ext 103', 'no type · row 1', SymbolKind.Variable],
        ['Arm', 'no type · row 2', SymbolKind.Variable],
      ],
    );
  });

  it('starts at the header when blank lines come first', () => {
    const [header] = findDocumentSymbols(modelOf('\n\nType,LastName\nUser,Lee\n'));
    assert.deepEqual(header.range, range(2, 0, 3, 8));
    assert.deepEqual(header.selectionRange, range(2, 0, 2, 13));
  });

  it('lists at most maxRows rows, then one entry that says how many are left out and spans them', () => {
    const rows = Array.from({ length: 7 }, (_, index) => `User,Person${index},${200 + index}`);
    const [header] = findDocumentSymbols(modelOf(['Type,LastName,Extension', ...rows].join('\n') + '\n'), 3);
    assert.equal(header.detail, '3 columns · 7 rows');
    assert.deepEqual(
      header.children?.map((row) => row.name),
      ['Person0, ext 200', 'Person1, ext 201', 'Person2, ext 202', '4 more rows not listed'],
    );
    const rest = header.children?.[3];
    assert.equal(rest?.kind, SymbolKind.Null);
    assert.deepEqual(rest?.range, range(4, 0, 7, 16));
    assert.match(rest?.detail ?? '', /first 3; Go to Symbol in Workspace finds any row/);
  });

  it('after edits, answers what a fresh reading of the text answers, giving unchanged rows as the same objects', () => {
    const library = getLanguageService();
    const rows = Array.from({ length: 30 }, (_, index) => `User,Ann${index},Lee,${300 + index}`);
    const text = ['Type,FirstName,LastName,Extension', ...rows].join('\n') + '\n';
    const document = new ChunkedTextDocument('file:///t.csv', 'subscriber-csv', 1, text, 64);
    const model = library.parse(document) as SubscriberModel;
    const edit = (line: number, from: number, to: number, newText: string) => {
      const version = document.version;
      const range = { start: { line, character: from }, end: { line, character: to } };
      document.update([{ range, text: newText }], version + 1);
      library.update(model, document, document.changesSince(version) ?? assert.fail('changes forgotten'));
    };
    const fresh = () => outline(findDocumentSymbols(modelOf(document.getText())));
    const before = findDocumentSymbols(model)[0].children ?? [];
    // A letter in row 5's first name: that row and the one before it (where reading starts again) are read again.
    edit(5, 9, 9, 'x');
    let after = findDocumentSymbols(model);
    assert.deepEqual(outline(after), fresh());
    assert.equal(after[0].children?.[4].name, 'Ann4x Lee, ext 304');
    for (const at of [0, 2, 5, 29]) assert.equal(after[0].children?.[at], before[at], `row ${at + 1} kept`);
    // Rows inserted above (lines and row numbers move), a row deleted, a quote opening a cell over two lines,
    // a blank line, the header renamed (names come from other columns): each time the same as a fresh reading.
    const edits: Array<[number, number, number, string]> = [
      [3, 0, 0, 'Location,,Lobby,150\nUser,Bo,Ng,151\n'],
      [10, 0, 0, '\n'],
      [12, 0, 20, ''],
      [7, 5, 5, '"Multi\nLine",'],
      [0, 5, 14, 'LastName'],
    ];
    for (const [line, from, to, newText] of edits) {
      edit(line, from, to, newText);
      after = findDocumentSymbols(model);
      assert.deepEqual(outline(after), fresh(), `after ${JSON.stringify(newText)} on line ${line}`);
    }
  });

  it('gives nothing without a header, and nothing for a CSV that is not a subscriber file', () => {
    assert.deepEqual(findDocumentSymbols(modelOf('\n\n')), []);
    assert.deepEqual(service.findDocumentSymbols(modelOf('sku,qty\nA-1,2\n'), settingsWith()), []);
  });
});
