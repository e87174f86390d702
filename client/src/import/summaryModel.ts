/**
 * What the import summary view shows after a preview or an import: the counts, and each row with what happened to
 * it (or would), labelled as the outline labels rows (`Ann Lee, ext 101`), the refused ones first with their
 * reasons. Pure: built from the endpoint's answer and the server's row places; the panel renders it.
 */
import { countsText, previewCountsText, rowReason } from '../../../common/importClient';
import type { FileProblem, PreviewSuccess, RowResult } from '../../../common/importClient';

/** Rows listed in the view; every row is counted, and every refusal is listed and marked in the file. */
export const MAX_LISTED_ROWS = 1000;

export type RowStatus = RowResult['status'];

/** How a row is named in the view; the server's place of it, when it could be found. */
export interface RowName {
  label: string;
}

export interface SummaryRow {
  /** 1-based line, as the endpoint and the editor's gutter count. */
  line: number;
  label: string;
  status: RowStatus;
  /** Why it failed (the column named once), for a refused row or a problem of the file. */
  reason?: string;
}

export interface ImportSummaryModel {
  kind: 'preview' | 'result';
  fileName: string;
  /** The document, for the view's Import button (a URI string). */
  uri: string;
  host: string;
  /** When the endpoint answered, as people read it. */
  at: string;
  /** `Preview: 3 to be created, …` or `Imported: 3 created, …`. */
  headline: string;
  /** What the headline does not say: that a preview wrote nothing, or why an import would be refused. */
  note: string;
  failures: SummaryRow[];
  /** The first rows of the file in order, at most MAX_LISTED_ROWS. */
  rows: SummaryRow[];
  /** Rows answered about but not listed. */
  unlisted: number;
  /** The preview says an import would go ahead: the view offers it. */
  canImport: boolean;
}

export interface SummaryInput {
  fileName: string;
  uri: string;
  host: string;
  at: string;
  rows: readonly RowResult[];
  /** The server's names of the rows, in the order of `rows`; undefined where a row could not be placed. */
  names: readonly (RowName | undefined)[];
}

export const STATUS_WORDS: Readonly<Record<'preview' | 'result', Readonly<Record<RowStatus, string>>>> = {
  preview: { created: 'to be created', updated: 'to be updated', unchanged: 'unchanged', failed: 'would fail' },
  result: { created: 'created', updated: 'updated', unchanged: 'unchanged', failed: 'failed' },
};

export function previewSummary(input: SummaryInput, preview: PreviewSuccess): ImportSummaryModel {
  const model = summaryOf('preview', input);
  if (preview.outcome === 'rejected') model.failures = problemRows(preview.problems);
  return {
    ...model,
    headline: `Preview: ${previewCountsText(preview)}`,
    note:
      preview.outcome === 'import'
        ? `Nothing was imported: this is what ${input.host} says an import of the file would do now.`
        : preview.message,
    canImport: preview.outcome === 'import',
  };
}

export function resultSummary(
  input: SummaryInput,
  result: { created: number; updated: number; unchanged: number; failed: number; replayed?: boolean },
): ImportSummaryModel {
  const replayed = result.replayed ? ' The endpoint had already received this import; this is its first answer.' : '';
  return {
    ...summaryOf('result', input),
    headline: `Imported: ${countsText(result)}`,
    note: `Imported to ${input.host}.${replayed}`,
  };
}

/** An import refused as a whole (409 or 400): the rows or problems it named. */
export function refusedSummary(
  input: SummaryInput,
  message: string,
  problems: readonly FileProblem[] = [],
): ImportSummaryModel {
  const model = summaryOf('result', input);
  if (problems.length > 0) model.failures = problemRows(problems);
  return { ...model, headline: 'Not imported', note: message };
}

function summaryOf(kind: 'preview' | 'result', input: SummaryInput): ImportSummaryModel {
  const rows = input.rows.map((row, index) => summaryRow(row, input.names[index]));
  const ordered = [...rows].sort((a, b) => a.line - b.line);
  return {
    kind,
    fileName: input.fileName,
    uri: input.uri,
    host: input.host,
    at: input.at,
    headline: '',
    note: '',
    failures: ordered.filter((row) => row.status === 'failed'),
    rows: ordered.slice(0, MAX_LISTED_ROWS),
    unlisted: Math.max(0, ordered.length - MAX_LISTED_ROWS),
    canImport: false,
  };
}

function summaryRow(row: RowResult, name: RowName | undefined): SummaryRow {
  const fallback = [row.type, row.extension ? `ext ${row.extension}` : undefined].filter(Boolean).join(', ');
  const summary: SummaryRow = {
    line: row.line,
    label: name?.label || fallback || `row ${row.row}`,
    status: row.status,
  };
  if (row.status === 'failed') summary.reason = rowReason(row);
  return summary;
}

function problemRows(problems: readonly FileProblem[]): SummaryRow[] {
  return problems.map((problem) => ({
    line: problem.line ?? 1,
    label: problem.line === undefined || problem.line === 1 ? 'header' : `line ${problem.line}`,
    status: 'failed',
    reason: rowReason({ column: problem.column, reason: problem.message }),
  }));
}
