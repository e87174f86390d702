/**
 * The records of a text given as its bytes, one Latin-1 character each (`StreamSource.bytes`), for the first reading
 * of a large file: only where each record starts and ends, its line, and the spans of its first few cells.
 *
 * Nearly every record is a line without a quote: its end is the next line break and its cells lie between commas,
 * all found with native searches of a one-byte string. A line holding a quote is read by the CSV scanner itself
 * (`scanRecord`, `splitCells`), so that quotes, quoted line breaks and a quote that never closes are read exactly
 * as everywhere else. `RecordStream` does the same for any text and hands out a `RowView`, which the rules need; the
 * first reading needs neither, and this costs it a third of the time.
 */
import { createCellSpans, createRecordScan, growCellSpans, restartScan, scanRecord, splitCells } from '../csv/scanCsv';

const COMMA = 44;
const LF = 10;
const CR = 13;
const NOT_LOOKED = -2;

/** What a reader is told of each record; the record's text is `records.text` from `start` to `end`. */
export type RecordHandler = (records: ByteRecords, start: number, end: number, blank: boolean, open: boolean) => void;

export class ByteRecords {
  /** The text held: from the record being read on (offsets below are in it). */
  text = '';
  /** The offset of `text[0]` in the whole text. */
  base = 0;
  /** The number of the record being handed out (the first is 0). */
  index = -1;
  /** The line the record being handed out starts on; once all are read, the number of line breaks. */
  line = 0;
  /** The cells of the record being handed out, the first `cellsNeeded` of them. */
  readonly cells = createCellSpans();
  /** How many cells of each record are found. */
  cellsNeeded = 0;
  /** Where to stop: after the first record that ends here or beyond (the text read on only to complete it). */
  stopAt = Infinity;
  /** True once the record that ends at `stopAt` or beyond has been read: the rest of the text is not read. */
  stopped = false;
  /** Where the last line starts, in the whole text. */
  private lineStart = 0;
  private pos = 0;
  private ended = false;
  /** Read again once the text held is this long: a record that does not end yet waits for twice the text. */
  private readAt = 0;
  private nextLf = NOT_LOOKED;
  private nextCr = NOT_LOOKED;
  private nextQuote = NOT_LOOKED;
  private readonly scan = createRecordScan();

  constructor(private readonly handle: RecordHandler) {}

  push(piece: string): void {
    if (this.stopped) return;
    if (this.pos > 0) {
      this.text = this.text.slice(this.pos);
      this.base += this.pos;
      this.pos = 0;
    }
    this.text += piece;
    this.nextLf = this.nextCr = this.nextQuote = NOT_LOOKED;
    restartScan(this.scan);
    if (this.text.length >= this.readAt) this.read();
  }

  end(): void {
    if (this.stopped) return;
    this.ended = true;
    this.read();
  }

  /** How much of the text has been read into records. */
  get consumed(): number {
    return this.base + this.pos;
  }

  /** Where the text ends: after its last line break, as many characters as its last line holds. */
  get endPosition(): { line: number; character: number } {
    return { line: this.line, character: this.base + this.text.length - this.lineStart };
  }

  private read(): void {
    const text = this.text;
    const length = text.length;
    let pos = this.pos;
    while (pos < length) {
      const lf = (this.nextLf = nextOf(text, '\n', pos, this.nextLf));
      const cr = (this.nextCr = nextOf(text, '\r', pos, this.nextCr));
      const quote = (this.nextQuote = nextOf(text, '"', pos, this.nextQuote));
      const lineEnd = lf < 0 ? (cr < 0 ? length : cr) : cr < 0 ? lf : Math.min(lf, cr);
      const next = quote >= 0 && quote < lineEnd ? this.quotedRecord(pos) : this.plainLine(pos, lineEnd);
      if (next < 0) break;
      pos = next;
      if (this.base + pos >= this.stopAt) {
        this.stopped = true;
        break;
      }
    }
    this.pos = pos;
    this.readAt = this.ended ? 0 : (length - pos) * 2;
  }

  /** A line without a quote: the record ends at its line break. Where the next starts, or -1 when it may go on. */
  private plainLine(pos: number, lineEnd: number): number {
    const text = this.text;
    let next = lineEnd + 1;
    if (lineEnd === text.length) next = lineEnd;
    else if (text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF) next = lineEnd + 2;
    if (next >= text.length && !this.ended) return -1;
    let blank = true;
    for (let at = pos; at < lineEnd; at++) {
      if (text.charCodeAt(at) !== COMMA) {
        blank = false;
        break;
      }
    }
    this.index++;
    if (this.cellsNeeded > 0) this.plainCells(pos, lineEnd);
    this.handle(this, pos, lineEnd, blank, false);
    if (lineEnd < text.length) {
      this.line++;
      this.lineStart = this.base + next;
    }
    return next;
  }

  /** The first cells of a line without quotes: between commas. */
  private plainCells(pos: number, lineEnd: number): void {
    const text = this.text;
    const cells = this.cells;
    const limit = this.cellsNeeded;
    let count = 0;
    for (let at = pos; ;) {
      let comma = text.indexOf(',', at);
      if (comma > lineEnd) comma = -1;
      if (count === cells.starts.length) growCellSpans(cells);
      cells.starts[count] = at;
      cells.ends[count] = comma < 0 ? lineEnd : comma;
      count++;
      if (comma < 0 || count === limit) break;
      at = comma + 1;
    }
    cells.count = count;
    cells.stored = count;
  }

  /** A record with a quote in its first line, read by the CSV scanner; -1 when it may go on past the text held. */
  private quotedRecord(pos: number): number {
    const text = this.text;
    const scan = this.scan;
    scanRecord(text, pos, scan);
    if (scan.next >= text.length && !this.ended) return -1;
    const open = scan.openQuote >= 0;
    const end = open ? scan.openQuote : scan.end;
    this.index++;
    const cells = this.cells;
    if (this.cellsNeeded === 0 || (open && end <= pos)) cells.count = cells.stored = 0;
    // An unclosed quote opens a field: the whole cells end at the comma before it.
    else splitCells(text, pos, open ? end - 1 : end, cells, this.cellsNeeded, false);
    this.handle(this, pos, end, scan.blank && !open, open);
    for (let at = pos; at < scan.next; at++) {
      const code = text.charCodeAt(at);
      if (code === CR && text.charCodeAt(at + 1) === LF && at + 1 < scan.next) at++;
      if (code === CR || code === LF) {
        this.line++;
        this.lineStart = this.base + at + 1;
      }
    }
    return scan.next;
  }
}

/** The offset of the next `character` at or after `from`, given where it was found last (`known`); -1 for none. */
function nextOf(text: string, character: string, from: number, known: number): number {
  return known >= from || known === -1 ? known : text.indexOf(character, from);
}
