/**
 * What `import` prints about rows: the file's own diagnostics and the endpoint's refusals as `check` prints
 * diagnostics (`file:line:column: severity code message`, or its JSON and SARIF), each refusal on the cell of the
 * column the endpoint names, and the preview's answer after them. The endpoint's words reach here scrubbed of the
 * token and the file's PINs (the upload core does it); line breaks are taken out for one-line output.
 */
import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { SubscriberDocument } from '@subscriber-csv/language-service';
import {
  previewCountsText,
  rowReason,
  type FileProblem,
  type PreviewSuccess,
  type RowResult,
} from '../../common/importClient';
import type { OutputFormat } from './args';
import type { FileDiagnostic } from './checkFile';
import { createFormatter } from './formatter';
import { TOOL_NAME } from './toolInfo';

/** The codes of the endpoint's refusals, as the editor's import diagnostics carry them too. */
export type RefusalCode = 'import-failed' | 'import-conflict';

export const IMPORT_SOURCE = 'subscriber-csv import';

/** The rows the endpoint refused (or would refuse), each on its cell. */
export function refusedRows(
  parsed: SubscriberDocument,
  rows: readonly RowResult[],
  code: RefusalCode,
): FileDiagnostic[] {
  return rows
    .filter((row) => row.status === 'failed')
    .map((row) => {
      const place = parsed.rowPlace(row.line - 1, row.column);
      return refusal(place?.cell ?? place?.range ?? lineStart(row.line), code, rowReason(row), row.column ?? null);
    });
}

/** The problems of a file refused as a whole; one without a line is put on the header. */
export function refusedFile(parsed: SubscriberDocument, problems: readonly FileProblem[]): FileDiagnostic[] {
  return problems.map((problem) => {
    const line = problem.line ?? 1;
    const place = parsed.rowPlace(line - 1, problem.column);
    const range = place?.cell ?? place?.range ?? lineStart(line);
    return refusal(
      range,
      problem.code || 'import-rejected',
      rowReason({ column: problem.column, reason: problem.message }),
      problem.column ?? null,
    );
  });
}

function refusal(range: Range, code: string, message: string, column: string | null): FileDiagnostic {
  return {
    diagnostic: { range, severity: DiagnosticSeverity.Error, code, source: IMPORT_SOURCE, message: oneLine(message) },
    column,
  };
}

function lineStart(line: number): Range {
  const start = { line: Math.max(0, line - 1), character: 0 };
  return { start, end: start };
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Diagnostics in the order `check` prints them: by position. */
export function byPosition(items: readonly FileDiagnostic[]): FileDiagnostic[] {
  return [...items].sort(
    (a, b) =>
      a.diagnostic.range.start.line - b.diagnostic.range.start.line ||
      a.diagnostic.range.start.character - b.diagnostic.range.start.character,
  );
}

/** What a dry run found: the file refused here before sending, or the endpoint's preview. */
export type DryRunOutcome =
  { kind: 'refusedBeforeSending'; errors: number } | { kind: 'previewed'; host: string; preview: PreviewSuccess };

/** The whole output of `import --dry-run` in `format`: `check`'s output for the file, and the preview's answer. */
export function dryRunOutput(
  format: OutputFormat,
  cwd: string,
  path: string,
  diagnostics: readonly FileDiagnostic[],
  outcome: DryRunOutcome,
): string {
  const formatter = createFormatter(format, cwd);
  const sorted = byPosition(diagnostics);
  const written =
    formatter.start() +
    formatter.fileStarted(path, true) +
    (sorted.length > 0 ? formatter.diagnostics(path, sorted, true) : '') +
    formatter.fileEnded(path, sorted.length === 0) +
    formatter.finish();
  if (format === 'text') return `${written}${summaryLine(path, outcome)}\n`;
  const preview = previewJson(outcome);
  const log = JSON.parse(written) as { files?: { preview?: unknown }[]; runs?: { properties?: unknown }[] };
  // The preview goes where each format keeps what is its own: beside the file's diagnostics, or in the run's
  // property bag (SARIF's place for what its schema does not name).
  if (format === 'json' && log.files?.[0]) log.files[0].preview = preview;
  if (format === 'sarif' && log.runs?.[0]) log.runs[0].properties = { preview };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function summaryLine(path: string, outcome: DryRunOutcome): string {
  if (outcome.kind === 'refusedBeforeSending') {
    const errors = `${outcome.errors} ${outcome.errors === 1 ? 'error' : 'errors'}`;
    return `Preview of ${path}: the import would be refused before sending (${errors}; see "${TOOL_NAME} check"). Nothing was sent.`;
  }
  const { host, preview } = outcome;
  const said = preview.outcome === 'import' ? `${previewCountsText(preview)}.` : oneLine(preview.message);
  return `Preview of ${path} on ${host}: ${said} Nothing was imported.`;
}

function previewJson(outcome: DryRunOutcome): Record<string, unknown> {
  if (outcome.kind === 'refusedBeforeSending') {
    return { outcome: 'refusedBeforeSending', created: 0, updated: 0, unchanged: 0, failed: 0, rows: [] };
  }
  const { host, preview } = outcome;
  return {
    endpoint: host,
    outcome: preview.outcome,
    created: preview.created,
    updated: preview.updated,
    unchanged: preview.unchanged,
    failed: preview.failed,
    ...(preview.outcome === 'import' ? {} : { message: preview.message }),
    rows: preview.rows,
  };
}
