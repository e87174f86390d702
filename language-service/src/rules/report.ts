/**
 * Turns a rule's finding into an LSP diagnostic: severity from the catalog, range from offsets, and the details a
 * quick fix needs in `data`. The link to the code's catalog entry (`codeDescription`) is the adapter's to give.
 */
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { ColumnName } from '../columns';
import type { FileEncoding } from '../fileEncodings';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE, type DiagnosticCode } from '../catalog/diagnosticCodes';

/**
 * What a diagnostic carries in `data`, so that fixes and adapters never parse message text. Every diagnostic of
 * scope `cell` names its column.
 */
export interface DiagnosticData {
  /** The canonical name of the column the problem is about: the cell's, or the header's missing or repeated one. */
  column?: ColumnName;
  /** The value (or header name) that the fix writes in place of the range. */
  replacement?: string;
  /** The encoding the file is saved in (`file-encoding`), so that an editor can offer to read or save it right. */
  encoding?: FileEncoding;
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

/** Where an offset of the text is, as `TextDocument.positionAt` says. */
export type PositionAt = (offset: number) => Position;

export function toDiagnostic(positionAt: PositionAt, finding: Finding, start: number, end: number): Diagnostic {
  return diagnosticAt(finding, { start: positionAt(start), end: positionAt(end) });
}

export function diagnosticAt(finding: Finding, range: Range): Diagnostic {
  const { code } = finding;
  const diagnostic: Diagnostic = {
    range,
    severity: DIAGNOSTIC_CODES[code].severity,
    code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.data) diagnostic.data = finding.data;
  return diagnostic;
}
