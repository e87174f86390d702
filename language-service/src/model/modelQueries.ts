/**
 * The small questions the column-aware features (symbols, tokens, hints, folding, the cell and the row form) ask
 * of the document model, in one place: these features read the model only through this file, so a change to how
 * the model keeps records touches this file and not each feature.
 */
import type { Position } from 'vscode-languageserver-types';
import type { ColumnName, ColumnSpec, RowType } from '../columns';
import { RECORD_BLANK, RECORD_UNTERMINATED } from '../csv/recordTable';
import type { RowView } from '../csv/rowView';
import type { SubscriberModel } from './subscriberModel';

/** Index of the header record, or -1 when the file has none (empty, or blank lines only). */
export function headerIndexOf(model: SubscriberModel): number {
  return model.headerIndex;
}

export function recordCount(model: SubscriberModel): number {
  return model.records.count;
}

/** Offset of the record's first character. */
export function recordStart(model: SubscriberModel, index: number): number {
  return model.records.starts[index];
}

/** Offset just past the record's content (before its line break; at the quote that never closes). */
export function recordEnd(model: SubscriberModel, index: number): number {
  return model.records.ends[index];
}

/**
 * The record's id: it stays the same while the record's text does (edits elsewhere move it, not change it) and is
 * never given to another record, so what was read from a record can be kept under it.
 */
export function recordIdOf(model: SubscriberModel, index: number): number {
  return model.records.ids[index];
}

/** What the header means, as one object: a new one whenever the header row changes. */
export function headerOf(model: SubscriberModel): object | undefined {
  return model.header;
}

export function isBlankRecord(model: SubscriberModel, index: number): boolean {
  return (model.records.flags[index] & RECORD_BLANK) !== 0;
}

/** How many records of `[from, to]` are not blank, and the first of them (-1 when none): one pass over the flags. */
export function nonBlankRecords(model: SubscriberModel, from: number, to: number): { count: number; first: number } {
  const flags = model.records.flags;
  let count = 0;
  let first = -1;
  for (let index = from; index <= to; index++) {
    if ((flags[index] & RECORD_BLANK) !== 0) continue;
    if (first < 0) first = index;
    count++;
  }
  return { count, first };
}

/** A quote opened in this record never closes: it has only the cells before that quote. */
export function isUnterminatedRecord(model: SubscriberModel, index: number): boolean {
  return (model.records.flags[index] & RECORD_UNTERMINATED) !== 0;
}

/** The record whose content (its end included) holds `offset`, or -1 (a line break, or past the last record). */
export function recordIndexOfOffset(model: SubscriberModel, offset: number): number {
  return model.recordIndexAt(offset);
}

/** The last record starting at or before `offset` (-1 before the first): for ranges, which may start anywhere. */
export function recordIndexFrom(model: SubscriberModel, offset: number): number {
  return model.records.indexAt(offset);
}

/**
 * The cells of record `index`. Pass a view of your own when reading two records at once: the default view is
 * shared and holds the last record read.
 */
export function cellsOf(model: SubscriberModel, index: number, view?: RowView): RowView {
  return model.row(index, view);
}

/** How many cells the header has. */
export function headerWidth(model: SubscriberModel): number {
  return model.header?.cells.length ?? 0;
}

/** The import column the header names at `field`, if it names one. */
export function columnAtField(model: SubscriberModel, field: number): ColumnSpec | undefined {
  return model.header?.columnOfField[field];
}

/** The header's text at `field`, trimmed: an import column's own spelling when the header names one. */
export function headerNameAt(model: SubscriberModel, field: number): string {
  return columnAtField(model, field)?.name ?? model.header?.cells[field]?.value.trim() ?? '';
}

/** The header field of an import column (its first occurrence), by the column's name. */
export function fieldOfColumn(model: SubscriberModel, columnName: ColumnName): number | undefined {
  return model.header?.fieldOf(columnName);
}

/** The row's type, when its Type cell names one (in any letter case). */
export function rowTypeOf(model: SubscriberModel, cells: RowView): RowType | undefined {
  return model.header?.rowTypeOf(cells);
}

/** The text between two offsets, as it stands in the document (quotes included). */
export function textBetween(model: SubscriberModel, start: number, end: number): string {
  return model.source.text?.slice(start, end) ?? model.source.slice(start, end);
}

export function positionOf(model: SubscriberModel, offset: number): Position {
  return model.document.positionAt(offset);
}

export function offsetOf(model: SubscriberModel, position: Position): number {
  return model.document.offsetAt(position);
}

export function documentUri(model: SubscriberModel): string {
  return model.document.uri;
}

export function documentVersion(model: SubscriberModel): number {
  return model.document.version;
}

/** How many lines the document has. */
export function lineCountOf(model: SubscriberModel): number {
  return model.document.lineCount;
}
