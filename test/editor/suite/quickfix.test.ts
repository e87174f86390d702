// Every quick fix the team file offers, applied the way the light bulb applies it, makes its diagnostic go away.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, hasCode, lacksCode, openFixture, ourDiagnostics, setText, waitForDiagnostics } from './helpers';

/**
 * The fix titled `title` among those offered on the range of the first diagnostic with `code`, as the light bulb
 * lists them. (The command's results do not carry `diagnostics`, hence the match by range and title.)
 */
async function quickFix(document: vscode.TextDocument, code: string, title: string): Promise<vscode.CodeAction> {
  const diagnostic = (await waitForDiagnostics(document.uri, hasCode(code))).find((d) => codeOf(d) === code);
  assert.ok(diagnostic);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `a quick fix "${title}" for ${code}; got ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

async function applyFix(document: vscode.TextDocument, code: string, title: string): Promise<vscode.Diagnostic[]> {
  const before = ourDiagnostics(document.uri).length;
  const action = await quickFix(document, code, title);
  assert.ok(action.edit, 'the fix carries its edit');
  assert.ok(await vscode.workspace.applyEdit(action.edit), 'edit applied');
  const after = await waitForDiagnostics(document.uri, lacksCode(code));
  assert.strictEqual(after.length, before - 1, 'the fix removes one problem and adds none');
  return after;
}

describe('quick fixes', () => {
  let document: vscode.TextDocument;
  let original: string;
  before(async () => {
    document = await openFixture('team.subscribers.csv');
    original = document.getText();
  });
  after(async () => {
    await setText(document, original);
  });

  const cases: [code: string, title: string, line: number, expectedLine: RegExp][] = [
    ['misspelt-column', 'Rename the column to Extension', 0, /,MobilePhone,Extension,Language,/],
    ['phone-punctuation', 'Keep only the digits: 6175550101', 1, /,ann\.lee@example\.com,6175550101,101,/],
    ['not-yes-no', 'Change to y', 1, /^User,Ann,Lee,.*,n,y,both,/],
    ['extra-spaces', 'Remove the spaces around the value', 2, /,bruno\.muller@example\.com,6175550102,/],
    ['value-case', 'Change to y', 2, /,en,y,y,both,/],
    ['extra-empty-cells', 'Remove the empty extra cells', 5, /^Location,.*,-1,,n$/],
    // Last: deleting the row moves the lines below it up.
    ['blank-row', 'Delete the empty row', 4, /^Location,,Main Lobby,/],
  ];
  for (const [code, title, line, expectedLine] of cases) {
    it(`${code}: "${title}"`, async () => {
      await applyFix(document, code, title);
      assert.match(document.lineAt(line).text, expectedLine);
    });
  }

  it('missing-column: "Add the LastName column" adds the header cell and an empty cell on each row', async () => {
    const scratch = await vscode.workspace.openTextDocument({
      language: 'subscriber-csv',
      content: 'Type,FirstName\nUser,Ann\nLocation,\n',
    });
    await vscode.window.showTextDocument(scratch);
    try {
      const action = await quickFix(scratch, 'missing-column', 'Add the LastName column');
      assert.ok(action.edit && (await vscode.workspace.applyEdit(action.edit)));
      await waitForDiagnostics(scratch.uri, lacksCode('missing-column'));
      assert.strictEqual(scratch.getText(), 'Type,FirstName,LastName\nUser,Ann,\nLocation,,\n');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
