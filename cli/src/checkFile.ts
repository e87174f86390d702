/**
 * Checks one file's text with the rules library and keeps only what the formatters need: the diagnostics and
 * the column each one is about. The model and the text are dropped here, so output never re-reads the file.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type {
  DiagnosticCode,
  ServiceSettings,
  SubscriberLanguageService,
  SubscriberModel,
} from '@subscriber-csv/language-service';
import { cellAt, recordAt } from '../../language-service/src/subscriberModel';

export interface FileDiagnostic {
  diagnostic: Diagnostic;
  /** Canonical name of the column the problem is in, or null for problems of a whole row or the file. */
  column: string | null;
}

export interface CheckedFile {
  /** The path as the user named it. */
  path: string;
  diagnostics: FileDiagnostic[];
}

/**
 * Codes that are about a whole row or the whole file. Their range starts in some cell, but they are not about
 * that cell's column.
 */
const ROW_OR_FILE_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'empty-file',
  'missing-header',
  'unterminated-quote',
  'too-many-fields',
  'too-few-fields',
  'blank-row',
]);

/** Checks the text of `path` (relative to `cwd`, which only names the document). */
export function checkText(
  service: SubscriberLanguageService,
  path: string,
  cwd: string,
  text: string,
  settings: ServiceSettings,
): CheckedFile {
  const document = TextDocument.create(pathToFileURL(resolve(cwd, path)).href, 'subscriber-csv', 1, text);
  const model = service.parse(document);
  const diagnostics = service.doValidation(model, settings).map((diagnostic) => ({
    diagnostic,
    column: columnOf(model, diagnostic),
  }));
  return { path, diagnostics };
}

function columnOf(model: SubscriberModel, diagnostic: Diagnostic): string | null {
  // A cell problem without `data.column`: name the column whose header field is above where it starts.
  const offset = model.document.offsetAt(diagnostic.range.start);
  const record = recordAt(model, offset);
  const cell = record && cellAt(record, offset);
  return columnFor(diagnostic, (cell && model.columnOfField[cell.field]?.name) ?? undefined);
}

/**
 * The column a diagnostic is about: the one its details name, none for problems of a whole row or the file, or
 * else the column of the cell it starts in (`cellColumn`).
 */
export function columnFor(diagnostic: Diagnostic, cellColumn: string | undefined): string | null {
  const data = diagnostic.data as { column?: unknown } | undefined;
  if (typeof data?.column === 'string') return data.column;
  if (ROW_OR_FILE_CODES.has(diagnostic.code as DiagnosticCode)) return null;
  return cellColumn ?? null;
}
