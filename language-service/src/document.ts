/**
 * The document model as adapters see it: opaque, with the queries they need and nothing they could change. The
 * library keeps its own fields (the record table, the header, what validation found) out of sight.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { ColumnName, RowType } from './columns';
import type { EntryName } from './knownHolders';

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
  /**
   * Where the data row holding 0-based `line` is, and what it names: for putting an endpoint's answer about a row
   * (its line, a column name) on the row's cell. Undefined on the header, before it, or past the last row.
   */
  rowPlace(line: number, column?: string | null): RowPlace | undefined;
}

export interface RowPlace {
  /** 1-based data row, as the import counts them. */
  row: number;
  /** From the row's first character to the end of its content. */
  range: Range;
  /** The cell of the column asked about, when the header names that column and the row has the cell. */
  cell?: Range;
  /** `Ann Lee, ext 101`, as the outline names the row. */
  label: string;
  type: RowType | undefined;
  /** The row's Extension; empty when it has none. */
  extension: string;
  /** The row's values in the columns that name an entry (`namesEntry`). */
  entryName: EntryName;
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
