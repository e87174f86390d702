/**
 * The endpoint's verdict on an uploaded file, from the same rules library as the editor: refused as a whole
 * (400), in conflict with the tenant's stored extensions (409), or importable row by row, where a row with an
 * error fails on its own. Pure: text and tenant in, verdict out; storing is the route's job.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
  getLanguageService,
  type DiagnosticCode,
  type ServiceSettings,
  type SubscriberModel,
} from '@subscriber-csv/language-service';
import type { CsvRecord } from '../../language-service/src/csv/csvModel';
import { cellOf, recordAt, rowTypeOf, valueOf } from '../../language-service/src/subscriberModel';

/** A problem that makes the whole file unusable: answered 400 with these. */
export interface FileProblem {
  line: number;
  column: string | null;
  code: string;
  message: string;
}

/** One data row's outcome, as the contract's `rows[]` has it. */
export interface RowVerdict {
  row: number;
  line: number;
  status: 'created' | 'failed';
  type?: string;
  extension?: string;
  column?: string | null;
  reason?: string;
  /** Telco-only columns with a value that this token's role may not set: their values were not applied. */
  ignoredColumns?: string[];
}

export type Verdict =
  | { kind: 'invalid'; problems: FileProblem[] }
  | { kind: 'conflict'; rows: RowVerdict[] }
  | { kind: 'rows'; model: SubscriberModel; rows: { record: CsvRecord; verdict: RowVerdict }[] };

/** Problems of the header or the file's syntax: no row could be read correctly, so nothing is imported. */
const FILE_CODES: ReadonlySet<string> = new Set<DiagnosticCode>([
  'empty-file',
  'missing-header',
  'unterminated-quote',
  'blank-column-name',
  'duplicate-column',
  'unknown-column',
  'missing-column',
  'missing-email-column',
]);

/** An extension the tenant already has, or one the file uses twice: the contract answers 409, importing nothing. */
const CONFLICT_CODES: ReadonlySet<string> = new Set<DiagnosticCode>(['extension-in-use', 'duplicate-extension']);

const service = getLanguageService();

export function judgeFile(text: string, fileName: string, settings: ServiceSettings): Verdict {
  const document = TextDocument.create(`upload:///${encodeURIComponent(fileName)}`, 'subscriber-csv', 1, text);
  // The endpoint is told the file is a subscriber file: an unrecognisable header must be refused, not ignored.
  const model = service.parse(document);
  const errors = service
    .doValidation(model, { ...settings, assumeSubscriberFile: true })
    .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);

  const rowOfRecord = new Map(model.dataRows.map((record, index) => [record, index + 1]));
  const fileProblems: FileProblem[] = [];
  const conflicts = new Map<CsvRecord, Diagnostic>();
  const rowErrors = new Map<CsvRecord, Diagnostic[]>();
  for (const diagnostic of errors) {
    const code = String(diagnostic.code);
    const record = recordAt(model, document.offsetAt(diagnostic.range.start));
    const isDataRow = record !== undefined && rowOfRecord.has(record);
    if (FILE_CODES.has(code) || !isDataRow) {
      fileProblems.push({
        line: diagnostic.range.start.line + 1,
        column: columnOf(diagnostic),
        code,
        message: reasonOf(diagnostic, model, record),
      });
    } else if (CONFLICT_CODES.has(code)) {
      if (!conflicts.has(record)) conflicts.set(record, diagnostic);
    } else {
      rowErrors.set(record, [...(rowErrors.get(record) ?? []), diagnostic]);
    }
  }
  if (fileProblems.length > 0) return { kind: 'invalid', problems: fileProblems };

  const base = (record: CsvRecord) => describeRow(model, record, rowOfRecord.get(record) ?? 0);
  if (conflicts.size > 0) {
    const rows = [...conflicts].map(([record, diagnostic]) => failed(base(record), diagnostic, model, record));
    return { kind: 'conflict', rows: rows.sort((a, b) => a.row - b.row) };
  }

  const telcoOnly = settings.tenant.role === 'telcoAdmin' ? [] : telcoOnlyFields(model);
  const rows = model.dataRows
    .filter((record) => !record.blank)
    .map((record) => {
      const rowDiagnostics = rowErrors.get(record);
      if (rowDiagnostics)
        return { record, verdict: failed(base(record), rowDiagnostics[0], model, record, rowDiagnostics.length) };
      const ignored = telcoOnly.filter((name) => valueOf(model, record, name) !== '');
      const verdict: RowVerdict = { ...base(record), status: 'created' };
      if (ignored.length > 0) verdict.ignoredColumns = ignored;
      return { record, verdict };
    });
  return { kind: 'rows', model, rows };
}

function describeRow(model: SubscriberModel, record: CsvRecord, row: number): Omit<RowVerdict, 'status'> {
  const described: Omit<RowVerdict, 'status'> = { row, line: model.document.positionAt(record.start).line + 1 };
  const type = rowTypeOf(model, record);
  if (type) described.type = type;
  const extension = valueOf(model, record, 'Extension');
  if (extension !== '') described.extension = extension;
  return described;
}

function failed(
  described: Omit<RowVerdict, 'status'>,
  diagnostic: Diagnostic,
  model: SubscriberModel,
  record: CsvRecord,
  errorCount = 1,
): RowVerdict {
  const reason = reasonOf(diagnostic, model, record);
  const more = `${errorCount - 1} more error${errorCount > 2 ? 's' : ''} on this row`;
  return {
    ...described,
    status: 'failed',
    column: columnOf(diagnostic),
    reason: errorCount > 1 ? `${reason.replace(/\.$/, '')} (and ${more}).` : reason,
  };
}

function columnOf(diagnostic: Diagnostic): string | null {
  const column = (diagnostic.data as { column?: unknown } | undefined)?.column;
  return typeof column === 'string' ? column : null;
}

/**
 * The diagnostic's message as a reason to send back, with the row's PIN taken out: the library quotes a wrong
 * value in its message, and a PIN must never travel back in an answer or reach a log.
 */
function reasonOf(diagnostic: Diagnostic, model: SubscriberModel, record: CsvRecord | undefined): string {
  const pin = record ? cellOf(model, record, 'PIN')?.value.trim() : undefined;
  if (!pin) return diagnostic.message;
  const quotedOut = diagnostic.message.split(`"${pin}"`).join('(the PIN, not shown)');
  return columnOf(diagnostic) === 'PIN' ? quotedOut.split(pin).join('(not shown)') : quotedOut;
}

/** The header's telco-only columns, which a tenant admin's import leaves out. */
function telcoOnlyFields(model: SubscriberModel): string[] {
  return model.columnOfField.flatMap((column) => (column?.setBy === 'telcoAdmin' ? [column.name] : []));
}
