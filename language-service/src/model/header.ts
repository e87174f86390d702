/**
 * What the header row says: the column each field names, the field of each known column, how wide the header is.
 * Made once per header (a changed header makes a new one) from whichever source the records come from; rules,
 * hover, completion and fixes read it. Only the first `CELL_LIMIT` fields are kept: a wider header is reported
 * once (`too-many-columns`) and its other fields are never made into objects.
 */
import { findColumn, type ColumnName, type ColumnSpec, type RowType } from '../columns';
import type { CsvCell } from '../csv/csvModel';
import type { RowView } from '../csv/rowView';

export class Header {
  /** Index of the header record in the file (blank records may come before it). */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** The header's cells as objects, the kept ones only. */
  readonly cells: readonly CsvCell[];
  /** How many fields the header has, counted past the kept ones. */
  readonly width: number;
  /** The column each kept field names (undefined for unknown or blank names). */
  readonly columnOfField: readonly (ColumnSpec | undefined)[];
  /** True when the header names at least one known column. */
  readonly looksLikeSubscriberFile: boolean;
  /** The field of each known column (its first occurrence). */
  private readonly fields = new Map<ColumnName, number>();
  private readonly selections = new Map<string, readonly number[]>();

  constructor(row: RowView) {
    this.index = row.index;
    this.start = row.start;
    this.end = row.end;
    this.width = row.cellCount;
    this.cells = row.toRecord().cells;
    this.columnOfField = this.cells.map((cell) => findColumn(cell.value));
    this.columnOfField.forEach((column, field) => {
      if (column && !this.fields.has(column.name)) this.fields.set(column.name, field);
    });
    this.looksLikeSubscriberFile = this.fields.size > 0;
  }

  /** How many known columns the header names. */
  get knownColumnCount(): number {
    return this.fields.size;
  }

  /** The field of a known column, if the header has it. */
  fieldOf(name: ColumnName): number | undefined {
    return this.fields.get(name);
  }

  /**
   * The fields whose column has an attribute (`selection` names the question, so that its answer is found once per
   * header): rules read attributes of the table, never a column's name.
   */
  fieldsWhere(selection: string, test: (column: ColumnSpec) => boolean): readonly number[] {
    let fields = this.selections.get(selection);
    if (!fields) {
      const found: number[] = [];
      for (const [field, column] of this.columnOfField.entries()) if (column && test(column)) found.push(field);
      this.selections.set(selection, found);
      fields = found;
    }
    return fields;
  }

  /** The first field whose column has an attribute, if the header has one. */
  fieldWhere(selection: string, test: (column: ColumnSpec) => boolean): number | undefined {
    return this.fieldsWhere(selection, test)[0];
  }

  /** The trimmed value of a row under a named column; empty when the header or the row lacks it. */
  valueOf(row: RowView, name: ColumnName): string {
    const field = this.fields.get(name);
    return field === undefined ? '' : row.value(field).trim();
  }

  /** The row's type when the cell of the column that says it (Type) names one, in any letter case. */
  rowTypeOf(row: RowView): RowType | undefined {
    const field = this.fieldWhere('definesRowType', (column) => column.definesRowType === true);
    if (field === undefined) return undefined;
    const value = row.value(field).trim().toLowerCase();
    const choice = this.columnOfField[field]?.choices?.find((candidate) => candidate.value.toLowerCase() === value);
    return choice?.value as RowType | undefined;
  }
}
