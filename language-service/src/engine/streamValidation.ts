/**
 * The engine over the CLI's source: a text too large to hold, read twice as a stream (`recordStream.ts`), whole or
 * in parts that threads check side by side.
 *
 * The first reading (`streamIndex.ts`) finds the header, the values that must be unique, and where a quote that
 * never closes starts. Parts then learn which of their values are repeated in the whole text (`streamLink.ts`). The
 * second reading runs every rule on each record and hands out its diagnostics at once, duplicates included, in the
 * order every source lists them. Memory therefore grows with the number of distinct unique values (about 24 bytes
 * each), never with the text or with the number of diagnostics: any number can be written.
 *
 * A record is named by the line it starts on: every record starts on a line of its own, in file order, so the
 * line is an id that orders records and is what a duplicate's message names.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RowView } from '../csv/rowView';
import { duplicateFinding } from '../rules/duplicates';
import { emptyFile } from '../rules/fileStructure';
import { diagnosticAt, toDiagnostic } from '../rules/report';
import type { ServiceSettings } from '../settings';
import { placeInRecord, RANK_DUPLICATE, type Placed, type RankedFinding } from './order';
import { RecordStream } from './recordStream';
import { checkerOf, readFirst, summaryOf, type FirstReading, type PartSummary } from './streamIndex';
import { keepRepeated, linkParts, type RepeatedValues } from './streamLink';
import { WHOLE_TEXT, type HeaderRecord, type StreamPlace, type StreamSource } from './streamSource';
import { lineOf, lowerBound, runEnd, sharedMemory, useIn } from './streamValues';
import { hashUniqueValue, uniqueKey } from './uniqueValues';
import { hashes } from './valueHash';

/** How many diagnostics a batch holds at most: output of any size is handed on in batches of bounded size. */
const BATCH = 1000;

/** A text, or one part of it, checked in two readings with a step between them where parts learn of each other. */
export interface StreamCheck {
  /** The first reading: what the other parts need to know of this one. */
  index(): Promise<PartSummary>;
  /** The header record, once the first reading is done, when this part holds it. */
  readonly header: HeaderRecord | undefined;
  /**
   * The second reading, once every part's first is done: this part's diagnostics in batches as they are found.
   * `summaries` are all parts' in text order, this one's at `own`.
   */
  diagnostics(summaries: readonly PartSummary[], own: number): AsyncGenerator<Diagnostic[]>;
}

/**
 * The check of `source`, the whole text or a part of it (`place`). With `shared`, the first reading's indexes are
 * kept in memory other threads can read, for parts checked on threads.
 */
export function createStreamCheck(
  source: StreamSource,
  settings: ServiceSettings,
  place: StreamPlace = WHOLE_TEXT,
  shared = false,
): StreamCheck {
  let first: FirstReading | undefined;
  return {
    async index() {
      first = await readFirst(source, settings, place, shared ? sharedMemory : undefined);
      return summaryOf(first);
    },
    get header() {
      return first?.headerRecord;
    },
    diagnostics(summaries, own) {
      if (!first) throw new Error('the first reading has not been done');
      const firstLine = summaries.slice(0, own).reduce((lines, summary) => lines + summary.lines, 0);
      const linked = linkParts(summaries, own);
      // Only the repeated values are looked up from here on: the rest of the lists is let go.
      const kept = first.values.map((values, column) => keepRepeated(values, linked[column]));
      first = { ...first, values: kept.map(({ values }) => values) };
      const repeated = kept.map((column) => column.repeated);
      return readSecond(source, settings, place, first, repeated, firstLine);
    },
  };
}

/**
 * Every diagnostic of the text `readText` gives (called twice: the text is read twice), in batches as they are
 * found, exactly as the editor's validation lists them for the same text.
 */
export async function* validateStream(
  readText: (() => AsyncIterable<string>) | StreamSource,
  settings: ServiceSettings,
): AsyncGenerator<Diagnostic[]> {
  const check = createStreamCheck(typeof readText === 'function' ? { read: readText } : readText, settings);
  yield* check.diagnostics([await check.index()], 0);
}

/** The second reading of a part whose first line is `firstLine`: its records' diagnostics, in batches. */
async function* readSecond(
  source: StreamSource,
  settings: ServiceSettings,
  place: StreamPlace,
  first: FirstReading,
  repeated: readonly RepeatedValues[],
  firstLine: number,
): AsyncGenerator<Diagnostic[]> {
  const { header, headerRecord } = first;
  if (!first.checker.served) return;
  if (!header || !headerRecord) {
    if (!place.first) return;
    const finding = emptyFile(0);
    yield [diagnosticAt(finding, { start: { line: 0, character: 0 }, end: first.endPosition })];
    return;
  }
  const open = first.open && { line: first.open.line + firstLine, quotes: first.open.quotes };
  const stream = new RecordStream({
    open,
    index: place.first ? -1 : header.index,
    line: firstLine,
    atTextStart: place.first,
  });
  const checker = checkerOf(header, settings, stream);
  const headerFindings: Placed[] = place.first
    ? checker
        .checkHeader(headerRecord.text, headerRecord.textStart)
        .map((finding) => ({ start: finding.start, end: finding.end, rank: finding.rank, finding }))
    : [];
  const marks = repeatedLines(first, repeated);
  // The header and the blank records before it need no cells: the header was read the first time.
  stream.cellsNeeded = place.first ? 0 : Infinity;
  const positionAt = (offset: number) => stream.positionAt(offset);
  const lineEnd = (offset: number) => stream.lineEnd(offset);
  let batch: Diagnostic[] = [];
  const check = (row: RowView) => {
    const own = checker.checkRecord(row, lineEnd);
    let extra: Placed[] = [];
    const line = stream.line - firstLine;
    if (row.index === header.index) {
      extra = headerFindings;
      stream.cellsNeeded = Infinity;
    } else if (marks[line] === 1) {
      extra = duplicatesOf(row, line, first, repeated);
    }
    if (own.length === 0 && extra.length === 0) return;
    for (const { start, end, finding } of placeInRecord(own, row.start, extra)) {
      batch.push(toDiagnostic(positionAt, finding, start, end));
    }
  };
  for await (const piece of source.read()) {
    stream.push(piece);
    for (let row = stream.next(); row; row = stream.next()) {
      check(row);
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
  }
  stream.end();
  for (let row = stream.next(); row; row = stream.next()) check(row);
  if (batch.length > 0) yield batch;
}

/** 1 for each line (of the part) a record starts on that uses a repeated value. */
function repeatedLines(first: FirstReading, repeated: readonly RepeatedValues[]): Uint8Array {
  const marks = new Uint8Array(first.lines + 1);
  first.values.forEach((values, column) => {
    for (const start of repeated[column].keys()) {
      for (let use = start, end = runEnd(values, start); use < end; use++) marks[lineOf(values, use)] = 1;
    }
  });
  return marks;
}

/**
 * The duplicate findings of a data row starting on `line` (of its part): one for each unique value it shares with
 * another row of the text.
 */
function duplicatesOf(row: RowView, line: number, first: FirstReading, repeated: readonly RepeatedValues[]): Placed[] {
  const placed: Placed[] = [];
  for (const [column, unique] of first.uniques.entries()) {
    if (!hashUniqueValue(unique, row)) continue;
    const values = first.values[column];
    const start = lowerBound(values, hashes[0], hashes[1]);
    const value = repeated[column].get(start);
    const own = value ? useIn(values, start, runEnd(values, start), line) : -1;
    if (!value || own < 0) continue;
    const key = uniqueKey(unique, row);
    const named = value.lines.map((first) => first + 1);
    const use = value.before + own;
    const cell = { start: row.cellStart(unique.field), end: row.cellEnd(unique.field) };
    const finding: RankedFinding = {
      ...duplicateFinding(unique, key, use, value.count, named, cell.start, cell.end),
      rank: RANK_DUPLICATE,
    };
    placed.push({ start: finding.start, end: finding.end, rank: RANK_DUPLICATE, finding });
  }
  return placed;
}
