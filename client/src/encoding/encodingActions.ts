/**
 * One click from a file in another encoding to a file in UTF-8.
 *
 * VS Code 1.82 gives extensions no way to reopen a document with another encoding (its own "Reopen with Encoding",
 * `workbench.action.editor.changeEncoding`, only opens a picker, and `openTextDocument` takes an encoding only from
 * 1.100 on), so both commands work on the file's bytes:
 * - "Reopen with Windows-1252" (or UTF-16), for a file the editor read as UTF-8 (U+FFFD where "ü" was, or a NUL after
 *   every letter): the bytes are read again in their own encoding and put in place of the misread text, as one edit
 *   (Undo takes it back). Saving then writes UTF-8.
 * - "Save as UTF-8", for a file the editor read right but that is saved in another encoding: the text is written to
 *   the file as UTF-8 and the editor reads it again.
 */
import * as vscode from 'vscode';
import {
  DIAGNOSTIC_SOURCE,
  FILE_ENCODING_INFO,
  isFileEncoding,
  type FileEncoding,
} from '@subscriber-csv/language-service';
import { createDecoding } from '../../../common/fileEncoding';
import { errorText, fileNameOf } from '../documentCheck';
import { documentOf } from '../fixes/fixAllCommand';
import type { FileEncodings } from './fileEncodings';

export const REOPEN_COMMAND = 'subscriberCsv.reopenWithEncoding';
export const SAVE_AS_UTF8_COMMAND = 'subscriberCsv.saveAsUtf8';

/** The codes that show the editor read the file with the wrong encoding. */
const MISREAD_CODES: ReadonlySet<unknown> = new Set(['replacement-character', 'nul-character', 'wrong-encoding']);

export class EncodingActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly encodings: FileEncodings) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const saved = this.encodings.get(document.uri)?.encoding;
    if (!saved || saved === 'utf-8') return [];
    const ours = context.diagnostics.filter(
      (diagnostic) =>
        diagnostic.source === DIAGNOSTIC_SOURCE &&
        (MISREAD_CODES.has(codeOf(diagnostic)) || codeOf(diagnostic) === 'file-encoding'),
    );
    if (ours.length === 0) return [];
    const label = FILE_ENCODING_INFO[saved].label;
    const action = misread(document)
      ? new vscode.CodeAction(`Reopen with ${label}`, vscode.CodeActionKind.QuickFix)
      : new vscode.CodeAction('Save as UTF-8', vscode.CodeActionKind.QuickFix);
    action.command = misread(document)
      ? { title: action.title, command: REOPEN_COMMAND, arguments: [document.uri, saved] }
      : { title: action.title, command: SAVE_AS_UTF8_COMMAND, arguments: [document.uri] };
    action.diagnostics = ours;
    action.isPreferred = true;
    return [action];
  }
}

/** True when the editor shows the file misread: the server reports the characters a wrong encoding leaves. */
function misread(document: vscode.TextDocument): boolean {
  return vscode.languages
    .getDiagnostics(document.uri)
    .some((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && MISREAD_CODES.has(codeOf(diagnostic)));
}

/** A diagnostic's code: the language client gives `{ value, target }` when the code links to the catalog. */
function codeOf(diagnostic: vscode.Diagnostic): unknown {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? code.value : code;
}

export type EncodingCommandResult =
  | { status: 'reopened'; encoding: FileEncoding }
  | { status: 'saved' }
  | { status: 'declined' }
  | { status: 'failed'; message: string };

/** `subscriberCsv.reopenWithEncoding [uri, encoding]`: the file's bytes in place of the misread text. */
export async function reopenWithEncoding(
  encodings: FileEncodings,
  uriArgument?: unknown,
  encodingArgument?: unknown,
): Promise<EncodingCommandResult> {
  const document = await documentOf(uriArgument);
  if (!document || document.uri.scheme !== 'file') return failed('Open a subscriber CSV file saved on disk first.');
  const detected = isFileEncoding(encodingArgument) ? encodingArgument : (await encodings.refresh(document))?.encoding;
  if (!detected) return failed(`The encoding of ${fileNameOf(document)} could not be read from the file.`);
  const label = FILE_ENCODING_INFO[detected].label;
  if (
    document.isDirty &&
    !(await confirm(
      `${fileNameOf(document)} has unsaved changes. Reopening it with ${label} reads the file again and drops them.`,
      'Reopen',
    ))
  ) {
    return { status: 'declined' };
  }
  let text: string;
  try {
    const decoding = createDecoding(detected);
    text = decoding.decode(await vscode.workspace.fs.readFile(document.uri)) + decoding.end();
  } catch (error) {
    return failed(`Could not read ${fileNameOf(document)}: ${errorText(error)}`);
  }
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, whole, text);
  if (!(await vscode.workspace.applyEdit(edit))) return failed(`${fileNameOf(document)} could not be changed.`);
  void vscode.window
    .showInformationMessage(`Read ${fileNameOf(document)} as ${label}. Save it to store it as UTF-8.`, 'Save as UTF-8')
    .then((choice) => (choice ? vscode.commands.executeCommand(SAVE_AS_UTF8_COMMAND, document.uri) : undefined));
  return { status: 'reopened', encoding: detected };
}

/** `subscriberCsv.saveAsUtf8 [uri]`: the text as the editor shows it, written to the file as UTF-8. */
export async function saveAsUtf8(encodings: FileEncodings, uriArgument?: unknown): Promise<EncodingCommandResult> {
  const document = await documentOf(uriArgument);
  if (!document || document.uri.scheme !== 'file') return failed('Open a subscriber CSV file saved on disk first.');
  try {
    // Unsaved changes are kept: saved first, in whatever encoding the editor holds, then written again as UTF-8.
    if (document.isDirty && !(await document.save())) return failed(`${fileNameOf(document)} could not be saved.`);
    await vscode.workspace.fs.writeFile(document.uri, Buffer.from(document.getText(), 'utf8'));
    // The editor reads the file again, and takes UTF-8 now that no byte order mark says otherwise.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  } catch (error) {
    return failed(`Could not save ${fileNameOf(document)} as UTF-8: ${errorText(error)}`);
  }
  await encodings.refresh(document);
  void vscode.window.showInformationMessage(`Saved ${fileNameOf(document)} as UTF-8.`);
  return { status: 'saved' };
}

async function confirm(message: string, button: string): Promise<boolean> {
  try {
    return (await vscode.window.showWarningMessage(message, { modal: true }, button)) === button;
  } catch {
    return false;
  }
}

function failed(message: string): EncodingCommandResult {
  void vscode.window.showWarningMessage(message);
  return { status: 'failed', message };
}
