/**
 * Turns a rule's finding into an LSP diagnostic: severity from the catalog, range from offsets,
 * a link to the catalog entry, and the details a quick fix needs in `data`.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CATALOG, CATALOG_URL, DIAGNOSTIC_SOURCE, type DiagnosticCode } from '../diagnosticCatalog';

/** What a quick fix needs, carried in the diagnostic so fixes never parse message text. */
export interface DiagnosticData {
  /** The canonical column name of the cell, when the problem is about one cell. */
  column?: string;
  /** The value (or header name) that the fix writes in place of the range. */
  replacement?: string;
}

export type Report = (code: DiagnosticCode, start: number, end: number, message: string, data?: DiagnosticData) => void;

/** What a rule found, in offsets; kept until diagnostics are published, so it must not hold positions. */
export interface Finding {
  code: DiagnosticCode;
  start: number;
  end: number;
  message: string;
  data?: DiagnosticData;
}

export function toDiagnostic(document: TextDocument, finding: Finding, start: number, end: number): Diagnostic {
  return diagnosticAt(finding, { start: document.positionAt(start), end: document.positionAt(end) });
}

export function diagnosticAt(finding: Finding, range: Range): Diagnostic {
  const { code } = finding;
  const diagnostic: Diagnostic = {
    range,
    severity: CATALOG[code].severity,
    code,
    codeDescription: { href: `${CATALOG_URL}#${code}` },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.data) diagnostic.data = finding.data;
  return diagnostic;
}
