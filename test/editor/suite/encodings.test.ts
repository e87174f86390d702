// Files as Excel saves them, opened in a real VS Code. A Windows-1252 file opens as UTF-8 (U+FFFD where "ü" was):
// its diagnostics offer "Reopen with Windows-1252", which puts the right letters back, and saving stores UTF-8. A
// UTF-16 file opens right (VS Code reads its byte order mark) and is reported once; "Save as UTF-8" rewrites it,
// and the editor goes on saving it as UTF-8.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { EncodingCommandResult } from '../../../client/src/encoding/encodingActions';
import { codeOf, fixtureUri, hasCode, lacksCode, openFixture, waitForDiagnostics } from './helpers';

/** The fixtures' rows (test/fixtures/encodings): one mistake, Privacy "Y", so that the content is seen checked. */
const TEXT = 'Type,FirstName,LastName,Privacy\nUser,Jürgen,Müller,y\nUser,Zoë,O’Brien,Y\n';

/** Windows-1252 by hand: ’ is 0x92, the other letters are Latin-1. */
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((character) => (character === '’' ? 0x92 : character.charCodeAt(0))));
}

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** The quick fix titled `title` on the first diagnostic with `code`, as the light bulb lists them. */
async function quickFix(document: vscode.TextDocument, code: string, title: string): Promise<vscode.CodeAction> {
  const diagnostic = (await waitForDiagnostics(document.uri, hasCode(code))).find((d) => codeOf(d) === code);
  assert.ok(diagnostic);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action?.command, `"${title}" on ${code}; got ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

async function run(action: vscode.CodeAction): Promise<EncodingCommandResult> {
  const command = action.command as vscode.Command;
  return vscode.commands.executeCommand<EncodingCommandResult>(command.command, ...(command.arguments ?? []));
}

describe('encodings', () => {
  const written: string[] = [];
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of written) fs.rmSync(fixtureUri(name).fsPath, { force: true });
  });

  it('Windows-1252 read as UTF-8: "Reopen with Windows-1252" puts the letters back, and saving stores UTF-8', async () => {
    const name = 'excel-windows.subscribers.csv';
    written.push(name);
    fs.writeFileSync(fixtureUri(name).fsPath, windows1252(TEXT));
    const document = await openFixture(name);
    assert.match(document.getText(), /M\ufffdller/, 'VS Code read the file as UTF-8');
    await waitForDiagnostics(document.uri, (d) => hasCode('file-encoding')(d) && hasCode('replacement-character')(d));

    const action = await quickFix(document, 'replacement-character', 'Reopen with Windows-1252');
    assert.deepStrictEqual(await run(action), { status: 'reopened', encoding: 'windows-1252' });
    assert.strictEqual(document.getText(), TEXT);
    const reopened = await waitForDiagnostics(document.uri, lacksCode('replacement-character'));
    assert.deepStrictEqual(reopened.map(codeOf).sort(), ['file-encoding', 'value-case'], 'the file is still 1252');

    assert.ok(await document.save());
    assert.ok(fs.readFileSync(document.uri.fsPath).equals(Buffer.from(TEXT, 'utf8')), 'saved as UTF-8');
    const saved = await waitForDiagnostics(document.uri, lacksCode('file-encoding'));
    assert.deepStrictEqual(saved.map(codeOf), ['value-case']);
  });

  it('UTF-16 read right: file-encoding once, "Save as UTF-8" rewrites it, and later saves stay UTF-8', async () => {
    const name = 'excel-unicode.subscribers.csv';
    written.push(name);
    fs.writeFileSync(fixtureUri(name).fsPath, utf16le(TEXT));
    const document = await openFixture(name);
    assert.strictEqual(document.getText(), TEXT, 'VS Code read the byte order mark');
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('file-encoding'));
    assert.deepStrictEqual(diagnostics.map(codeOf).sort(), ['file-encoding', 'value-case']);
    assert.match(diagnostics.find((d) => codeOf(d) === 'file-encoding')?.message ?? '', /saved as UTF-16 LE/);

    const action = await quickFix(document, 'file-encoding', 'Save as UTF-8');
    assert.deepStrictEqual(await run(action), { status: 'saved' });
    assert.ok(fs.readFileSync(document.uri.fsPath).equals(Buffer.from(TEXT, 'utf8')), 'written as UTF-8, no mark');
    assert.strictEqual(document.getText(), TEXT);
    await waitForDiagnostics(document.uri, lacksCode('file-encoding'));

    // The editor now holds the file as UTF-8: an ordinary save keeps it so.
    const at = document.getText().indexOf(',Y\n');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(at + 1), document.positionAt(at + 2)), 'y');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    assert.ok(
      fs.readFileSync(document.uri.fsPath).equals(Buffer.from(TEXT.replace(',Y\n', ',y\n'), 'utf8')),
      'a later save writes UTF-8 too',
    );
  });
});
