/**
 * `subscriberCsv.fixAll`, "Fix All Auto-fixable Problems": every automatic fix of the file (the rules library's Fix
 * All, through the server), applied as one workspace edit, so that one Undo takes it all back. The same fixes run
 * on save when `editor.codeActionsOnSave` asks for `source.fixAll`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { fileNameOf } from '../documentCheck';
import { requestFixAll } from './requestFixAll';

/** What the command did, for its callers (tests, other extensions). */
export type FixAllCommandResult =
  | { status: 'fixed'; fixed: number; version: number }
  | { status: 'nothingToFix' }
  | { status: 'failed'; message: string };

export async function fixAllCommand(
  client: LanguageClient,
  log: vscode.LogOutputChannel,
  argument?: unknown,
): Promise<FixAllCommandResult> {
  const document = await documentOf(argument);
  if (!document) return failed('Open a subscriber CSV file to fix it.');
  const fixes = await requestFixAll(client, document, log);
  if (!fixes)
    return failed(`${fileNameOf(document)} could not be checked by the subscriber CSV server; nothing was changed.`);
  if (fixes.edits.length === 0) {
    void vscode.window.showInformationMessage(
      `${fileNameOf(document)} has no problem that can be fixed automatically.`,
    );
    return { status: 'nothingToFix' };
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, fixes.edits);
  // The edits are for the version they were made for: a keystroke since would put them in the wrong places.
  if (document.version !== fixes.version || !(await vscode.workspace.applyEdit(edit))) {
    return failed(`${fileNameOf(document)} changed while its fixes were being made; run Fix All again.`);
  }
  const problems = `${fixes.fixed} problem${fixes.fixed === 1 ? '' : 's'}`;
  log.info(`Fix All: ${problems} fixed in ${fileNameOf(document)}.`);
  void vscode.window.showInformationMessage(`Fixed ${problems} in ${fileNameOf(document)}. Undo takes them all back.`);
  return { status: 'fixed', fixed: fixes.fixed, version: document.version };
}

/** The document a command is for: a Uri (from a menu or a test), or the active editor's. */
export async function documentOf(argument: unknown): Promise<vscode.TextDocument | undefined> {
  const uri =
    argument instanceof vscode.Uri
      ? argument
      : typeof argument === 'string'
        ? vscode.Uri.parse(argument)
        : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}

function failed(message: string): FixAllCommandResult {
  void vscode.window.showWarningMessage(message);
  return { status: 'failed', message };
}
