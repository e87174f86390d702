/**
 * The document model every feature reads: where each record sits (a compact table), which record is the header
 * and what its columns mean. Built once per document and then brought up to date edit by edit
 * (`updateModel`): only the records an edit touches are read again, and when a quote changes where records end,
 * reading goes on until the old record boundaries line up again (or to the end of the file).
 *
 * Cells are not kept: a `RowView` finds them when a record is read, and `record()` builds a record as objects
 * for the one row a request is about.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findColumn, type ColumnSpec, type RowType } from './columns';
import type { CsvCell, CsvRecord } from './csv/csvModel';
import { RECORD_BLANK, RecordTable, readRecords, scanRecords } from './csv/recordTable';
import { RowView } from './csv/rowView';
import { bomLengthOf } from './csv/scanCsv';
import { textSourceOf, type TextChange, type TextSource } from './text/textSource';

/** A record replaced by an edit and not read again yet (only while `updateModel` runs). */
const RECORD_STALE = 4;
/** How much text is read at a time when records are read again after an edit. */
const WINDOW = 8 * 1024;

/** Told when records are replaced, so that what was derived from them (findings, indexes) follows. */
export interface RecordsListener {
  recordsReplaced(at: number, removedIds: Int32Array, added: number): void;
}

export class SubscriberModel {
  document: TextDocument;
  source: TextSource;
  records: RecordTable;
  bomLength = 0;
  /** Index of the header record (the first record that is not blank), or -1. */
  headerIndex = -1;
  /** The header row, as objects. */
  header: CsvRecord | undefined;
  /** The column each header field names, by field index (undefined for unknown or blank names). */
  columnOfField: (ColumnSpec | undefined)[] = [];
  /** The field index of each known column, by canonical name (its first occurrence). */
  fieldOfColumn = new Map<string, number>();
  /** True when the header names at least one known column. */
  looksLikeSubscriberFile = false;
  /** Whatever validation keeps about this model; dropped when the header changes. */
  checks: RecordsListener | undefined;
  private readonly view = new RowView();
  /** Records built as objects since the last change, so that a record is the same object every time it is asked for. */
  private readonly built = new Map<number, CsvRecord>();

  constructor(document: TextDocument) {
    this.document = document;
    this.source = textSourceOf(document);
    this.records = new RecordTable();
    this.readAll();
  }

  /** Loads record `index` into `view` (a shared view by default: read it before loading another record). */
  row(index: number, view: RowView = this.view): RowView {
    const records = this.records;
    const start = records.starts[index];
    const end = records.ends[index];
    const text = this.source.text;
    if (text !== undefined) return view.load(text, 0, index, start, end, records.flags[index]);
    return view.load(this.source.slice(start, end), start, index, start, end, records.flags[index]);
  }

  /** Record `index` with its cells as objects; the same object until the model changes. */
  record(index: number): CsvRecord {
    let record = this.built.get(index);
    if (!record) {
      record = this.row(index, new RowView()).toRecord();
      this.built.set(index, record);
    }
    return record;
  }

  /** Forgets records built as objects: called whenever the records change. */
  changed(): void {
    this.built.clear();
  }

  /** The records after the header, as objects. Builds every one of them: for tests and small files. */
  get dataRows(): CsvRecord[] {
    const rows: CsvRecord[] = [];
    for (let index = this.headerIndex + 1; index < this.records.count && this.headerIndex >= 0; index++) {
      rows.push(this.record(index));
    }
    return rows;
  }

  /** The blank records before the header (all records when there is no header), as objects. */
  get leadingBlankRows(): CsvRecord[] {
    const end = this.headerIndex < 0 ? this.records.count : this.headerIndex;
    const rows: CsvRecord[] = [];
    for (let index = 0; index < end; index++) rows.push(this.record(index));
    return rows;
  }

  readAll(): void {
    const text = this.source.text ?? this.document.getText();
    this.bomLength = bomLengthOf(text);
    this.records = readRecords(text);
    this.checks = undefined;
    this.changed();
    this.readHeader();
  }

  readHeader(): void {
    const { count, flags } = this.records;
    let headerIndex = 0;
    while (headerIndex < count && flags[headerIndex] & RECORD_BLANK) headerIndex++;
    this.headerIndex = headerIndex < count ? headerIndex : -1;
    this.header = this.headerIndex < 0 ? undefined : this.record(this.headerIndex);
    this.columnOfField = this.header ? this.header.cells.map((cell) => findColumn(cell.value)) : [];
    this.fieldOfColumn = new Map();
    this.columnOfField.forEach((column, field) => {
      if (column && !this.fieldOfColumn.has(column.name)) this.fieldOfColumn.set(column.name, field);
    });
    this.looksLikeSubscriberFile = this.fieldOfColumn.size > 0;
  }
}

export function buildModel(document: TextDocument): SubscriberModel {
  return new SubscriberModel(document);
}

/**
 * Brings a model up to date with `document`, the text after `changes` (in offsets, each applied to the text the
 * ones before it produced). Records the changes touch are marked first, then read again from the final text.
 */
export function updateModel(model: SubscriberModel, document: TextDocument, changes: readonly TextChange[]): void {
  model.document = document;
  model.source = textSourceOf(document);
  if (changes.length === 0) return;
  model.changed();
  const records = model.records;
  records.onSplice = (at, removedIds, added) => model.checks?.recordsReplaced(at, removedIds, added);
  let headerTouched = model.headerIndex < 0;
  const stale: number[] = [];
  try {
    for (const change of changes) {
      // An edit at the very start may add or remove a byte order mark: read everything again.
      if (records.count === 0 || change.start === 0 || change.start < records.starts[0]) {
        model.readAll();
        return;
      }
      const first = records.indexAt(change.start);
      const last = Math.max(first, records.indexAt(change.end));
      if (first <= model.headerIndex) headerTouched = true;
      if (headerTouched) model.checks = undefined;
      const delta = change.text.length - (change.end - change.start);
      records.splice(first, last - first + 1, [records.starts[first], records.starts[first], RECORD_STALE], delta);
      stale.push(records.ids[first]);
    }
    // Read the stale records again from the first; reading one may take in the ones after it.
    const ids = stale
      .map((id) => records.indexOf(id))
      .filter((index) => index >= 0)
      .sort((a, b) => a - b)
      .map((index) => records.ids[index]);
    for (const id of ids) {
      const index = records.indexOf(id);
      if (index >= 0) readAgain(model, index);
    }
  } finally {
    records.onSplice = undefined;
  }
  if (headerTouched) {
    model.checks = undefined;
    model.readHeader();
  }
}

/**
 * Reads the text again from the record before stale record `stale` until a record starts where an unchanged
 * record starts (from there on nothing changed), and puts what it read in place.
 */
function readAgain(model: SubscriberModel, stale: number): void {
  const records = model.records;
  const source = model.source;
  const from = stale > 0 ? stale - 1 : stale;
  const added: number[] = [];
  let next = stale + 1;
  let synced = false;
  const onRecord = (start: number, end: number, flags: number): boolean => {
    while (next < records.count && records.starts[next] < start) next++;
    if (next < records.count && records.starts[next] === start && !(records.flags[next] & RECORD_STALE)) {
      synced = true;
      return false;
    }
    added.push(start, end, flags);
    return true;
  };
  let pos = records.starts[from];
  if (source.text !== undefined) {
    scanRecords(source.text, pos, onRecord);
  } else {
    let window = WINDOW;
    for (;;) {
      const windowEnd = Math.min(source.length, pos + window);
      const atEnd = windowEnd >= source.length;
      const text = source.slice(pos, windowEnd);
      const base = pos;
      const stopped = scanRecords(text, 0, (start, end, flags) => onRecord(start + base, end + base, flags), atEnd);
      if (synced || atEnd) break;
      // A record reaches past the window: read on from it with a larger window.
      if (stopped === 0) window *= 4;
      pos = base + stopped;
    }
  }
  const end = synced ? next : records.count;
  records.splice(from, end - from, added, 0);
}

/** The cell of a row under a named column, if the header has the column and the row reaches it. */
export function cellOf(model: SubscriberModel, row: RowView | CsvRecord, columnName: string): CsvCell | undefined {
  const field = model.fieldOfColumn.get(columnName);
  if (field === undefined) return undefined;
  return row instanceof RowView ? row.cell(field) : row.cells[field];
}

/** The trimmed value of a row under a named column; empty when the column or the cell is missing. */
export function valueOf(model: SubscriberModel, row: RowView | CsvRecord, columnName: string): string {
  const field = model.fieldOfColumn.get(columnName);
  if (field === undefined) return '';
  return (row instanceof RowView ? row.value(field) : (row.cells[field]?.value ?? '')).trim();
}

/** The row's type when its Type cell names one exactly or in another case. */
export function rowTypeOf(model: SubscriberModel, row: RowView | CsvRecord): RowType | undefined {
  const type = valueOf(model, row, 'Type').toLowerCase();
  if (type === 'user') return 'User';
  if (type === 'location') return 'Location';
  return undefined;
}

/** Finds the record holding an offset, as objects; a record's line break belongs to no record. */
export function recordAt(model: SubscriberModel, offset: number): CsvRecord | undefined {
  const index = recordIndexAt(model, offset);
  return index < 0 ? undefined : model.record(index);
}

/** The index of the record whose content (its end included) holds `offset`, or -1. */
export function recordIndexAt(model: SubscriberModel, offset: number): number {
  const index = model.records.indexAt(offset);
  return index >= 0 && offset <= model.records.ends[index] ? index : -1;
}

/** Finds the cell of a record holding an offset (a cell's end counts, so a cursor after the text is in it). */
export function cellAt(record: CsvRecord, offset: number): CsvCell | undefined {
  return record.cells.find((cell) => offset >= cell.start && offset <= cell.end);
}
