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
  const decode = source.bytes?.decode;
  const given = place.header;
  let headerRecord = given;
  let header = given && headerOf(given);
  let checker = header && checkerOf(header, settings);
  let uniques = uniquesOf(checker);
  let lists = uniques.map(() => new ValueList());
  let open: OpenRecord | undefined;
  // A part after the first holds data rows only: its records are numbered after the header.
  const stream = new RecordStream({ index: place.first || !header ? -1 : header.index, atTextStart: place.first });
  if (checker) stream.cellsNeeded = cellsFor(uniques);
  /** The first bytes of the text, for `textStart` when it is read as bytes. */
  let bytesStart = '';
  const read = (row: RowView) => {
    if (row.unterminated) open = { line: stream.line, quotes: quotesIn(row) };
    if (!header) {
      if (row.blank) return;
      const text = row.slice(row.start, row.end);
      headerRecord = {
        text: decode ? decode(text) : text,
        index: row.index,
        line: stream.line,
        start: row.start,
        flags: row.unterminated ? RECORD_UNTERMINATED : 0,
        textStart: '',
      };
      header = headerOf(headerRecord);
      checker = checkerOf(header, settings);
      uniques = uniquesOf(checker);
      lists = uniques.map(() => new ValueList());
      // From here on only the cells of the unique columns are read.
      stream.cellsNeeded = cellsFor(uniques);
      return;
    }
    if (row.index <= header.index || row.blank || uniques.length === 0) return;
    for (let column = 0; column < uniques.length; column++) {
      if (hashCell(stream, row, uniques[column], decode)) lists[column].add(stream.line);
    }
  };
  for await (const piece of (source.bytes ?? source).read()) {
    if (decode && bytesStart.length < TEXT_START_BYTES)
      bytesStart += piece.slice(0, TEXT_START_BYTES - bytesStart.length);
    stream.push(piece);
    for (let row = stream.next(); row; row = stream.next()) read(row);
  }
  stream.end();
  for (let row = stream.next(); row; row = stream.next()) read(row);
  if (headerRecord && !given) headerRecord.textStart = decode ? textStartOf(bytesStart, decode) : stream.textStart;
  return {
    header,
    headerRecord,
    checker: checker ?? checkerOf(undefined, settings),
    uniques,
    values: lists.map((list) => list.sorted(allocate)),
    lines: stream.line,
    open,
    endPosition: stream.endPosition,
  };
}

/** How many quotes a record with an unclosed quote has up to that quote: the second reading finds it by them. */
function quotesIn(row: RowView): number {
  const text = row.slice(row.start, row.end + 1);
  let quotes = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) quotes++;
  return quotes;
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
  return { lines: first.lines, runsOver: first.open !== undefined, columns: first.values };
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

/** The unique columns whose values are indexed (the checker's own indexes stay empty: these lists replace them). */
function uniquesOf(checker: RecordChecker | undefined): UniqueColumn[] {
  return checker?.checksRows ? checker.uniques.map((unique) => unique.spec) : [];
}

function cellsFor(uniques: readonly UniqueColumn[]): number {
  return Math.max(0, ...uniques.map((unique) => unique.field + 1));
}

/**
 * Puts the hashes of a row's value under a unique column in `hashes` (`valueHash.ts`); false when the row has no
 * value there. From the cell's characters when they allow it, else from its value as a string.
 */
function hashCell(
  stream: RecordStream,
  row: RowView,
  unique: UniqueColumn,
  decode: ((span: string) => string) | undefined,
): boolean {
  const { field, ignoreCase } = unique;
  if (field >= row.cellCount) return false;
  const start = row.cellStart(field);
  const end = row.cellEnd(field);
  const base = stream.heldStart;
  const found = hashSpan(stream.heldText, start - base, end - base, ignoreCase);
  if (found === SPAN_HASHED) return true;
  if (found === SPAN_EMPTY) return false;
  const raw = row.slice(start, end);
  const cell = decode ? decode(raw) : raw;
  const value = cellValue(cell, 0, cell.length).trim();
  const key = ignoreCase ? value.toLowerCase() : value;
  if (key === '') return false;
  hashString(key);
  return true;
}

/** The text's first characters from its first bytes: a character cut off at their end is left out. */
function textStartOf(bytes: string, decode: (span: string) => string): string {
  const text = decode(bytes);
  return (bytes.length < TEXT_START_BYTES ? text : text.slice(0, text.length - 4)).slice(0, TEXT_START);
}
