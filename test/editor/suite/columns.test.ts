// The column-aware features as the editor gets them: the outline, colours, column-name hints, folding, Go to
// Column and the row form panel, on a file with a quoted line break and a quote inside a plain cell. Served as
// language csv (what CSV extensions give a .csv file) and after opting in to subscriber-csv.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, setSetting, waitForDiagnostics } from './helpers';

const FILE = 'columns.subscribers.csv';

/** `line:char+length=type` for each token of a semantic tokens answer. */
function decode(tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend): string[] {
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    line += tokens.data[i];
    character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
    out.push(`${line}:${character}+${tokens.data[i + 2]}=${legend.tokenTypes[tokens.data[i + 3]]}`);
  }
  return out;
}

async function editorOf(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
}

function moveTo(editor: vscode.TextEditor, line: number, character: number): void {
  const position = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(position, position);
}

async function hintLabels(document: vscode.TextDocument): Promise<string[]> {
  const end = document.lineAt(document.lineCount - 1).range.end;
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
    'vscode.executeInlayHintProvider',
    document.uri,
    new vscode.Range(new vscode.Position(0, 0), end),
  );
  return hints.map((hint) => `${hint.position.line}:${hint.position.character} ${String(hint.label)}`);
}

/** The row form panel's tab, if it is open. */
function formTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('subscriberCsv.rowForm'));
}

/** Resolves when the form panel's tab has `label`; fails with the label it has after `timeoutMs`. */
function formTabLabelled(label: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (formTab()?.label !== label) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
      return true;
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => check());
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the form tab is labelled ${JSON.stringify(formTab()?.label)}, not ${JSON.stringify(label)}`));
    }, timeoutMs);
    check();
  });
}

describe('column features', () => {
  let document: vscode.TextDocument;
  before(async () => {
    document = await openFixture(FILE);
    // Once diagnostics are there, the server has the document and knows it is a subscriber file.
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0);
  });
  afterEach(async () => {
    await setSetting('inlayHints.columnNames', undefined);
  });

  it('opens a .subscribers.csv file as language csv, served in full', () => {
    assert.strictEqual(document.languageId, 'csv');
  });

  it('lists the rows in the outline under the header, named by person or location', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    assert.deepStrictEqual(
      symbols.map((symbol) => [
        symbol.name,
        symbol.range.start.line,
        symbol.range.end.line,
        symbol.selectionRange.end.line,
      ]),
      [['Header', 0, 4, 0]],
    );
    assert.deepStrictEqual(
      symbols[0].children.map((row) => [row.name, row.detail, row.range.start.line, row.range.end.line]),
      [
        ['Ann Lee, ext 101', 'User · row 1', 1, 2],
        ['Bo "B" Kim, ext 102', 'User · row 2', 3, 3],
        ['Main Lobby, ext 150', 'Location · row 3', 4, 4],
      ],
    );
  });

  it('colours each cell by its column across a quoted line break and a quote inside a cell', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
      'vscode.provideDocumentRangeSemanticTokensLegend',
      document.uri,
    );
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>(
      'vscode.provideDocumentRangeSemanticTokens',
      document.uri,
      new vscode.Range(2, 0, 3, 30),
    );
    assert.deepStrictEqual(decode(tokens, legend), [
      '2:0+11=subscriberColumn6',
      '3:0+4=subscriberColumn1',
      '3:5+6=subscriberColumn2',
      '3:12+3=subscriberColumn3',
      '3:16+3=subscriberColumn4',
      '3:20+1=subscriberColumn5',
    ]);
  });

  it('names the columns of the cursor’s row in inlay hints, of every row or none as the setting says', async () => {
    const editor = await editorOf(document);
    moveTo(editor, 3, 2);
    assert.deepStrictEqual(await hintLabels(document), [
      '3:0 Type:',
      '3:5 FirstName:',
      '3:12 LastName:',
      '3:16 Extension:',
      '3:20 VM:',
      '3:22 Notes:',
    ]);
    await setSetting('inlayHints.columnNames', 'allVisibleRows');
    const all = await hintLabels(document);
    assert.deepStrictEqual(
      [all.length, all.filter((hint) => hint.startsWith('4:')).join(', ')],
      [17, '4:0 Type:, 4:9 FirstName:, 4:10 LastName:, 4:21 Extension:, 4:25 VM:'],
    );
    await setSetting('inlayHints.columnNames', 'off');
    assert.deepStrictEqual(await hintLabels(document), []);
  });

  it('folds the rows under the header and the row spread over two lines', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      document.uri,
    );
    assert.deepStrictEqual(
      ranges.map((range) => [range.start, range.end]),
      [
        [0, 4],
        [1, 2],
      ],
    );
  });

  it('Go to Column moves the cursor to the column’s cell in the same row', async () => {
    const editor = await editorOf(document);
    moveTo(editor, 3, 1);
    await vscode.commands.executeCommand('subscriberCsv.goToColumn', 'Extension');
    assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [3, 16]);
    await vscode.commands.executeCommand('subscriberCsv.goToColumn', 'notes');
    assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [3, 22]);
  });

  it('Go to Column creates nothing where the row has no cell for the column', async () => {
    const editor = await editorOf(document);
    const version = document.version;
    moveTo(editor, 4, 3);
    await vscode.commands.executeCommand('subscriberCsv.goToColumn', 'Notes');
    await vscode.commands.executeCommand('subscriberCsv.goToColumn', 'Email');
    assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [4, 3]);
    assert.strictEqual(document.version, version);
    assert.strictEqual(document.isDirty, false);
  });

  it('opens the row form beside the editor, and it follows the cursor to another row', async () => {
    const editor = await editorOf(document);
    moveTo(editor, 1, 6);
    await vscode.commands.executeCommand('subscriberCsv.editRowAsForm');
    await formTabLabelled('Row 1 · Ann Lee, ext 101');
    const group = vscode.window.tabGroups.all.find((candidate) => candidate.tabs.includes(formTab()!));
    assert.notStrictEqual(group?.viewColumn, editor.viewColumn, 'beside the editor');
    moveTo(editor, 4, 0);
    await formTabLabelled('Row 3 · Main Lobby, ext 150');
    moveTo(editor, 0, 0);
    await formTabLabelled(`Header · ${FILE}`);
    await vscode.window.tabGroups.close(formTab()!);
  });

  it('keeps every feature after opting in to the subscriber-csv language', async () => {
    const opened = await openFixture('own-language.subscribers.csv');
    await vscode.commands.executeCommand('subscriberCsv.useSubscriberLanguage');
    const switched = vscode.workspace.textDocuments.find(
      (candidate) => candidate.uri.toString() === opened.uri.toString() && !candidate.isClosed,
    );
    assert.strictEqual(switched?.languageId, 'subscriber-csv');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      opened.uri,
    );
    assert.deepStrictEqual(
      symbols[0]?.children.map((row) => row.name),
      ['Ann Lee, ext 101'],
    );
  });
});
