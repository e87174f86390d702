/**
 * The engine over the CLI's source: a text too large to hold, read twice as a stream (`recordStream.ts`).
 *
 * The first reading finds the header, the values that must be unique, and where a quote that never closes starts.
 * The second runs every rule on each record and hands out its diagnostics at once, duplicates included (the first
 * reading knows every use of a repeated value), in the order every source lists them. Memory therefore grows with
 * the number of distinct unique values (about 20 bytes each), never with the text or with the number of
 * diagnostics: any number can be written.
 *
 * A record is named by the line it starts on: every record starts on a line of its own, in file order, so the
 * line is an id that orders records and is what a duplicate's message names.
 */
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { RowView } from '../csv/rowView';
import { Header } from '../model/header';
import { duplicateFinding, LINES_NAMED } from '../rules/duplicates';
import { emptyFile } from '../rules/fileStructure';
import { diagnosticAt, toDiagnostic } from '../rules/report';
import type { ServiceSettings } from '../settings';
import { RecordChecker } from './checker';
import { placeInRecord, RANK_DUPLICATE, type Placed, type RankedFinding } from './order';
import { RecordStream, type OpenRecord } from './recordStream';

/** What the first reading learnt about the text. */
interface FirstReading {
  header: Header | undefined;
  /** The line the header starts on (0 without a header). */
  headerLine: number;
  /** 1 for each record (by its line) that shares a unique value with another. */
  repeated: Uint8Array;
  headerText: string;
  textStart: string;
  checker: RecordChecker;
  open: OpenRecord | undefined;
  /** Where the text ends, for a text with no header. */
  endPosition: Position;
  /** The reading whose text the checker asks about NUL and U+FFFD. */
  suspects: { stream: RecordStream | undefined };
}

/** How many diagnostics a batch holds at most: output of any size is handed on in batches of bounded size. */
const BATCH = 1000;

/**
 * One of `count` parts of a text checked side by side (one thread each): the part holds the records that start on
 * its share of the lines after the header, the header and what comes before it going to part 0. The parts' lists,
 * one after the other in part order, are the whole text's list.
 */
export interface StreamPart {
  index: number;
  count: number;
}

/** The lines of the records part `part` checks: `[from, to)`. */
function linesOf(part: StreamPart | undefined, headerLine: number, lastLine: number): { from: number; to: number } {
  if (!part || part.count <= 1) return { from: 0, to: Infinity };
  const dataLines = lastLine - headerLine;
  const bound = (k: number) => headerLine + 1 + Math.floor((dataLines * k) / part.count);
  return {
    from: part.index === 0 ? 0 : bound(part.index),
    to: part.index === part.count - 1 ? Infinity : bound(part.index + 1),
  };
}

/**
 * Every diagnostic of the text `readText` gives (called twice: the text is read twice), in batches as they are
 * found, exactly as the editor's validation lists them for the same text. With `part`, only that part's: each
 * part reads the whole text once (what spans rows needs all of it), then checks its own records.
 */
export async function* validateStream(
  readText: () => AsyncIterable<string>,
  settings: ServiceSettings,
  part?: StreamPart,
): AsyncGenerator<Diagnostic[]> {
  const first = await readFirst(readText, settings);
  const { header, checker, suspects } = first;
  if (!checker.served) return;
  if (!header && part && part.index > 0) return;
  if (!header) {
    const finding = emptyFile(0);
    yield [diagnosticAt(finding, { start: { line: 0, character: 0 }, end: first.endPosition })];
    return;
  }
  const headerFindings: Placed[] = checker
    .checkHeader(first.headerText, first.textStart)
    .map((finding) => ({ start: finding.start, end: finding.end, rank: finding.rank, finding }));
  const stream = new RecordStream(first.open);
  suspects.stream = stream;
  // The header and the blank records before it need no cells: the header was read the first time.
  stream.cellsNeeded = 0;
  const positionAt = (offset: number) => stream.positionAt(offset);
  const lineEnd = (offset: number) => stream.lineEnd(offset);
  let batch: Diagnostic[] = [];
  const lines = linesOf(part, first.headerLine, first.repeated.length - 1);
  /** True once the records of this part are all checked. */
  let past = false;
  const check = (row: RowView) => {
    if (stream.line < lines.from) {
      // Another part's record: neither split into cells nor checked.
      if (row.index >= header.index) stream.cellsNeeded = 0;
      return;
    }
    if (stream.line >= lines.to) {
      past = true;
      return;
    }
    if (row.index > header.index && stream.cellsNeeded !== Infinity) {
      // This part's first record, read as the others were skipped: split it now, and the ones after it.
      stream.cellsNeeded = Infinity;
      row.reload();
    }
    const own = checker.checkRecord(row, lineEnd);
    let extra: Placed[] = [];
    if (row.index === header.index) {
      extra = headerFindings;
      stream.cellsNeeded = Infinity;
    } else if (first.repeated[stream.line] === 1) {
      extra = duplicatesOf(row, stream.line, checker);
    }
    if (own.length === 0 && extra.length === 0) return;
    for (const { start, end, finding } of placeInRecord(own, row.start, extra)) {
      batch.push(toDiagnostic(positionAt, finding, start, end));
    }
  };
  for await (const piece of readText()) {
    stream.push(piece);
    for (let row = stream.next(); row; row = stream.next()) {
      check(row);
      if (past) break;
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    // What a piece gave is handed on before the next is read, so that output keeps up with the reading.
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
    if (past) return;
  }
  stream.end();
  for (let row = stream.next(); row && !past; row = stream.next()) check(row);
  if (batch.length > 0) yield batch;
}

/** Reads the text once: the header, each record's line, the unique values and any unclosed quote. */
async function readFirst(readText: () => AsyncIterable<string>, settings: ServiceSettings): Promise<FirstReading> {
  let header: Header | undefined;
  let headerLine = 0;
  let headerText = '';
  let checker: RecordChecker | undefined;
  let open: OpenRecord | undefined;
  const suspects: FirstReading['suspects'] = { stream: undefined };
  const stream = new RecordStream();
  const read = (row: RowView) => {
    if (row.unterminated) open = { start: row.start, quote: row.end };
    if (!header) {
      if (row.blank) return;
      header = new Header(row);
      headerLine = stream.line;
      headerText = row.slice(row.start, row.end);
      checker = checkerOf(header, settings, suspects);
      // From here on only the cells of the unique columns are read.
      stream.cellsNeeded = Math.max(0, ...checker.uniques.map((unique) => unique.spec.field + 1));
      return;
    }
    if (checker?.checksRows) checker.indexRecord(row, stream.line);
  };
  for await (const piece of readText()) {
    stream.push(piece);
    for (let row = stream.next(); row; row = stream.next()) read(row);
  }
  stream.end();
  for (let row = stream.next(); row; row = stream.next()) read(row);
  const repeated = new Uint8Array(stream.line + 1);
  for (const unique of checker?.uniques ?? []) unique.markRepeatedUses(repeated);
  return {
    header,
    headerLine,
    repeated,
    headerText,
    textStart: stream.textStart,
    checker: checker ?? checkerOf(undefined, settings, suspects),
    open,
    endPosition: stream.endPosition,
    suspects,
  };
}

function checkerOf(
  header: Header | undefined,
  settings: ServiceSettings,
  suspects: FirstReading['suspects'],
): RecordChecker {
  const source = {
    header,
    // A stream's record ids are the lines its records start on, already in file order.
    order: (id: number) => id,
    get mayHoldSuspectCharacters() {
      return suspects.stream?.mayHoldSuspectCharacters ?? true;
    },
    editable: false,
  };
  return new RecordChecker(source, settings);
}

/** The duplicate findings of a data row starting on `line`: one for each unique value it shares with another. */
function duplicatesOf(row: RowView, line: number, checker: RecordChecker): Placed[] {
  const placed: Placed[] = [];
  for (const unique of checker.uniques) {
    const key = unique.keyOf(row);
    const repeated = unique.usesOfKey(key);
    if (!repeated) continue;
    const { uses } = repeated;
    const use = indexOfSorted(uses, line);
    if (use < 0) continue;
    const named = uses.slice(0, LINES_NAMED + 1).map((id) => id + 1);
    const field = unique.spec.field;
    const finding: RankedFinding = {
      ...duplicateFinding(unique.spec, key, use, uses.length, named, row.cellStart(field), row.cellEnd(field)),
      rank: RANK_DUPLICATE,
    };
    placed.push({ start: finding.start, end: finding.end, rank: RANK_DUPLICATE, finding });
  }
  return placed;
}

/** The place of `value` in an ascending list, or -1. */
function indexOfSorted(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid] === value) return mid;
    if (list[mid] < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
