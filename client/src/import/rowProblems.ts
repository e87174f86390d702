/**
 * Turns what the endpoint said about rows (a 200 with failed rows, a 409's conflicting rows, a 400's problems) into
 * line ranges of the uploaded text. Pure: the caller makes editor diagnostics of them.
 */

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

/** One problem on one line of the uploaded text; characters are UTF-16 offsets, like editor positions. */
export interface LineProblem {
  /** Zero-based line. */
  line: number;
  startCharacter: number;
  endCharacter: number;
  message: string;
  /** The endpoint's code for a 400 problem; `import-failed` or `import-conflict` for a refused row. */
  code: string;
}

export type RowProblemCode = 'import-failed' | 'import-conflict';

/** The rows that failed, each as a problem on the line where the row starts. */
export function problemsOfRows(rows: readonly ReportedRow[], text: string, code: RowProblemCode): LineProblem[] {
  const lengths = lineLengths(text);
  return rows
    .filter((row) => row.status === 'failed')
    .map((row) =>
      onLine(
        lengths,
        lineIndex(row.line, row.row),
        code,
        withColumn(row.column, row.reason || 'The endpoint refused this row.'),
      ),
    );
}

/** The problems of a file refused as a whole; a problem with no line sits on the header. */
export function problemsOfFile(problems: readonly ReportedProblem[], text: string): LineProblem[] {
  const lengths = lineLengths(text);
  return problems.map((problem) =>
    onLine(
      lengths,
      lineIndex(problem.line, 0),
      problem.code || 'import-rejected',
      withColumn(problem.column, problem.message),
    ),
  );
}

function withColumn(column: string | null | undefined, message: string): string {
  return column ? `${column}: ${message}` : message;
}

/** Zero-based line from the 1-based `line`, or from the data row when the line is missing (a row per line). */
function lineIndex(line: number | null | undefined, row: number): number {
  if (typeof line === 'number' && Number.isInteger(line) && line >= 1) return line - 1;
  return Number.isInteger(row) && row >= 0 ? row : 0;
}

function onLine(lengths: readonly number[], line: number, code: string, message: string): LineProblem {
  // A line past the end (the text changed, or the endpoint counts differently) lands on the last line rather than
  // outside the document.
  const clamped = Math.min(line, lengths.length - 1);
  return { line: clamped, startCharacter: 0, endCharacter: lengths[clamped], message, code };
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}
