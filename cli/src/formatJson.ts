/**
 * JSON output: `{"files":[{"path", "diagnostics":[{"line", "column", "range", "severity", "code", "message"}]}]}`.
 * `line` is 1-based, `range` is the LSP range (0-based), `column` the canonical column name or null.
 */
import type { Range } from 'vscode-languageserver-types';
import type { CheckedFile } from './checkFile';
import type { Formatter } from './formatter';
import { severityName, type SeverityName } from './severity';

export interface JsonDiagnostic {
  line: number;
  column: string | null;
  range: Range;
  severity: SeverityName;
  code: string;
  message: string;
}

export interface JsonFile {
  path: string;
  diagnostics: JsonDiagnostic[];
}

export interface JsonReport {
  files: JsonFile[];
}

export function toJsonFile(file: CheckedFile): JsonFile {
  return {
    path: file.path,
    diagnostics: file.diagnostics.map(({ diagnostic, column }) => ({
      line: diagnostic.range.start.line + 1,
      column,
      range: diagnostic.range,
      severity: severityName(diagnostic),
      code: String(diagnostic.code),
      message: diagnostic.message,
    })),
  };
}

export function createJsonFormatter(): Formatter {
  const report: JsonReport = { files: [] };
  return {
    fileChecked(file) {
      report.files.push(toJsonFile(file));
      return '';
    },
    finish() {
      return `${JSON.stringify(report, null, 2)}\n`;
    },
  };
}
