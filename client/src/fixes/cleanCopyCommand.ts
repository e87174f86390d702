/**
 * `subscriberCsv.saveCleanCopy`, "Save Clean Copy for the Import Page": for a tenant whose only way in is the
 * vendor's "Subscriber Import" web page. Writes the file as the editor shows it, with every automatic fix applied,
 * as UTF-8, beside the original (`team.csv` → `team.clean.csv`, the CLI's `fix` names it the same). The original is
 * never written; a copy that exists already is replaced only when the user says so.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { cleanCopyName } from '../../../common/cleanCopy';
import { errorText, fileNameOf } from '../documentCheck';
import { documentOf } from './fixAllCommand';
import { requestFixAll } from './requestFixAll';

export type CleanCopyResult =
  { status: 'saved'; uri: string; fixed: number } | { status: 'declined' } | { status: 'failed'; message: string };

export interface CleanCopyOptions {
  /** Replace a copy that exists without asking: taken from the extension's own tests only. */
  replace?: boolean;
}

export async function saveCleanCopyCommand(
  client: LanguageClient,
  log: vscode.LogOutputChannel,
  inTests: boolean,
  argument?: unknown,
  options: CleanCopyOptions = {},
): Promise<CleanCopyResult> {
  const document = await documentOf(argument);
  if (!document) return failed('Open a subscriber CSV file to save a clean copy of it.');
  const name = fileNameOf(document);
  const fixes = await requestFixAll(client, document, log);
  if (!fixes) return failed(`${name} could not be checked by the subscriber CSV server; no copy was saved.`);
  const text = applied(document, fixes.edits);
  const target = await targetOf(document);
  if (!target) return { status: 'declined' };
  if (target.toString() === document.uri.toString()) {
    return failed('The clean copy would replace the original: pick another name.');
  }
  if ((await exists(target)) && !(options.replace === true && inTests) && !(await confirmReplace(target, log))) {
    return { status: 'declined' };
  }
  try {
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  } catch (error) {
    return failed(`Could not save ${baseName(target)}: ${errorText(error)}`);
  }
  const fixed =
    fixes.fixed === 0 ? 'nothing to fix automatically' : `${fixes.fixed} problem${fixes.fixed === 1 ? '' : 's'} fixed`;
  log.info(`Saved a clean copy of ${name} as ${baseName(target)}: UTF-8, ${fixed}.`);
  void vscode.window
    .showInformationMessage(
      `Saved ${baseName(target)} for the import page: UTF-8, ${fixed}. ${name} is unchanged. ` +
        'Open the copy to see what is left for you.',
      'Open',
    )
    .then((choice) => (choice === 'Open' ? vscode.window.showTextDocument(target) : undefined));
  return { status: 'saved', uri: target.toString(), fixed: fixes.fixed };
}

/** The document's text with the edits applied (they never overlap). */
function applied(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
  const text = document.getText();
  const sorted = edits
    .map((edit) => ({
      start: document.offsetAt(edit.range.start),
      end: document.offsetAt(edit.range.end),
      newText: edit.newText,
    }))
    .sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}

/** Beside a saved file; for a file never saved, where the user picks. */
async function targetOf(document: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  if (document.uri.scheme !== 'untitled') {
    return vscode.Uri.joinPath(document.uri, '..', cleanCopyName(baseName(document.uri)));
  }
  return vscode.window.showSaveDialog({
    filters: { 'CSV files': ['csv'] },
    saveLabel: 'Save Clean Copy',
    title: 'Save a clean copy for the import page',
  });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The modal question; a workbench that refuses dialogs (extension tests) counts as a No. */
async function confirmReplace(target: vscode.Uri, log: vscode.LogOutputChannel): Promise<boolean> {
  try {
    const answer = await vscode.window.showWarningMessage(
      `${baseName(target)} exists already. Replace it with a new clean copy?`,
      { modal: true },
      'Replace',
    );
    return answer === 'Replace';
  } catch (error) {
    log.warn(`The question could not be shown: ${errorText(error)}`);
    return false;
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.path;
}

function failed(message: string): CleanCopyResult {
  void vscode.window.showWarningMessage(message);
  return { status: 'failed', message };
}
