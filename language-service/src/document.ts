/**
 * The document model as adapters see it: opaque, with the queries they need and nothing they could change. The
 * library keeps its own fields (the record table, the header, what validation found) out of sight.
 */
import type { Position } from 'vscode-languageserver-types';
import type { ColumnName, RowType } from './columns';

export interface SubscriberDocument {
  /** How many data rows there are of each type; blank rows are not counted. */
  rowCounts(): RowCounts;
  /** The data rows after the header, in order, blank ones included (`blank`). Made on demand: for small files. */
  dataRows(): DataRow[];
  /** The data row holding a position; undefined on the header, before it, or past the last row. */
  rowAt(position: Position): DataRow | undefined;
  /** The column of the header cell or the data cell holding a position, when it is a known column. */
  columnAt(position: Position): ColumnName | undefined;
  /** The known columns the header names, in header order (each once). */
  columns(): ColumnName[];
  /** The distinct values of the secret columns (PINs) on every data row, to keep out of any message. */
  secretValues(): string[];
}

export interface RowCounts {
  users: number;
  locations: number;
  /** Rows that are not blank and have no valid Type (each one also has an error). */
  otherRows: number;
}

/** One data row, read when asked for: a snapshot that does not follow later edits. */
export interface DataRow {
  /** 1-based place among the data rows, blank ones included: the import's row number. */
  readonly number: number;
  /** 0-based line of the row's first character. */
  readonly line: number;
  readonly blank: boolean;
  readonly type: RowType | undefined;
  /** The row's values in its secret columns (PINs), the empty ones left out. */
  readonly secretValues: readonly string[];
  /** The trimmed value under a column; empty when the header or the row lacks it. */
  value(column: ColumnName): string;
}
