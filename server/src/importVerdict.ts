/**
 * The server's answer to `ValidateNowRequest`: the counts of one version's diagnostics and rows, and the file's
 * secret values (PINs), which the client keeps out of every message the import shows.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { SubscriberDocument } from '@subscriber-csv/language-service';
import type { ValidateNowResult } from '../../common/protocol';

export function verdictOf(
  parsed: SubscriberDocument,
  version: number,
  diagnostics: Diagnostic[],
  published: Diagnostic[],
  isSubscriberFile: boolean,
): ValidateNowResult {
  const count = (list: Diagnostic[], severity: DiagnosticSeverity) =>
    list.filter((diagnostic) => diagnostic.severity === severity).length;
  const rows = isSubscriberFile ? parsed.rowCounts() : { users: 0, locations: 0, otherRows: 0 };
  return {
    version,
    isSubscriberFile,
    errors: count(diagnostics, DiagnosticSeverity.Error),
    warnings: count(diagnostics, DiagnosticSeverity.Warning),
    publishedErrors: count(published, DiagnosticSeverity.Error),
    publishedWarnings: count(published, DiagnosticSeverity.Warning),
    ...rows,
    secretValues: isSubscriberFile ? parsed.secretValues() : [],
  };
}
