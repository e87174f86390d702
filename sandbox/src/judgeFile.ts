/**
 * The endpoint's verdict on an uploaded file, from the same rules library as the editor: refused as a whole
 * (400), in conflict with the tenant's stored extensions (409), or importable row by row, where a row with an
 * error fails on its own. Pure: text, tenant and a lookup of the tenant's entries in, verdict out; storing is the
 * import job's.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
  CATALOG,
  findColumn,
  getLanguageService,
  isKnownCode,
  type DataRow,
  type DiagnosticData,
  type ServiceSettings,
  type SubscriberDocument,
} from '@subscriber-csv/language-service';
import type { EntryIdentity } from './database';
import { identityOf } from './storeRows';

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
  /** `created` here means "to be stored"; the store says whether that creates, updates or leaves an entry. */
  status: 'created' | 'updated' | 'unchanged' | 'failed';
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
  | { kind: 'rows'; parsed: SubscriberDocument; rows: { row: DataRow; verdict: RowVerdict }[] };

const service = getLanguageService();

/**
 * What an error does to the import, from the catalog: one that refuses the file is a problem of the file (400) when
 * it concerns the file or its header, and a conflict (409) when it concerns a row (an Extension already taken, or
 * used twice); any other error fails its row. An error outside the data rows concerns the file.
 */
function effectOf(diagnostic: Diagnostic, row: DataRow | undefined): 'file' | 'conflict' | 'row' {
  const code = diagnostic.code;
  if (!row || !isKnownCode(code)) return 'file';
  const { effect, scope } = CATALOG[code];
  if (effect !== 'refusesFile') return 'row';
  return scope === 'file' || scope === 'header' ? 'file' : 'conflict';
}

/**
 * `isExistingEntry` says whether a row holding an extension in use names the entry that holds it (same type and
 * name): importing a file again must update that entry, not be refused because its extension is taken.
 */
export function judgeFile(
  text: string,
  fileName: string,
  settings: ServiceSettings,
  isExistingEntry: (row: EntryIdentity) => boolean = () => false,
): Verdict {
  const document = TextDocument.create(`upload:///${encodeURIComponent(fileName)}`, 'subscriber-csv', 1, text);
  // The endpoint is told the file is a subscriber file: an unrecognisable header must be refused, not ignored.
  const parsed = service.parse(document);
  const dataRows = parsed.dataRows();
  const inUse = new Set(settings.tenant.extensionsInUse ?? []);
  const own = new Set<string>();
  for (const row of dataRows) {
    const extension = row.value('Extension');
    if (inUse.has(extension) && isExistingEntry(identityOf(row))) own.add(extension);
  }
  const tenant = { ...settings.tenant, extensionsInUse: [...inUse].filter((extension) => !own.has(extension)) };
  const errors = service
    .doValidation(parsed, { ...settings, tenant, assumeSubscriberFile: true })
    .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);

  const fileProblems: FileProblem[] = [];
  const conflicts = new Map<DataRow, Diagnostic>();
  const rowErrors = new Map<DataRow, Diagnostic[]>();
  for (const diagnostic of errors) {
    const found = parsed.rowAt(diagnostic.range.start);
    // The same row object for every diagnostic on it, so that the maps group them.
    const row = found && dataRows[found.number - 1];
    const effect = effectOf(diagnostic, row);
    if (effect === 'file' || !row) {
      fileProblems.push({
        line: diagnostic.range.start.line + 1,
        column: columnOf(diagnostic),
        code: String(diagnostic.code),
        message: reasonOf(diagnostic, row),
      });
    } else if (effect === 'conflict') {
      if (!conflicts.has(row)) conflicts.set(row, diagnostic);
    } else {
      rowErrors.set(row, [...(rowErrors.get(row) ?? []), diagnostic]);
    }
  }
  if (fileProblems.length > 0) return { kind: 'invalid', problems: fileProblems };

  if (conflicts.size > 0) {
    const rows = [...conflicts].map(([row, diagnostic]) => failed(describeRow(row), diagnostic, row));
    return { kind: 'conflict', rows: rows.sort((a, b) => a.row - b.row) };
  }

  const telcoOnly = settings.tenant.role === 'telcoAdmin' ? [] : telcoOnlyColumns(parsed);
  const rows = dataRows
    .filter((row) => !row.blank)
    .map((row) => {
      const rowDiagnostics = rowErrors.get(row);
      if (rowDiagnostics)
        return { row, verdict: failed(describeRow(row), rowDiagnostics[0], row, rowDiagnostics.length) };
      const ignored = telcoOnly.filter((name) => row.value(name) !== '');
      const verdict: RowVerdict = { ...describeRow(row), status: 'created' };
      if (ignored.length > 0) verdict.ignoredColumns = ignored;
      return { row, verdict };
    });
  return { kind: 'rows', parsed, rows };
}

function describeRow(row: DataRow): Omit<RowVerdict, 'status'> {
  const described: Omit<RowVerdict, 'status'> = { row: row.number, line: row.line + 1 };
  if (row.type) described.type = row.type;
  const extension = row.value('Extension');
  if (extension !== '') described.extension = extension;
  return described;
}

function failed(
  described: Omit<RowVerdict, 'status'>,
  diagnostic: Diagnostic,
  row: DataRow,
  errorCount = 1,
): RowVerdict {
  const reason = reasonOf(diagnostic, row);
  const more = `${errorCount - 1} more error${errorCount > 2 ? 's' : ''} on this row`;
  return {
    ...described,
    status: 'failed',
    column: columnOf(diagnostic),
    reason: errorCount > 1 ? `${reason.replace(/\.$/, '')} (and ${more}).` : reason,
  };
}

function columnOf(diagnostic: Diagnostic): string | null {
  return (diagnostic.data as DiagnosticData | undefined)?.column ?? null;
}

/**
 * The diagnostic's message as a reason to send back, with the row's secrets (its PIN) taken out: the library quotes
 * a wrong value in its message, and a PIN must never travel back in an answer or reach a log.
 */
function reasonOf(diagnostic: Diagnostic, row: DataRow | undefined): string {
  let reason = diagnostic.message;
  const column = columnOf(diagnostic);
  const aboutSecret = column !== null && findColumn(column)?.secret === true;
  for (const secret of row?.secretValues ?? []) {
    reason = reason.split(`"${secret}"`).join('(the PIN, not shown)');
    if (aboutSecret) reason = reason.split(secret).join('(not shown)');
  }
  return reason;
}

/** The header's telco-only columns, which a tenant admin's import leaves out. */
function telcoOnlyColumns(parsed: SubscriberDocument) {
  return parsed.columns().filter((name) => findColumn(name)?.setBy === 'telcoAdmin');
}
