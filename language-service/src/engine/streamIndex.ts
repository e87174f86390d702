/**
 * The first reading of a streamed text (or of one part of it): the header, the values that must be unique, where a
 * quote that never closes starts, and how many lines the part has. Only the cells of the unique columns are split,
 * and their values are hashed straight from the text (`valueHash.ts`): a value is made into a string only when it
 * is quoted or not ASCII. With the source's `bytes`, the reading scans the file's bytes one character each and
 * decodes nothing but those few cells and the header.
 *
 * Records are named by the line they start on, counted from the part's first line: every record starts on a line of
 * its own, so the line orders records and is what a duplicate's message names.
 */
import type { Position } from 'vscode-languageserver-types';
import { RowView } from '../csv/rowView';
import { cellValue } from '../csv/scanCsv';
import { RECORD_UNTERMINATED } from '../csv/recordTable';
import { Header } from '../model/header';
import type { ServiceSettings } from '../settings';
import { RecordChecker } from './checker';
import { ByteRecords } from './byteRecords';
import { RecordStream, type OpenRecord } from './recordStream';
import type { HeaderRecord, StreamPlace, StreamSource } from './streamSource';
import { ValueList, type Int32Allocator, type SortedValues } from './streamValues';
import type { UniqueColumn } from './uniqueValues';
import { hashSpan, hashString, SPAN_EMPTY, SPAN_HASHED } from './valueHash';

/** What a part's first reading tells the other parts: plain data, which can go to another thread. */
export interface PartSummary {
  /** How many line breaks the part holds: the next part's first line is this part's first plus these. */
  lines: number;
  /** A record of the part runs to its end without closing a quote: the next part does not start on a record. */
  runsOver: boolean;
  /** Read as bytes meant to end at `bytes.end`: where its last record ends, past that end when it crosses it. */
  bytesRead?: number;
  /** For each unique column, in the header's order: the part's values, sorted. */
  columns: SortedValues[];
}

/** What the first reading learnt. */
export interface FirstReading {
  header: Header | undefined;
  headerRecord: HeaderRecord | undefined;
  /** The checker the header calls for (whether the text is served, which columns are unique). */
  checker: RecordChecker;
  /** The unique columns, and for each the part's values with their lines (counted from the part's first line). */
  uniques: UniqueColumn[];
  values: SortedValues[];
  /** How many line breaks the part holds. */
  lines: number;
  /** A record whose quote never closes (there is at most one: it runs to the end). */
  open: OpenRecord | undefined;
  /** Where the text ends, for a text with no header. */
  endPosition: Position;
  /** Read as bytes: where the last record read ends (`PartSummary.bytesRead`). */
  bytesRead?: number;
}

/** How many first characters of the text file rules look at (`textStart`). */
const TEXT_START = 1024;
/** How many bytes are decoded to find them: more than four a character, and a character cut at the end left out. */
const TEXT_START_BYTES = 8 * TEXT_START;

/** Reads the part once (its bytes when the source has them), indexing every data row's unique values. */
export async function readFirst(
  source: StreamSource,
  settings: ServiceSettings,
  place: StreamPlace,
  allocate?: Int32Allocator,
): Promise<FirstReading> {
  const found = new Found(settings, place, source.bytes?.decode, allocate);
  const { lines, endPosition, bytesRead } = source.bytes
    ? await readBytes(source.bytes, found)
    : { ...(await readText(source, found)), bytesRead: undefined };
  // One scratch memory for sorting every column's list.
  const scratch = new Int32Array(Math.max(0, ...found.lists.map((list) => list.scratchLength)));
  return {
    header: found.header,
    headerRecord: found.headerRecord,
    checker: found.checker ?? checkerOf(undefined, settings),
    uniques: found.uniques,
    values: found.lists.map((list) => list.sorted(scratch)),
    lines,
    open: found.open,
    endPosition,
    bytesRead,
  };
}

/** What the first reading finds as it goes, whichever way the text is read. */
class Found {
  headerRecord: HeaderRecord | undefined;
  header: Header | undefined;
  checker: RecordChecker | undefined;
  uniques: UniqueColumn[] = [];
  lists: ValueList[] = [];
  open: OpenRecord | undefined;
  /** How many cells of a record are needed: those up to the last unique column, once the header is known. */
  cellsNeeded = 0;

  constructor(
    private readonly settings: ServiceSettings,
    readonly place: StreamPlace,
    /** Turns whole cells of the text read into the text's characters, when it is read as bytes. */
    private readonly decode: ((span: string) => string) | undefined,
    private readonly allocate: Int32Allocator | undefined,
  ) {
    if (place.header) this.takeHeader(place.header);
  }

  /** The number of the record before a part's first (-1 for the text's start), so that a part's records are data rows. */
  get indexBefore(): number {
    return this.place.first || !this.header ? -1 : this.header.index;
  }

  /** Takes a record as the header: the first that is not blank. `text` is as read (bytes, when they are read). */
  foundHeader(text: string, index: number, line: number, start: number, open: boolean): void {
    const record = {
      text: this.decode ? this.decode(text) : text,
      index,
      line,
      start,
      flags: open ? RECORD_UNTERMINATED : 0,
      textStart: '',
    };
    this.takeHeader(record);
  }

  /** Indexes the cell `text[start, end)` of a data row starting on `line`, as the value of unique column `column`. */
  addValue(column: number, text: string, start: number, end: number, line: number): void {
    const { ignoreCase } = this.uniques[column];
    const found = hashSpan(text, start, end, ignoreCase);
    if (found === SPAN_EMPTY) return;
    if (found !== SPAN_HASHED) {
      const raw = text.slice(start, end);
      const cell = this.decode ? this.decode(raw) : raw;
      const value = cellValue(cell, 0, cell.length).trim();
      const key = ignoreCase ? value.toLowerCase() : value;
      if (key === '') return;
      hashString(key);
    }
    this.lists[column].add(line);
  }

  /** A record whose quote at `text[quote]` never closes: the second reading finds it by its line and its quotes. */
  foundOpen(text: string, start: number, quote: number, line: number): void {
    let quotes = 0;
    for (let at = text.indexOf('"', start); at >= 0 && at <= quote; at = text.indexOf('"', at + 1)) quotes++;
    this.open = { line, quotes };
  }

  private takeHeader(record: HeaderRecord): void {
    this.headerRecord = record;
    this.header = headerOf(record);
    this.checker = checkerOf(this.header, this.settings);
    // The checker's own indexes stay empty: the sorted lists take their place.
    this.uniques = this.checker.checksRows ? this.checker.uniques.map((unique) => unique.spec) : [];
    this.lists = this.uniques.map(() => new ValueList(this.allocate));
    this.cellsNeeded = Math.max(0, ...this.uniques.map((unique) => unique.field + 1));
  }
}

/** The first reading of a text, record by record (`RecordStream`). */
async function readText(source: StreamSource, found: Found): Promise<{ lines: number; endPosition: Position }> {
  const stream = new RecordStream({ index: found.indexBefore, atTextStart: found.place.first });
  stream.cellsNeeded = found.cellsNeeded;
  const read = (row: RowView) => {
    const line = stream.line;
    const base = stream.heldStart;
    if (row.unterminated) found.foundOpen(stream.heldText, row.start - base, row.end - base, line);
    const header = found.header;
    if (!header) {
      if (row.blank) return;
      found.foundHeader(row.slice(row.start, row.end), row.index, line, row.start, row.unterminated);
      stream.cellsNeeded = found.cellsNeeded;
      return;
    }
    if (row.index <= header.index || row.blank) return;
    for (let column = 0; column < found.uniques.length; column++) {
      const field = found.uniques[column].field;
      if (field >= row.cellCount) continue;
      found.addValue(column, stream.heldText, row.cellStart(field) - base, row.cellEnd(field) - base, line);
    }
  };
  for await (const piece of source.read()) {
    stream.push(piece);
    for (let row = stream.next(); row; row = stream.next()) read(row);
  }
  stream.end();
  for (let row = stream.next(); row; row = stream.next()) read(row);
  // The header's `textStart` is the text's first characters, which may come after it.
  if (found.headerRecord && !found.place.header) found.headerRecord.textStart = stream.textStart;
  return { lines: stream.line, endPosition: stream.endPosition };
}

/** The first reading of a text's bytes (`ByteRecords`): the same, scanning one byte a character. */
async function readBytes(
  bytes: NonNullable<StreamSource['bytes']>,
  found: Found,
): Promise<{ lines: number; endPosition: Position; bytesRead: number }> {
  /** The first bytes of the text, for `textStart`. */
  let start = '';
  const records = new ByteRecords((records, from, to, blank, open) => {
    const { text, line, index, cells } = records;
    if (open) found.foundOpen(text, from, to, line);
    const header = found.header;
    if (!header) {
      if (blank) return;
      found.foundHeader(text.slice(from, to), index, line, records.base + from, open);
      records.cellsNeeded = found.cellsNeeded;
      return;
    }
    if (index <= header.index || blank) return;
    for (let column = 0; column < found.uniques.length; column++) {
      const field = found.uniques[column].field;
      if (field < cells.count) found.addValue(column, text, cells.starts[field], cells.ends[field], line);
    }
  });
  records.index = found.indexBefore;
  records.cellsNeeded = found.cellsNeeded;
  records.stopAt = bytes.end ?? Infinity;
  let reserved = bytes.size === undefined;
  for await (const piece of bytes.read()) {
    if (start.length < TEXT_START_BYTES) start += piece.slice(0, TEXT_START_BYTES - start.length);
    records.push(piece);
    const count = records.index - found.indexBefore;
    if (!reserved && count >= 100) {
      // The lists' size, guessed from the first records, so that they are not grown (and copied) step by step.
      const guess = Math.ceil((((bytes.size as number) / records.consumed) * count * 21) / 20) + 64;
      for (const list of found.lists) list.reserve(guess);
      reserved = true;
    }
    // Past the part's end (and the record crossing it): the rest belongs to the next part.
    if (records.stopped) break;
  }
  records.end();
  if (found.headerRecord && !found.place.header) found.headerRecord.textStart = textStartOf(start, bytes.decode);
  return { lines: records.line, endPosition: records.endPosition, bytesRead: records.consumed };
}

/**
 * The header record of a text, read from its start up to the header and the first characters `textStart` needs;
 * undefined when the text has none (or it does not end where the text does).
 */
export async function findHeader(source: StreamSource): Promise<HeaderRecord | undefined> {
  const stream = new RecordStream();
  let found: HeaderRecord | undefined;
  const look = (row: RowView) => {
    if (found || row.blank) return;
    found = {
      text: row.slice(row.start, row.end),
      index: row.index,
      line: stream.line,
      start: row.start,
      flags: row.unterminated ? RECORD_UNTERMINATED : 0,
      textStart: '',
    };
  };
  for await (const piece of source.read()) {
    stream.push(piece);
    for (let row = stream.next(); row && !found; row = stream.next()) look(row);
    if (found && stream.textStart.length >= TEXT_START) break;
  }
  if (!found) {
    stream.end();
    for (let row = stream.next(); row && !found; row = stream.next()) look(row);
  }
  if (found) found.textStart = stream.textStart;
  return found;
}

/** What the first reading tells the other parts. */
export function summaryOf(first: FirstReading): PartSummary {
  const summary: PartSummary = { lines: first.lines, runsOver: first.open !== undefined, columns: first.values };
  if (first.bytesRead !== undefined) summary.bytesRead = first.bytesRead;
  return summary;
}

/** The header a record makes. */
export function headerOf(record: HeaderRecord): Header {
  const row = new RowView().load(
    record.text,
    record.start,
    record.index,
    record.start,
    record.start + record.text.length,
    record.flags,
  );
  return new Header(row);
}

/** The engine for a header; records are named by their lines, already in file order. */
export function checkerOf(
  header: Header | undefined,
  settings: ServiceSettings,
  suspects?: { readonly mayHoldSuspectCharacters: boolean },
): RecordChecker {
  const source = {
    header,
    order: (id: number) => id,
    get mayHoldSuspectCharacters() {
      return suspects?.mayHoldSuspectCharacters ?? true;
    },
    editable: false,
  };
  return new RecordChecker(source, settings);
}

/** The text's first characters from its first bytes: a character cut off at their end is left out. */
function textStartOf(bytes: string, decode: (span: string) => string): string {
  const text = decode(bytes);
  return (bytes.length < TEXT_START_BYTES ? text : text.slice(0, text.length - 4)).slice(0, TEXT_START);
}
