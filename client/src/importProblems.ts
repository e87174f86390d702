/**
 * The rows the endpoint refused, as diagnostics on their lines (collection `subscriber-csv-import`). They describe
 * the text that was uploaded, so they are cleared as soon as the document changes, when it closes, and on the next
 * import.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '@subscriber-csv/language-service';
import type { LineProblem } from './import/rowProblems';

export const IMPORT_DIAGNOSTIC_SOURCE = `${DIAGNOSTIC_SOURCE} import`;

export class ImportProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('subscriber-csv-import');
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.clear(event.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri)),
    ];
  }

  show(uri: vscode.Uri, problems: readonly LineProblem[]): void {
    this.collection.set(uri, problems.map(toDiagnostic));
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}

function toDiagnostic(problem: LineProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(problem.line, problem.startCharacter, problem.line, problem.endCharacter),
    problem.message,
    vscode.DiagnosticSeverity.Error,
  );
  diagnostic.source = IMPORT_DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}
