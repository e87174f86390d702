/**
 * Turns a rule's finding into an LSP diagnostic: severity from the catalog, range from offsets,
 * a link to the catalog entry, and the details a quick fix needs in `data`.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
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

export function createCollector(document: TextDocument): { diagnostics: Diagnostic[]; report: Report } {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (code, start, end, message, data) => {
    const diagnostic: Diagnostic = {
      range: { start: document.positionAt(start), end: document.positionAt(end) },
      severity: CATALOG[code].severity,
      code,
      codeDescription: { href: `${CATALOG_URL}#${code}` },
      source: DIAGNOSTIC_SOURCE,
      message,
    };
    if (data) diagnostic.data = data;
    diagnostics.push(diagnostic);
  };
  return { diagnostics, report };
}
