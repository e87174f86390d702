// A diagnostic's code links to its entry in the catalog the extension ships (docs/diagnostics.md): the link is a
// file the editor opens, at the line of the code's heading, the way the hover, the error peek and the Problems panel
// open it (the opener, which `vscode.open` calls with a URI).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, openFixture, waitForDiagnostics } from './helpers';

/** Resolves once the active editor shows `uri`'s path, checking the current one first. */
function activeEditorOn(path: string, timeoutMs = 10_000): Promise<vscode.TextEditor> {
  return new Promise((resolve, reject) => {
    const done = (editor: vscode.TextEditor | undefined) => {
      if (!editor || editor.document.uri.path !== path) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(editor);
      return true;
    };
    const subscription = vscode.window.onDidChangeActiveTextEditor(done);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for an editor on ${path}`));
    }, timeoutMs);
    done(vscode.window.activeTextEditor);
  });
}

describe('diagnostic links', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('open the shipped catalog at the code’s own entry', async () => {
    const document = await openFixture('team.subscribers.csv');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length >= 10);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    const catalog = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'diagnostics.md');
    for (const code of ['misspelt-column', 'blank-row']) {
      const diagnostic = diagnostics.find((d) => codeOf(d) === code);
      const link = diagnostic?.code;
      assert.ok(link && typeof link === 'object', `${code} has a link`);
      assert.strictEqual(
        link.target.with({ fragment: '' }).toString(),
        catalog.toString(),
        `${code} links the catalog`,
      );
      await vscode.commands.executeCommand('vscode.open', link.target);
      const editor = await activeEditorOn(catalog.path);
      const line = editor.selection.active.line;
      assert.strictEqual(editor.document.lineAt(line).text, `## ${code}`, `${code} opens at its heading`);
    }
  });
});
