/**
 * Asks the server to validate the exact version of a document in the editor, then waits until the editor shows the
 * diagnostics of that version. Push diagnostics are debounced on the server and converted asynchronously in the
 * client, so right after a keystroke `getDiagnostics` can still hold the previous version's list.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE } from '@subscriber-csv/language-service';
import { ValidateNowRequest, type ValidateNowResult } from '../../common/protocol';
import type { CheckedDiagnostic, CheckedSeverity } from './import/decideImport';
import { SERVED_DOCUMENTS } from './documentSelector';
import { waitForEvent, waitUntil } from './events';

export interface DocumentCheck {
  version: number;
  verdict: ValidateNowResult;
  diagnostics: vscode.Diagnostic[];
}

const ATTEMPTS = 5;
/** How long to wait for the server to catch up with a change, or for the editor to show what it published. */
const CATCH_UP_MS = 2000;

export async function checkDocument(
  client: LanguageClient,
  document: vscode.TextDocument,
  log: vscode.LogOutputChannel,
): Promise<DocumentCheck | undefined> {
  if (vscode.languages.match(SERVED_DOCUMENTS, document) === 0) return undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const version = document.version;
    const verdict = await validateNow(client, document, version, log);
    if (verdict && verdict.version === version && document.version === version) {
      const shown = await waitUntil(
        vscode.languages.onDidChangeDiagnostics,
        () => countsMatch(subscriberDiagnostics(document.uri), verdict),
        CATCH_UP_MS,
      );
      if (!shown) log.warn(`The editor's diagnostics did not catch up with the server's for ${fileNameOf(document)}.`);
      if (document.version !== version) continue;
      return { version, verdict, diagnostics: subscriberDiagnostics(document.uri) };
    }
    // The server has not seen this version (or the document) yet: wait for it to publish, or for the next change.
    await waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      (event) => event.uris.some((uri) => uri.toString() === document.uri.toString()),
      CATCH_UP_MS / ATTEMPTS,
    );
  }
  return undefined;
}

/** The server's own diagnostics of a document, without those of other extensions or of the last import. */
export function subscriberDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

export function countBySeverity(diagnostics: readonly vscode.Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
  }
  return { errors, warnings };
}

export function toCheckedDiagnostic(diagnostic: vscode.Diagnostic): CheckedDiagnostic {
  return { severity: SEVERITY[diagnostic.severity], line: diagnostic.range.start.line, message: diagnostic.message };
}

export function fileNameOf(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() || document.uri.toString();
}

const SEVERITY: Record<vscode.DiagnosticSeverity, CheckedSeverity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** Asks the server for its verdict on a version of a document; null when it does not have that document. */
export async function validateNow(
  client: LanguageClient,
  document: vscode.TextDocument,
  version: number,
  log: vscode.LogOutputChannel,
): Promise<ValidateNowResult | null> {
  try {
    return await client.sendRequest(ValidateNowRequest.type, {
      uri: client.code2ProtocolConverter.asUri(document.uri),
      version,
    });
  } catch (error) {
    log.error(`Asking the server to validate ${fileNameOf(document)} failed: ${errorText(error)}`);
    return null;
  }
}

function countsMatch(diagnostics: readonly vscode.Diagnostic[], verdict: ValidateNowResult): boolean {
  const counts = countBySeverity(diagnostics);
  // The editor holds the published (capped) list, not every problem: compare with what was published.
  return counts.errors === verdict.publishedErrors && counts.warnings === verdict.publishedWarnings;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
