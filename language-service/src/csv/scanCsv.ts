/**
 * Reads CSV text the way csv-parse does with the options this project always used (`bom`, `relax_quotes`,
 * `relax_column_count`, `skip_empty_lines: false`, record delimiters CRLF, LF and CR, `skip_records_with_error`),
 * in one pass that allocates nothing per cell.
 *
 * csv-parse itself costs about as much as the whole validation may: it builds every value and, for the editor,
 * the raw text of every record, and it cannot say where a cell sits. This scanner finds record and cell
 * boundaries by offset; values are sliced only when a rule reads them. A test keeps it equal to csv-parse on
 * random inputs (`test/unit/csvScanner.test.ts`).
 *
 * csv-parse's reading, for the record:
 * - A field that starts with `"` is quoted: `""` inside is one quote; the next lone `"` closes it. When a comma,
 *   a line break or the end of the text follows, the field ends there. Otherwise (`relax_quotes`) the field
 *   turns into a plain one: its value is `"`, the unescaped text so far, `"`, then everything up to the next comma
 *   or line break, quotes included.
 * - Any other field runs to the next comma or line break; quotes in it are plain characters.
 * - CRLF, LF and CR each end a record; nothing after the last line break makes no record.
 * - A quote that never closes swallows the rest of the text: csv-parse skips that record (an error).
 */

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** What `scanRecord` found, written into a reused object so that a full scan allocates nothing per record. */
export interface RecordScan {
  /** Offset just past the record's content, before its line break. */
  end: number;
  /** Offset where the next record starts: past the line break, or the text's length. */
  next: number;
  /** Offset of the quote that never closes, or -1. */
  openQuote: number;
  /** True when every field's value is empty (an empty line, commas only, or `""` fields). */
  blank: boolean;
  /** True when a field starts with a quote: only then can the record's content hold a line break. */
  quoted: boolean;
  /**
   * The next quote, LF and CR at or after where they were last looked for (-1: none to the end of the text, -2: not
   * looked for yet), so that a line without quotes is found with three native searches over the whole text, not one
   * look per character. They hold while records are scanned in order in one text: whoever scans another text (or
   * goes back) calls `restartScan` first.
   */
  nextQuote: number;
  nextLf: number;
  nextCr: number;
}

export function createRecordScan(): RecordScan {
  return {
    end: 0,
    next: 0,
    openQuote: -1,
    blank: true,
    quoted: false,
    nextQuote: NOT_LOOKED,
    nextLf: NOT_LOOKED,
    nextCr: NOT_LOOKED,
  };
}

const NOT_LOOKED = -2;

/** Forgets where the next quote and line breaks are: the text scanned next is another (or is scanned from earlier). */
export function restartScan(out: RecordScan): void {
  out.nextQuote = NOT_LOOKED;
  out.nextLf = NOT_LOOKED;
  out.nextCr = NOT_LOOKED;
}

/** Scans the record that starts at `start` (which must be a record start, below the text's length). */
export function scanRecord(text: string, start: number, out: RecordScan): void {
  if (!scanPlainLine(text, start, out)) scanFields(text, start, out);
}

/** The offset of the next `character` at or after `from`, given where it was found last (`known`); -1 for none. */
function nextOf(text: string, character: string, from: number, known: number): number {
  return known >= from || known === -1 ? known : text.indexOf(character, from);
}

/**
 * The common record: a line with no quote in it, so every field is plain and the record ends at the line break.
 * Found with native searches; false (nothing written) when the line holds a quote, for `scanFields` to read.
 */
function scanPlainLine(text: string, start: number, out: RecordScan): boolean {
  out.nextQuote = nextOf(text, '"', start, out.nextQuote);
  out.nextLf = nextOf(text, '\n', start, out.nextLf);
  out.nextCr = nextOf(text, '\r', start, out.nextCr);
  const lf = out.nextLf;
  const cr = out.nextCr;
  const lineEnd = lf < 0 ? (cr < 0 ? text.length : cr) : cr < 0 ? lf : Math.min(lf, cr);
  const quote = out.nextQuote;
  if (quote >= 0 && quote < lineEnd) return false;
  out.end = lineEnd;
  out.openQuote = -1;
  out.quoted = false;
  let blank = true;
  for (let pos = start; pos < lineEnd; pos++) {
    if (text.charCodeAt(pos) !== COMMA) {
      blank = false;
      break;
    }
  }
  out.blank = blank;
  if (lineEnd === cr) out.next = text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
  else if (lineEnd === lf) out.next = lf + 1;
  else out.next = lineEnd;
  return true;
}

/** Reads a record field by field: for a line holding quotes, which may close on a later line or never. */
function scanFields(text: string, start: number, out: RecordScan): void {
  const length = text.length;
  let pos = start;
  let blank = true;
  out.openQuote = -1;
  out.quoted = false;
  for (;;) {
    // At a field start.
    if (text.charCodeAt(pos) === QUOTE) {
      out.quoted = true;
      let quote = pos + 1;
      for (;;) {
        quote = text.indexOf('"', quote);
        if (quote < 0 || text.charCodeAt(quote + 1) !== QUOTE) break;
        quote += 2;
      }
      if (quote < 0) {
        out.openQuote = pos;
        out.end = length;
        out.next = length;
        out.blank = false;
        return;
      }
      if (quote > pos + 1) blank = false;
      pos = quote + 1;
      const after = text.charCodeAt(pos);
      if (after === COMMA) {
        pos++;
        continue;
      }
      if (after === CR || after === LF || pos >= length) break;
      // A closing quote followed by more text: the field reads on as a plain one.
      blank = false;
    }
    const fieldStart = pos;
    let code = 0;
    while (pos < length) {
      code = text.charCodeAt(pos);
      if (code === COMMA || code === CR || code === LF) break;
      pos++;
    }
    if (pos > fieldStart) blank = false;
    if (pos < length && code === COMMA) {
      pos++;
      continue;
    }
    break;
  }
  out.end = pos;
  out.blank = blank;
  const code = text.charCodeAt(pos);
  if (code === CR) out.next = text.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
  else if (code === LF) out.next = pos + 1;
  else out.next = pos;
}

/** 1 when the text starts with a byte order mark, which csv-parse drops and which is not part of the first cell. */
export function bomLengthOf(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Where the cells of one record sit: cell i spans `[starts[i], ends[i])`, quotes included, for i below `stored`. */
export interface CellSpans {
  starts: Int32Array;
  ends: Int32Array;
  /** How many cells the record has. */
  count: number;
  /** How many of them have their span kept: all, or the first `limit` of a record wider than that. */
  stored: number;
}

export function createCellSpans(capacity = 64): CellSpans {
  return { starts: new Int32Array(capacity), ends: new Int32Array(capacity), count: 0, stored: 0 };
}

/**
 * Splits `text[from, to)`, one record's content (or, for a record with an unclosed quote, the whole cells before
 * it), into cells. The spans of the first `limit` cells are kept (the arrays grow as needed, so the caller must read
 * them back from `cells`); past that the cells are only counted, so that a line of any width costs bounded memory,
 * or with `countAll` false not even counted (`count` is then at most `limit`).
 */
export function splitCells(
  text: string,
  from: number,
  to: number,
  cells: CellSpans,
  limit = Infinity,
  countAll = true,
): void {
  let count = 0;
  let pos = from;
  for (;;) {
    const start = pos;
    if (text.charCodeAt(pos) === QUOTE && pos < to) {
      let quote = pos + 1;
      for (;;) {
        quote = text.indexOf('"', quote);
        if (quote < 0 || quote >= to) {
          quote = to - 1;
          break;
        }
        if (text.charCodeAt(quote + 1) !== QUOTE || quote + 1 >= to) break;
        quote += 2;
      }
      pos = quote + 1;
    }
    let comma = text.indexOf(',', pos);
    if (comma < 0 || comma >= to) comma = -1;
    const end = comma < 0 ? to : comma;
    if (count < limit) {
      if (count === cells.starts.length) growCellSpans(cells);
      cells.starts[count] = start;
      cells.ends[count] = end;
    }
    count++;
    if (comma < 0 || (count >= limit && !countAll)) break;
    pos = comma + 1;
  }
  cells.count = count;
  cells.stored = Math.min(count, limit);
}

/** Doubles the room for cell spans, keeping those found. */
export function growCellSpans(cells: CellSpans): void {
  const starts = new Int32Array(cells.starts.length * 2);
  const ends = new Int32Array(cells.ends.length * 2);
  starts.set(cells.starts);
  ends.set(cells.ends);
  cells.starts = starts;
  cells.ends = ends;
}

/** The value of the cell `text[start, end)` as csv-parse gives it: unquoted, or read on as plain text. */
export function cellValue(text: string, start: number, end: number): string {
  if (start >= end || text.charCodeAt(start) !== QUOTE) return text.slice(start, end);
  let quote = start + 1;
  let escaped = false;
  for (;;) {
    quote = text.indexOf('"', quote);
    if (quote < 0 || quote >= end) return unescape(text.slice(start + 1, end), escaped);
    if (text.charCodeAt(quote + 1) !== QUOTE || quote + 1 >= end) break;
    escaped = true;
    quote += 2;
  }
  const inner = unescape(text.slice(start + 1, quote), escaped);
  return quote + 1 === end ? inner : `"${inner}"${text.slice(quote + 1, end)}`;
}

function unescape(inner: string, escaped: boolean): string {
  return escaped ? inner.replace(/""/g, '"') : inner;
}

/** Offset of the first line break at or after `from`, or the text's length. */
export function lineEndOf(text: string, from: number): number {
  for (let pos = from; pos < text.length; pos++) {
    const code = text.charCodeAt(pos);
    if (code === LF || code === CR) return pos;
  }
  return text.length;
}
