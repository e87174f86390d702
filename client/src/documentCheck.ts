/**
 * Asks the server to validate the exact version of a document in the editor, and takes the diagnostics of that
 * version from its answer. (What the editor shows can lag behind: push diagnostics are debounced on the server and
 * converted asynchronously in the client, so right after a keystroke `getDiagnostics` can still hold the previous
 * version's list. LSP's pull diagnostics would not help: a pulled report names no version either, and the import
 * also needs the row counts, which only this request gives.)
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE } from '@subscriber-csv/language-service';
import { ValidateNowRequest, type ValidateNowResult } from '../../common/protocol';
import type { CheckedDiagnostic, CheckedSeverity } from './import/decideImport';
import { SERVED_DOCUMENTS } from './documentSelector';
import { waitForEvent } from './events';

export interface DocumentCheck {
  version: number;
  verdict: ValidateNowResult;
  diagnostics: vscode.Diagnostic[];
}

const ATTEMPTS = 5;
/** How long to wait, in all, for the server to catch up with a change it has not received yet. */
const CATCH_UP_MS = 2000;

export async function checkDocument(
  client: LanguageClient,
  document: vscode.TextDocument,
  log: vscode.LogOutputChannel,
): Promise<DocumentCheck | undefined> {
  if (vscode.languages.match(SERVED_DOCUMENTS, document) === 0) return undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const version = document.version;
    const verdict = await validateNow(client, document, version, log, true);
    if (verdict && verdict.version === version && document.version === version) {
      const diagnostics = await client.protocol2CodeConverter.asDiagnostics(verdict.diagnostics ?? []);
      if (document.version !== version) continue;
      return { version, verdict, diagnostics };
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
  withDiagnostics = false,
): Promise<ValidateNowResult | null> {
  try {
    return await client.sendRequest(ValidateNowRequest.type, {
      uri: client.code2ProtocolConverter.asUri(document.uri),
      version,
      withDiagnostics,
    });
  } catch (error) {
    log.error(`Asking the server to validate ${fileNameOf(document)} failed: ${errorText(error)}`);
    return null;
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
