/**
 * Turns what the endpoint said about rows (a 200 with failed rows, a 409's conflicting rows, a 400's problems) into
 * ranges of the uploaded text: the cell of the column it names when the server could place it, else the row's
 * line. Each refusal names its column once (`rowReason`). Pure: the caller makes editor diagnostics of them.
 */
import { rowReason } from '../../../common/importClient/rowText';

/** A row result as the endpoint reports it: `row` is the 1-based data row, `line` the 1-based line it starts on. */
export interface ReportedRow {
  row: number;
  line?: number | null;
  status: string;
  column?: string | null;
  reason?: string | null;
}

/** A problem of a file refused as a whole (400). */
export interface ReportedProblem {
  line?: number | null;
  column?: string | null;
  code?: string | null;
  message: string;
}

/** Where a cell is; characters are UTF-16 offsets, like editor positions; lines are zero-based. */
export interface CellRange {
  line: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** One problem on the uploaded text: on a cell when it could be placed, else on its whole line. */
export interface LineProblem extends CellRange {
  message: string;
  /** The endpoint's code for a 400 problem; `import-failed` or `import-conflict` for a refused row. */
  code: string;
}

export type RowProblemCode = 'import-failed' | 'import-conflict';

/** Finds the cell an answer is about (the server's `importRows`), when it can. */
export type CellFinder = (line: number | null | undefined, column: string | null | undefined) => CellRange | undefined;

/** The rows that failed, each as a problem on its cell, or on the line where the row starts. */
export function problemsOfRows(
  rows: readonly ReportedRow[],
  text: string,
  code: RowProblemCode,
  cellOf: CellFinder = () => undefined,
): LineProblem[] {
  const lengths = lineLengths(text);
  return rows
    .filter((row) => row.status === 'failed')
    .map((row) => ({
      ...(cellOf(row.line, row.column) ?? wholeLine(lengths, lineIndex(row.line, row.row))),
      message: rowReason({ column: row.column, reason: row.reason ?? undefined }),
      code,
    }));
}

/** The problems of a file refused as a whole; a problem with no line sits on the header. */
export function problemsOfFile(
  problems: readonly ReportedProblem[],
  text: string,
  cellOf: CellFinder = () => undefined,
): LineProblem[] {
  const lengths = lineLengths(text);
  return problems.map((problem) => ({
    ...(cellOf(problem.line, problem.column) ?? wholeLine(lengths, lineIndex(problem.line, 0))),
    message: rowReason({ column: problem.column, reason: problem.message }),
    code: problem.code || 'import-rejected',
  }));
}

/** Zero-based line from the 1-based `line`, or from the data row when the line is missing (a row per line). */
function lineIndex(line: number | null | undefined, row: number): number {
  if (typeof line === 'number' && Number.isInteger(line) && line >= 1) return line - 1;
  return Number.isInteger(row) && row >= 0 ? row : 0;
}

function wholeLine(lengths: readonly number[], line: number): CellRange {
  // A line past the end (the text changed, or the endpoint counts differently) lands on the last line rather than
  // outside the document.
  const clamped = Math.min(line, lengths.length - 1);
  return { line: clamped, startCharacter: 0, endLine: clamped, endCharacter: lengths[clamped] };
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}
