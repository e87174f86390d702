/**
 * JSON output: `{"files":[{"path", "diagnostics":[{"line", "column", "range", "severity", "code", "message"}]}]}`,
 * every file named in order; a file that could not be read at all has an `error` and no diagnostics.
 * `line` is 1-based, `range` is the LSP range (0-based), `column` the canonical column name or null. Written as the
 * diagnostics arrive, laid out as `JSON.stringify(report, null, 2)` would lay out the whole report.
 */
import type { Range } from 'vscode-languageserver-types';
import type { FileDiagnostic } from './checkFile';
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
  /** Why the file could not be read at all (then `diagnostics` is empty); absent for a file that was checked. */
  error?: string;
  diagnostics: JsonDiagnostic[];
}

export interface JsonReport {
  files: JsonFile[];
}

export function toJsonDiagnostic({ diagnostic, column }: FileDiagnostic): JsonDiagnostic {
  return {
    line: diagnostic.range.start.line + 1,
    column,
    range: diagnostic.range,
    severity: severityName(diagnostic),
    code: String(diagnostic.code),
    message: diagnostic.message,
  };
}

/** `value` as JSON.stringify lays it out with 2 spaces, nested `depth` levels deep. */
export function nestedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * `nestedJson(toJsonDiagnostic(item), 4)`, written out directly: a file can have millions of diagnostics, and laying
 * out each one with JSON.stringify's indentation costs several times this.
 */
function diagnosticJson(item: FileDiagnostic): string {
  const { line, column, range, severity, code, message } = toJsonDiagnostic(item);
  const { start, end } = range;
  const i = '        ';
  return (
    `{\n${i}  "line": ${line},\n${i}  "column": ${JSON.stringify(column)},\n${i}  "range": {\n` +
    `${i}    "start": {\n${i}      "line": ${start.line},\n${i}      "character": ${start.character}\n${i}    },\n` +
    `${i}    "end": {\n${i}      "line": ${end.line},\n${i}      "character": ${end.character}\n${i}    }\n${i}  },\n` +
    `${i}  "severity": "${severity}",\n${i}  "code": ${JSON.stringify(code)},\n${i}  "message": ${JSON.stringify(message)}\n${i}}`
  );
}

export function createJsonFormatter(): Formatter {
  let files = 0;
  return {
    start: () => '{\n  "files": [',
    fileStarted(path) {
      return `${files++ === 0 ? '' : ','}\n    {\n      "path": ${JSON.stringify(path)},\n      "diagnostics": [`;
    },
    diagnostics(_path, batch, first) {
      let text = '';
      batch.forEach((item, index) => {
        text += `${first && index === 0 ? '' : ','}\n        ${diagnosticJson(item)}`;
      });
      return text;
    },
    fileEnded(_path, empty) {
      return empty ? ']\n    }' : '\n      ]\n    }';
    },
    fileUnreadable(path, message) {
      const entry: JsonFile = { path, error: message, diagnostics: [] };
      return `${files++ === 0 ? '' : ','}\n    ${nestedJson(entry, 2)}`;
    },
    finish() {
      return files === 0 ? ']\n}\n' : '\n  ]\n}\n';
    },
  };
}
