/**
 * The document model every feature reads: the parsed CSV plus what its header means.
 * Built once per document version; validation, hover, completion and fixes never re-parse.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findColumn, type ColumnSpec, type RowType } from './columns';
import type { CsvCell, CsvRecord, ParsedCsv } from './csv/csvModel';
import { parseCsv } from './csv/parseCsv';

export interface SubscriberModel {
  document: TextDocument;
  csv: ParsedCsv;
  /** The header row: the first record that is not blank. */
  header: CsvRecord | undefined;
  /** The column each header field names, by field index (undefined for unknown or blank names). */
  columnOfField: (ColumnSpec | undefined)[];
  /** The field index of each known column, by canonical name (its first occurrence). */
  fieldOfColumn: Map<string, number>;
  /** The records after the header. */
  dataRows: CsvRecord[];
  /** Records before the header that are blank (leading empty lines). */
  leadingBlankRows: CsvRecord[];
  /** True when the header names at least one known column. */
  looksLikeSubscriberFile: boolean;
}

export function buildModel(document: TextDocument): SubscriberModel {
  const csv = parseCsv(document.getText());
  const headerIndex = csv.records.findIndex((record) => !record.blank);
  const header = headerIndex < 0 ? undefined : csv.records[headerIndex];
  const columnOfField = header ? header.cells.map((cell) => findColumn(cell.value)) : [];
  const fieldOfColumn = new Map<string, number>();
  columnOfField.forEach((column, field) => {
    if (column && !fieldOfColumn.has(column.name)) fieldOfColumn.set(column.name, field);
  });
  return {
    document,
    csv,
    header,
    columnOfField,
    fieldOfColumn,
    dataRows: headerIndex < 0 ? [] : csv.records.slice(headerIndex + 1),
    leadingBlankRows: headerIndex < 0 ? csv.records : csv.records.slice(0, headerIndex),
    looksLikeSubscriberFile: fieldOfColumn.size > 0,
  };
}

/** The cell of a row under a named column, if the header has the column and the row reaches it. */
export function cellOf(model: SubscriberModel, row: CsvRecord, columnName: string): CsvCell | undefined {
  const field = model.fieldOfColumn.get(columnName);
  return field === undefined ? undefined : row.cells[field];
}

/** The trimmed value of a row under a named column; empty when the column or the cell is missing. */
export function valueOf(model: SubscriberModel, row: CsvRecord, columnName: string): string {
  return cellOf(model, row, columnName)?.value.trim() ?? '';
}

/** The row's type when its Type cell names one exactly or in another case. */
export function rowTypeOf(model: SubscriberModel, row: CsvRecord): RowType | undefined {
  const type = valueOf(model, row, 'Type').toLowerCase();
  if (type === 'user') return 'User';
  if (type === 'location') return 'Location';
  return undefined;
}

/** Finds the record holding an offset, by binary search over record starts. */
export function recordAt(model: SubscriberModel, offset: number): CsvRecord | undefined {
  const records = model.csv.records;
  let low = 0;
  let high = records.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const record = records[mid];
    if (offset < record.start) high = mid - 1;
    else if (offset > record.end) low = mid + 1;
    else return record;
  }
  return undefined;
}

/** Finds the cell of a record holding an offset (a cell's end counts, so a cursor after the text is in it). */
export function cellAt(record: CsvRecord, offset: number): CsvCell | undefined {
  return record.cells.find((cell) => offset >= cell.start && offset <= cell.end);
}
