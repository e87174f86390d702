/**
 * The rows the endpoint refused, or would refuse (a preview), as diagnostics on their cells (collection
 * `subscriber-csv-import`). They describe the text that was uploaded, so they are cleared as soon as the document
 * changes, when it closes, and on the next preview or import.
 *
 * A refusal is shown once: when the language server flags the same cell with an error of its own (after an import
 * the tenant data is loaded again, and a 409's extension is then "already in use" here too), the endpoint's copy
 * is hidden while the server's stands.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '@subscriber-csv/language-service';
import type { LineProblem } from './import/rowProblems';

export const IMPORT_DIAGNOSTIC_SOURCE = `${DIAGNOSTIC_SOURCE} import`;
export const PREVIEW_DIAGNOSTIC_SOURCE = `${DIAGNOSTIC_SOURCE} preview`;

/** What the endpoint answered: an import (it refused these) or a preview (it would refuse them). */
export type ProblemOrigin = 'import' | 'preview';

export class ImportProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('subscriber-csv-import');
  /** Every problem marked per document, shown or hidden behind the server's own. */
  private readonly marked = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[]; shown?: string }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.clear(event.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri)),
      vscode.languages.onDidChangeDiagnostics(({ uris }) => {
        for (const uri of uris) if (this.marked.has(uri.toString())) this.render(uri);
      }),
    ];
  }

  show(uri: vscode.Uri, problems: readonly LineProblem[], origin: ProblemOrigin = 'import'): void {
    this.marked.set(uri.toString(), { uri, diagnostics: problems.map((problem) => toDiagnostic(problem, origin)) });
    this.render(uri);
  }

  clear(uri: vscode.Uri): void {
    this.marked.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }

  /** Sets the marked problems the server does not already show on the same cell (only when that changes). */
  private render(uri: vscode.Uri): void {
    const marked = this.marked.get(uri.toString());
    if (!marked) return;
    const serverCells = new Set(
      vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity === vscode.DiagnosticSeverity.Error)
        .map((d) => keyOf(d.range)),
    );
    const shown = marked.diagnostics.filter((diagnostic) => !serverCells.has(keyOf(diagnostic.range)));
    // Setting the collection fires the event that called this: set it only when what is shown changes.
    const key = shown.map((diagnostic) => keyOf(diagnostic.range)).join(',');
    if (marked.shown === key) return;
    marked.shown = key;
    this.collection.set(uri, shown);
  }
}

function keyOf(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function toDiagnostic(problem: LineProblem, origin: ProblemOrigin): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(problem.line, problem.startCharacter, problem.endLine, problem.endCharacter),
    problem.message,
    vscode.DiagnosticSeverity.Error,
  );
  diagnostic.source = origin === 'preview' ? PREVIEW_DIAGNOSTIC_SOURCE : IMPORT_DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}
