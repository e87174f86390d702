/**
 * The document model every feature reads: where each record sits (a compact table), which record is the header
 * and what its columns mean. Built once per document and then brought up to date edit by edit
 * (`updateModel`): only the records an edit touches are read again, and when a quote changes where records end,
 * reading goes on until the old record boundaries line up again (or to the end of the file).
 *
 * Cells are not kept: a `RowView` finds them when a record is read.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import type { ColumnName } from '../columns';
import { RECORD_BLANK, RecordTable, readRecords, scanRecords } from '../csv/recordTable';
import { RowView } from '../csv/rowView';
import { lineEndOf } from '../csv/scanCsv';
import { textSourceOf, type TextChange, type TextSource } from '../text/textSource';
import type { DataRow, RowCounts, RowPlace, SubscriberDocument } from '../document';
import { holdsSuspects } from '../values/textEncoding';
import {
  columnAtPosition,
  columnsOf,
  dataRowsOf,
  rowAtPosition,
  rowCountsOf,
  rowPlaceAt,
  secretValuesOf,
} from './documentQueries';
import { Header } from './header';

/** A record replaced by an edit and not read again yet (only while `updateModel` runs). */
const RECORD_STALE = 4;
/** How much text is read at a time when records are read again after an edit. */
const WINDOW = 8 * 1024;

/** Told when records are replaced, so that what was derived from them (findings, indexes) follows. */
export interface RecordsListener {
  recordsReplaced(at: number, removedIds: Int32Array, added: number): void;
}

/**
 * The editor's source of records. Its fields belong to the library: adapters see it only as the opaque
 * `SubscriberDocument` (`document.ts`), whose queries are answered in `documentQueries.ts`.
 */
export class SubscriberModel implements SubscriberDocument {
  document: TextDocument;
  source: TextSource;
  records: RecordTable;
  /** The header, or undefined when every record is blank. */
  header: Header | undefined;
  /** Whatever validation keeps about this model; dropped when the header changes. */
  checks: RecordsListener | undefined;
  private readonly view = new RowView();
  /** Whether the text holds a NUL or U+FFFD, once looked for in this version. */
  private suspects: boolean | undefined;

  constructor(document: TextDocument) {
    this.document = document;
    this.source = textSourceOf(document);
    this.records = new RecordTable();
    this.readAll();
  }

  rowCounts(): RowCounts {
    return rowCountsOf(this);
  }

  dataRows(): DataRow[] {
    return dataRowsOf(this);
  }

  rowAt(position: Position): DataRow | undefined {
    return rowAtPosition(this, position);
  }

  columnAt(position: Position): ColumnName | undefined {
    return columnAtPosition(this, position);
  }

  columns(): ColumnName[] {
    return columnsOf(this);
  }

  rowPlace(line: number, column?: string | null): RowPlace | undefined {
    return rowPlaceAt(this, line, column);
  }

  secretValues(): string[] {
    return secretValuesOf(this);
  }

  /** Index of the header record (the first record that is not blank), or -1. */
  get headerIndex(): number {
    return this.header?.index ?? -1;
  }

  /** True when the header is plainly a subscriber header: enough to serve a file nobody said is one. */
  get plainlySubscriberHeader(): boolean {
    return this.header?.plainlySubscriberHeader === true;
  }

  /** The index of the record whose content (its end included) holds `offset`, or -1. */
  recordIndexAt(offset: number): number {
    const index = this.records.indexAt(offset);
    return index >= 0 && offset <= this.records.ends[index] ? index : -1;
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

  /** Forgets what was derived from the text: called whenever the records change. */
  changed(): void {
    this.suspects = undefined;
  }

  /** False when the text is known to hold no NUL or U+FFFD: looked for once per version of a text held whole. */
  get mayHoldSuspectCharacters(): boolean {
    const text = this.source.text;
    if (text === undefined) return true;
    this.suspects ??= holdsSuspects(text);
    return this.suspects;
  }

  /** The end of the line holding `offset`, read a little at a time from a document kept in pieces. */
  lineEnd(offset: number): number {
    const source = this.source;
    if (source.text !== undefined) return lineEndOf(source.text, offset);
    for (let window = 256; ; window *= 4) {
      const end = Math.min(source.length, offset + window);
      const found = lineEndOf(source.slice(offset, end), 0);
      if (offset + found < end || end >= source.length) return offset + found;
    }
  }

  readAll(): void {
    const text = this.source.text ?? this.document.getText();
    this.records = readRecords(text);
    this.checks = undefined;
    this.changed();
    this.readHeader();
  }

  readHeader(): void {
    const { count, flags } = this.records;
    let headerIndex = 0;
    while (headerIndex < count && flags[headerIndex] & RECORD_BLANK) headerIndex++;
    this.header = headerIndex < count ? new Header(this.row(headerIndex, new RowView())) : undefined;
  }
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
