/**
 * The CLI's source of records: a text that arrives in pieces, read record by record and then let go, so that
 * memory stays flat whatever the file's size. It keeps only the record being completed and the piece it ends in,
 * knows the line of every record it hands out, and says where an offset of that record is, as
 * `TextDocument.positionAt` would.
 *
 * Records are pulled (`next`), so that the reader decides when to hand its findings on. A record that does not end
 * in the text held so far is scanned again only once the text held has doubled: a long record (a 24 MB header, a
 * quote that swallows thousands of lines) then costs time in proportion to its length, not to its square.
 */
import type { Position } from 'vscode-languageserver-types';
import { RECORD_BLANK, RECORD_UNTERMINATED } from '../csv/recordTable';
import { RowView } from '../csv/rowView';
import { bomLengthOf, createRecordScan, lineEndOf, restartScan, scanRecord } from '../csv/scanCsv';
import { holdsSuspects } from '../values/textEncoding';

const LF = 10;
const CR = 13;

/**
 * A record with an unclosed quote, found by a first reading: the second can stop there. It is named by its line and
 * how many quotes it has up to the unclosed one, not by offsets, so that a first reading of the file's bytes (one
 * character a byte) names it for a second reading of its characters.
 */
export interface OpenRecord {
  /** The line the record starts on (counted as the stream counts them). */
  line: number;
  /** How many quotes the record holds up to the unclosed one, that one included. */
  quotes: number;
}

export interface StreamStart {
  /** A record known to run to the end of the text, handed out once its quote's line is complete. */
  open?: OpenRecord;
  /** The number of the record before the first one (-1: the first is record 0), and the first one's line. */
  index?: number;
  line?: number;
  /** False for a part that starts after the text's start: a U+FEFF there is a character, not a byte order mark. */
  atTextStart?: boolean;
}

export class RecordStream {
  private buffer = '';
  /** Document offset of `buffer[0]`. */
  private bufferStart = 0;
  /** Where the next record starts in the buffer. */
  private pos = 0;
  private started = false;
  private ended = false;
  private done = false;
  /** Scan again when the buffer holds this many characters (an unfinished record waits for more). */
  private scanAt = 0;
  private readonly scan = createRecordScan();
  private readonly view = new RowView();
  /** The record handed out last: its start in the buffer, where the next one starts, and whether it holds quotes. */
  private recordAt = 0;
  private recordNext = 0;
  private recordQuoted = false;
  private handedOut = false;
  /** The line the record handed out last starts on, and the buffer offset where that line starts. */
  private lineStart = 0;
  /**
   * Where the last position asked for was found (a buffer offset, its line and line start), so that the positions
   * of a record's diagnostics, asked for in order, cost one walk over the record: a header of 5,000 unknown columns
   * has 5,000 of them.
   */
  private readonly found = { at: 0, line: 0, lineStart: 0 };
  private suspects: boolean | undefined;
  /** The number of the record handed out last (the header's included), then of the next. */
  index = -1;
  /** 0-based line of the record handed out last. */
  line = 0;
  /** How many cells of each record are found: all, or only the first few a reader wants. */
  cellsNeeded = Infinity;
  /** The first characters of the text, for recognising its encoding. */
  textStart = '';

  private readonly open: OpenRecord | undefined;
  private readonly atTextStart: boolean;

  constructor(start: StreamStart = {}) {
    this.open = start.open;
    this.atTextStart = start.atTextStart ?? true;
    this.index = start.index ?? -1;
    this.line = start.line ?? 0;
  }

  push(text: string): void {
    if (this.ended || text === '') return;
    if (this.textStart.length < 1024) this.textStart += text.slice(0, 1024 - this.textStart.length);
    this.compact();
    this.buffer += text;
    this.suspects = undefined;
    restartScan(this.scan);
  }

  end(): void {
    this.ended = true;
  }

  /** The next complete record, valid until the next call; undefined when none is complete yet, or at the end. */
  next(): RowView | undefined {
    this.passRecord();
    if (this.done) return undefined;
    const text = this.buffer;
    if (!this.started) {
      if (text.length === 0 && !this.ended) return undefined;
      this.pos = this.atTextStart ? bomLengthOf(text) : 0;
      this.started = true;
    }
    if (this.pos >= text.length || (!this.ended && text.length < this.scanAt)) return this.wait();
    if (this.open && this.line === this.open.line) return this.handOutOpen();
    return this.handOutScanned();
  }

  /** Scans the record at the reading position: handed out when it is complete (or the text has ended). */
  private handOutScanned(): RowView | undefined {
    const text = this.buffer;
    const scan = this.scan;
    scanRecord(text, this.pos, scan);
    if (!this.ended && scan.next >= text.length) return this.wait();
    const unterminated = scan.openQuote >= 0;
    const flags = unterminated ? RECORD_UNTERMINATED : scan.blank ? RECORD_BLANK : 0;
    return this.handOut(unterminated ? scan.openQuote : scan.end, scan.next, scan.quoted || unterminated, flags);
  }

  /** The text held (records from the one handed out last on), and the document offset of its first character. */
  get heldText(): string {
    return this.buffer;
  }

  get heldStart(): number {
    return this.bufferStart;
  }

  /** Where the text read so far ends: after the last record, where an empty file's diagnostic ends. */
  get endPosition(): Position {
    this.passRecord();
    this.recordAt = this.pos;
    return this.positionIn(this.buffer.length);
  }

  /** False while the text held has no NUL or U+FFFD, so that no row needs looking at for them. */
  get mayHoldSuspectCharacters(): boolean {
    this.suspects ??= holdsSuspects(this.buffer);
    return this.suspects;
  }

  /** The position of a document offset of the record handed out last, or of the rest of its line. */
  positionAt(offset: number): Position {
    return this.positionIn(offset - this.bufferStart);
  }

  /** The end of the line holding a document offset of the record handed out last. */
  lineEnd(offset: number): number {
    return lineEndOf(this.buffer, offset - this.bufferStart) + this.bufferStart;
  }

  /** No complete record yet: forget what is read, and scan again once the text held has doubled. */
  private wait(): undefined {
    this.compact();
    if (this.ended) this.done = true;
    else this.scanAt = this.buffer.length * 2;
    return undefined;
  }

  /** Hands out the record with the unclosed quote once its quote's line is complete; then the text is done. */
  private handOutOpen(): RowView | undefined {
    const text = this.buffer;
    let quote = this.pos - 1;
    for (let count = 0; count < (this.open as OpenRecord).quotes && quote < text.length; count++) {
      quote = text.indexOf('"', quote + 1);
      if (quote < 0) quote = text.length;
    }
    if (quote >= text.length || lineEndOf(text, quote) >= text.length) {
      if (!this.ended) return this.wait();
      // The text ended before the quote the first reading found (it changed in between): read it as it is.
      if (quote >= text.length) return this.handOutScanned();
    }
    const row = this.handOut(quote, text.length, true, RECORD_UNTERMINATED);
    this.done = true;
    return row;
  }

  private handOut(end: number, next: number, quoted: boolean, flags: number): RowView {
    const start = this.pos;
    const base = this.bufferStart;
    this.index++;
    this.recordAt = start;
    this.recordNext = next;
    this.recordQuoted = quoted;
    this.handedOut = true;
    this.found.at = start;
    this.found.line = this.line;
    this.found.lineStart = this.lineStart;
    return this.view.load(this.buffer, base, this.index, start + base, end + base, flags, this.cellsNeeded);
  }

  /** Moves past the record handed out last: the next one starts on its line plus the line breaks up to it. */
  private passRecord(): void {
    if (!this.handedOut) return;
    this.handedOut = false;
    const text = this.buffer;
    const start = this.recordAt;
    const next = this.recordNext;
    this.pos = next;
    if (!this.recordQuoted) {
      // Unquoted content holds no line break: only the one ending the record, if any.
      if (next > start && (text.charCodeAt(next - 1) === LF || text.charCodeAt(next - 1) === CR)) {
        this.line++;
        this.lineStart = next;
      }
      return;
    }
    for (let at = start; at < next; at++) {
      const code = text.charCodeAt(at);
      if (code === CR && text.charCodeAt(at + 1) === LF && at + 1 < next) at++;
      if (code === CR || code === LF) {
        this.line++;
        this.lineStart = at + 1;
      }
    }
  }

  /** Drops the text before the next record. */
  private compact(): void {
    this.passRecord();
    const drop = this.pos;
    if (drop === 0) return;
    this.buffer = this.buffer.slice(drop);
    restartScan(this.scan);
    this.bufferStart += drop;
    this.pos = 0;
    this.recordAt -= drop;
    this.lineStart -= drop;
    this.found.at -= drop;
    this.found.lineStart -= drop;
    this.scanAt = 0;
  }

  /** The position of buffer offset `at`, counted from the record's start or the last position found after it. */
  private positionIn(at: number): Position {
    const text = this.buffer;
    const found = this.found;
    const resume = found.at <= at && found.at >= this.recordAt;
    let line = resume ? found.line : this.line;
    let lineStart = resume ? found.lineStart : this.lineStart;
    let pos = resume ? found.at : Math.max(this.recordAt, 0);
    for (; pos < at; pos++) {
      const code = text.charCodeAt(pos);
      if (code === CR && text.charCodeAt(pos + 1) === LF) {
        // An offset between CR and LF is still on the CR's line.
        if (pos + 1 >= at) break;
        pos++;
      }
      if (code === CR || code === LF) {
        line++;
        lineStart = pos + 1;
      }
    }
    found.at = pos;
    found.line = line;
    found.lineStart = lineStart;
    let end = Math.min(at, text.length);
    while (end > lineStart && (text.charCodeAt(end - 1) === LF || text.charCodeAt(end - 1) === CR)) end--;
    return { line, character: end - lineStart };
  }
}
