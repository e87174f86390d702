/**
 * One record's cells, found when the record is read and sliced into values only when a rule asks. A view is
 * reused from row to row, so checking a whole file allocates the values the rules read and nothing per cell.
 *
 * Only the first `CELL_LIMIT` cells of a record are kept: a line of any width (a 30 MB row of commas) is counted,
 * not stored, so it costs bounded memory. No column past the limit is checked (`Header` reports the width once).
 */
import type { CsvCell, CsvRecord } from './csvModel';
import { RECORD_BLANK, RECORD_UNTERMINATED } from './recordTable';
import { hashSpan, SPAN_NEEDS_STRING } from '../engine/valueHash';
import { cellValue, createCellSpans, splitCells } from './scanCsv';

/** How many cells of a record are kept and checked; the import has 32 columns. */
export const CELL_LIMIT = 10_000;

export class RowView {
  /** Index of the record in the file, the header's included. */
  index = -1;
  /** Offset of the record's first character. */
  start = 0;
  /** Offset just past the record's content: before its line break, or at a quote that never closes. */
  end = 0;
  /** Every value is empty. */
  blank = false;
  /** A quote in this record never closes: only the whole cells before it are read. */
  unterminated = false;
  private text = '';
  private flags = 0;
  /** Document offset of `text[0]`. */
  private base = 0;
  /** Where the cells end: before the record's line break, or at the comma before a quote that never closes. */
  private cellsEnd = 0;
  private readonly spans = createCellSpans();
  private readonly values: (string | undefined)[] = [];

  /**
   * Reads record `index` spanning `[start, end)` from `text`, a string holding at least the record whose first
   * character is at document offset `base`. With `cellsNeeded`, only that many cells are found (and `cellCount` is
   * at most that): for a reader that wants a few columns of every row.
   */
  load(
    text: string,
    base: number,
    index: number,
    start: number,
    end: number,
    flags: number,
    cellsNeeded = Infinity,
  ): this {
    this.text = text;
    this.base = base;
    this.index = index;
    this.start = start;
    this.end = end;
    this.flags = flags;
    this.blank = (flags & RECORD_BLANK) !== 0;
    this.unterminated = (flags & RECORD_UNTERMINATED) !== 0;
    if (this.unterminated && end <= start) {
      this.spans.count = 0;
      this.spans.stored = 0;
    } else {
      // An unclosed quote opens a field: the whole cells end at the comma before it.
      this.cellsEnd = (this.unterminated ? end - 1 : end) - base;
      const limit = Math.min(CELL_LIMIT, cellsNeeded);
      splitCells(text, start - base, this.cellsEnd, this.spans, limit, cellsNeeded === Infinity);
    }
    const values = this.values;
    for (let field = 0; field < this.spans.stored; field++) values[field] = undefined;
    return this;
  }

  /** Splits the record again for `cellsNeeded` cells: for a reader that loaded it with fewer, to skip it cheaply. */
  reload(cellsNeeded = Infinity): this {
    return this.load(this.text, this.base, this.index, this.start, this.end, this.flags, cellsNeeded);
  }

  /** How many cells the record has, counted past `CELL_LIMIT` too. */
  get cellCount(): number {
    return this.spans.count;
  }

  /** How many cells are kept, and can be read: the first `CELL_LIMIT` of a wider record. */
  get keptCellCount(): number {
    return this.spans.stored;
  }

  /** Where cell `field` starts; a cell past the kept ones is found by reading the line again (slow). */
  cellStart(field: number): number {
    if (field >= this.spans.stored) return this.farCell(field).start + this.base;
    return this.spans.starts[field] + this.base;
  }

  cellEnd(field: number): number {
    if (field >= this.spans.stored) return this.farCell(field).end + this.base;
    return this.spans.ends[field] + this.base;
  }

  /** The text between two document offsets inside this record's line. */
  slice(start: number, end: number): string {
    return this.text.slice(start - this.base, end - this.base);
  }

  /** The span of a cell past the kept ones, found by splitting from the last kept one. */
  private farCell(field: number): { start: number; end: number } {
    const spans = this.spans;
    const far = createCellSpans(1);
    const skipped = field - spans.stored;
    splitCells(this.text, spans.ends[spans.stored - 1] + 1, this.cellsEnd, far, skipped + 1);
    return { start: far.starts[skipped], end: far.ends[skipped] };
  }

  /** The code unit at a document offset inside this record. */
  codeAt(offset: number): number {
    return this.text.charCodeAt(offset - this.base);
  }

  /**
   * True when cell `field`'s value is exactly its text and trimming leaves it as it is: a kept cell, not quoted, not
   * empty, starting and ending with printable ASCII other than a space. Nearly every cell of a real file is plain,
   * and a rule can read one by its span (`codeAt`) without making its value.
   */
  isPlain(field: number): boolean {
    if (field >= this.spans.stored || field < 0) return false;
    const start = this.spans.starts[field];
    const end = this.spans.ends[field];
    if (end <= start) return false;
    const first = this.text.charCodeAt(start);
    const last = this.text.charCodeAt(end - 1);
    return first > 32 && first < 127 && first !== 34 && last > 32 && last < 127;
  }

  /** True when the cell holds something other than white space (what `value(field).trim() !== ''` says). */
  hasValue(field: number): boolean {
    return this.isPlain(field) || this.value(field).trim() !== '';
  }

  /**
   * Hashes the cell's value trimmed (lowercased with `ignoreCase`) into `hashes` straight from its text when it can
   * (`hashSpan`: unquoted ASCII); says `SPAN_NEEDS_STRING` when the value must be made and hashed as a string.
   */
  hashCell(field: number, ignoreCase: boolean): number {
    if (field >= this.spans.stored || field < 0) return SPAN_NEEDS_STRING;
    return hashSpan(this.text, this.spans.starts[field], this.spans.ends[field], ignoreCase);
  }

  /** The cell's value as csv-parse reads it (unquoted); empty when the row has no such cell (or it is not kept). */
  value(field: number): string {
    if (field >= this.spans.stored || field < 0) return '';
    let value = this.values[field];
    if (value === undefined) {
      value = cellValue(this.text, this.spans.starts[field], this.spans.ends[field]);
      this.values[field] = value;
    }
    return value;
  }

  /** The cell as an object, or undefined when the row has no such cell. */
  cell(field: number): CsvCell | undefined {
    if (field >= this.spans.stored || field < 0) return undefined;
    const start = this.cellStart(field);
    return {
      field,
      value: this.value(field),
      start,
      end: this.cellEnd(field),
      quoted: this.text.charCodeAt(start - this.base) === 34,
    };
  }

  /** The cell holding an offset (a cell's end counts, so a cursor after its text is in it); -1 when none. */
  fieldAt(offset: number): number {
    // Cells start in increasing order: a binary search keeps wide rows (thousands of columns) cheap.
    let low = 0;
    let high = this.spans.stored - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.cellStart(mid) <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    // An offset past the cell's end (its record's line break) is in no cell.
    if (found >= 0 && offset > this.cellEnd(found)) return -1;
    return found;
  }

  /** The record with every kept cell as an object. */
  toRecord(): CsvRecord {
    const cells: CsvCell[] = [];
    for (let field = 0; field < this.spans.stored; field++) cells.push(this.cell(field) as CsvCell);
    const record: CsvRecord = { index: this.index, start: this.start, end: this.end, cells, blank: this.blank };
    if (this.unterminated) record.unterminated = true;
    return record;
  }
}
