/**
 * What the header row says: the column each field names, the field of each known column, how wide the header is,
 * and whether it is plainly a subscriber header. Made once per header (a changed header makes a new one) from
 * whichever source the records come from; rules, hover, completion and fixes read it. Only the first `CELL_LIMIT`
 * fields are kept: a wider header is reported once (`too-many-columns`) and its other fields are never made into
 * objects.
 */
import { COLUMNS, findColumn, type ColumnName, type ColumnSpec, type RowType } from '../columns';
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
  /** True when the header names at least one known column: then its data rows are checked. */
  readonly looksLikeSubscriberFile: boolean;
  /**
   * True when the header is plainly a subscriber header (`isPlainlySubscriberHeader`): a `.csv` that nobody said is
   * a subscriber file is served only then, so that unrelated CSV files sharing a column name are left alone.
   */
  readonly plainlySubscriberHeader: boolean;
  /**
   * When the whole header is one quoted cell holding the column names ("Type,FirstName,LastName"), that cell's
   * value: the header as it was meant.
   */
  readonly quotedAsOneCell: string | undefined;
  /** One past the last field with a name (every field when the header is wider than what is kept). */
  readonly namedWidth: number;
  /** The fields whose header cell is empty. */
  readonly unnamedFields: readonly number[];
  /** The fields naming a column the header already named, with the field of its first occurrence. */
  readonly repeatedFields: readonly { readonly field: number; readonly first: number }[];
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
    const unnamed: number[] = [];
    const repeated: { field: number; first: number }[] = [];
    let lastNamed = -1;
    this.columnOfField.forEach((column, field) => {
      if (this.cells[field].value.trim() === '') unnamed.push(field);
      else lastNamed = field;
      if (!column) return;
      const first = this.fields.get(column.name);
      if (first === undefined) this.fields.set(column.name, field);
      else repeated.push({ field, first });
    });
    this.unnamedFields = unnamed;
    this.repeatedFields = repeated;
    this.namedWidth = this.width > this.cells.length ? this.width : lastNamed + 1;
    this.looksLikeSubscriberFile = this.fields.size > 0;
    this.quotedAsOneCell = quotedHeaderValue(this.cells);
    // A header of one cell may be a quoted header or one written with another delimiter: its names are split.
    const names = this.cells.length === 1 ? splitNames(this.cells[0].value) : this.cells.map((cell) => cell.value);
    this.plainlySubscriberHeader = isPlainlySubscriberHeader(names);
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

/** The columns that identify a subscriber file by themselves: the page's mandatory ones (Type, LastName). */
const IDENTIFYING = COLUMNS.filter((column) => column.requiredColumn);
/** How many import columns a header must name, one of them identifying, to be a subscriber header without both. */
const PLAIN_HEADER_MIN_COLUMNS = 3;

/**
 * True when header names are plainly those of a subscriber file: every identifying column (Type and LastName), or
 * at least three import columns of which one is identifying. `Name,Email,Phone`, `key,type,value` and
 * `id,name,email,created_at` each share one name with the import, and are not.
 */
export function isPlainlySubscriberHeader(names: readonly string[]): boolean {
  const named = new Set<ColumnSpec>();
  for (const name of names) {
    const column = findColumn(name);
    if (column) named.add(column);
  }
  const identifying = IDENTIFYING.filter((column) => named.has(column)).length;
  if (identifying === IDENTIFYING.length) return true;
  return identifying > 0 && named.size >= PLAIN_HEADER_MIN_COLUMNS;
}

/** A one-cell header's names, split at commas, semicolons or tabs (a quoted header, or another delimiter). */
function splitNames(value: string): string[] {
  return value.split(/[,;\t]/);
}

/** The value of a header that is one quoted cell holding comma-separated import column names; else undefined. */
function quotedHeaderValue(cells: readonly CsvCell[]): string | undefined {
  if (cells.length !== 1 || !cells[0].quoted) return undefined;
  const value = cells[0].value;
  if (!value.includes(',')) return undefined;
  return value.split(',').some((name) => findColumn(name) !== undefined) ? value : undefined;
}
