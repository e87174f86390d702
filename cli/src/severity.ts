/**
 * Severity names as the CLI prints them (text and json), from LSP's numeric severities.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

const SEVERITY_NAMES: Readonly<Record<DiagnosticSeverity, SeverityName>> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** LSP leaves severity optional and says clients should then treat it as an error. */
export function severityName(diagnostic: Diagnostic): SeverityName {
  return SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error];
}
