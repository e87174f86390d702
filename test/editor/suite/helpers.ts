// Helpers for the in-editor tests. Every wait is on an editor event or a request's answer, never a sleep:
// a sleep is either too short on a slow CI machine or wastes time on a fast one.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'subscriber-csv.officesuite-subscriber-csv';
export const SOURCE = 'subscriber-csv';

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace open (test/editor/workspace)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Our diagnostics only: other extensions (spell checkers and the like) may add their own. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

export function formatRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** `code@line:col-line:col`, sorted: compares a whole set of diagnostics in one readable assertion. */
export function summarize(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${codeOf(d)}@${formatRange(d.range)}`).sort();
}

/**
 * Resolves with our diagnostics for `uri` once `predicate` holds for them. Checks the current state first
 * unless `fresh` is set, in which case only a publication after this call counts (how to tell "the server
 * looked and found nothing" from "the server has not looked yet").
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  { timeoutMs = 10_000, fresh = false }: { timeoutMs?: number; fresh?: boolean } = {},
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    // Subscribe before looking, so a publication between the look and the subscription is not missed.
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = JSON.stringify(summarize(ourDiagnostics(uri)));
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.path}; last seen: ${seen}`));
    }, timeoutMs);
    function check(): void {
      const diagnostics = ourDiagnostics(uri);
      if (!predicate(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    }
    if (!fresh) check();
  });
}

export const hasCode =
  (code: string) =>
  (diagnostics: vscode.Diagnostic[]): boolean =>
    diagnostics.some((d) => codeOf(d) === code);

export const lacksCode =
  (code: string) =>
  (diagnostics: vscode.Diagnostic[]): boolean =>
    !diagnostics.some((d) => codeOf(d) === code);

/**
 * The range of a cell, found by splitting the line on commas (the fixtures quote no commas). An independent
 * oracle for the server's ranges, and easier to read than column numbers.
 */
export function cellRange(document: vscode.TextDocument, line: number, column: string): vscode.Range {
  const header = document.lineAt(0).text.split(',');
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`no column ${column} in ${document.uri.path}`);
  const cells = document.lineAt(line).text.split(',');
  const start = cells.slice(0, index).reduce((offset, cell) => offset + cell.length + 1, 0);
  return new vscode.Range(line, start, line, start + cells[index].length);
}

/** Replaces the whole text, e.g. to undo a test's edits without saving or prompting. */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${document.uri.path}`);
}

export async function replaceRange(document: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${document.uri.path}`);
}

/** Writes a `subscriberCsv.*` setting to the workspace (undefined removes it) and resolves when applied. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('subscriberCsv').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** The plain text of every hover the providers returned at `position`. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

export async function completionItems(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    position,
  );
  return list.items;
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
