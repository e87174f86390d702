// A newcomer's start inside the editor: New Subscriber File writes a header and example rows the server finds
// clean, and the row snippets are offered in a subscriber file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { completionItems, labelOf, replaceRange, waitForDiagnostics } from './helpers';

const HEADER_START = 'Type,FirstName,LastName,Email,HomePhone,MobilePhone,Extension,';

async function closeWithoutSaving(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('getting started', () => {
  let document: vscode.TextDocument | undefined;

  after(async () => {
    if (document && !document.isClosed) await closeWithoutSaving(document);
  });

  it('New Subscriber File opens the 32-column header with a User and a Location row, which check clean', async () => {
    document = await vscode.commands.executeCommand<vscode.TextDocument>('subscriberCsv.newSubscriberFile', {
      columns: 'all',
    });
    assert.ok(document, 'the command returns the new document');
    assert.strictEqual(document.languageId, 'subscriber-csv');
    assert.ok(document.isUntitled, 'a new, unsaved file');
    const lines = document.getText().split('\n');
    assert.ok(lines[0].startsWith(HEADER_START), lines[0]);
    assert.strictEqual(lines[0].split(',').length, 32);
    assert.match(lines[1], /^User,Dana,Reyes,/);
    assert.match(lines[2], /^Location,,Front Desk,/);
    // The server has looked once it reports a mistake put into the User row; then that is its only finding.
    const userRow = document.lineAt(1).range;
    await replaceRange(document, new vscode.Range(userRow.start, userRow.start.translate(0, 4)), 'Usr');
    const found = await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0);
    assert.deepStrictEqual(
      found.map((d) => d.range.start.line),
      found.map(() => 1),
    );
  });

  it('offers the user-row and location-row snippets at the start of a line', async () => {
    assert.ok(document, 'the new file of the test above');
    const last = new vscode.Position(document.lineCount - 1, 0);
    const items = await completionItems(document.uri, last);
    const snippet = (label: string) => items.find((item) => labelOf(item) === label);
    for (const [label, start] of [
      ['user-row', 'User,${1:Dana},${2:Reyes},${3:dana.reyes@example.com},'],
      ['location-row', 'Location,,${1:Front Desk},'],
    ]) {
      const item = snippet(label);
      assert.ok(item, `${label} among ${JSON.stringify(items.map(labelOf))}`);
      assert.strictEqual(item.kind, vscode.CompletionItemKind.Snippet);
      const body = item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText);
      assert.ok(body.startsWith(start), body);
    }
  });
});
