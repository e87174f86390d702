/**
 * Where every record of a document sits, kept compact: offsets in typed arrays (a few bytes a row), cells found
 * again on demand. An edit replaces a run of records in place and shifts the offsets after it, so a keystroke in
 * a 100,000-row file costs a copy of a few typed arrays, not a new model.
 *
 * Each record also has an id that survives edits elsewhere in the file, so that indexes built over records
 * (duplicate values, findings) need no rebuilding when rows above them are inserted or deleted.
 */
import { bomLengthOf, createRecordScan, scanRecord } from './scanCsv';

/** Every value of the record is empty. */
export const RECORD_BLANK = 1;
/** A quote in the record never closes: its content ends at that quote, and the record runs to the end of the text. */
export const RECORD_UNTERMINATED = 2;

export class RecordTable {
  count = 0;
  /** Offset of each record's first character. */
  starts: Int32Array;
  /** Offset just past each record's content (before its line break; at the open quote when unterminated). */
  ends: Int32Array;
  flags: Uint8Array;
  ids: Int32Array;
  /** Told of every splice, before it returns. */
  onSplice: ((at: number, removedIds: Int32Array, added: number) => void) | undefined;
  private indexById: Int32Array;
  private nextId = 0;

  constructor(capacity = 16) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.ids = new Int32Array(capacity);
    this.indexById = new Int32Array(capacity);
  }

  /** The record index of an id, or -1 when the record has been replaced. */
  indexOf(id: number): number {
    return id < this.nextId ? this.indexById[id] : -1;
  }

  push(start: number, end: number, flags: number): void {
    if (this.count === this.starts.length) this.reserve(this.count * 2);
    this.place(this.count++, start, end, flags);
  }

  /**
   * Replaces records `[at, at + removed)` with `added` (start, end, flags triples), shifting the starts and ends
   * of the records after them by `delta`. Returns the ids of the removed records.
   */
  splice(at: number, removed: number, added: readonly number[], delta: number): Int32Array {
    const addedCount = added.length / 3;
    const removedIds = this.ids.slice(at, at + removed);
    for (const id of removedIds) this.indexById[id] = -1;
    const tail = at + removed;
    const newCount = this.count - removed + addedCount;
    if (newCount > this.starts.length) this.reserve(Math.max(newCount, this.starts.length * 2));
    if (addedCount !== removed) {
      const to = at + addedCount;
      this.starts.copyWithin(to, tail, this.count);
      this.ends.copyWithin(to, tail, this.count);
      this.flags.copyWithin(to, tail, this.count);
      this.ids.copyWithin(to, tail, this.count);
      for (let index = to; index < newCount; index++) this.indexById[this.ids[index]] = index;
    }
    if (delta !== 0) {
      const starts = this.starts;
      const ends = this.ends;
      for (let index = at + addedCount; index < newCount; index++) {
        starts[index] += delta;
        ends[index] += delta;
      }
    }
    for (let i = 0; i < addedCount; i++) this.place(at + i, added[3 * i], added[3 * i + 1], added[3 * i + 2]);
    this.count = newCount;
    this.onSplice?.(at, removedIds, addedCount);
    return removedIds;
  }

  /** The index of the record holding `offset`: the last record starting at or before it (-1 before the first). */
  indexAt(offset: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] <= offset) low = mid + 1;
      else high = mid - 1;
    }
    return high;
  }

  private place(index: number, start: number, end: number, flags: number): void {
    this.starts[index] = start;
    this.ends[index] = end;
    this.flags[index] = flags;
    const id = this.nextId++;
    if (id >= this.indexById.length) {
      const grown = new Int32Array(Math.max(16, this.indexById.length * 2));
      grown.set(this.indexById);
      this.indexById = grown;
    }
    this.ids[index] = id;
    this.indexById[id] = index;
  }

  private reserve(capacity: number): void {
    const grow = <T extends Int32Array | Uint8Array>(array: T, make: (size: number) => T): T => {
      const grown = make(capacity);
      grown.set(array.subarray(0, this.count));
      return grown;
    };
    this.starts = grow(this.starts, (size) => new Int32Array(size));
    this.ends = grow(this.ends, (size) => new Int32Array(size));
    this.flags = grow(this.flags, (size) => new Uint8Array(size));
    this.ids = grow(this.ids, (size) => new Int32Array(size));
  }
}

/**
 * Scans `text` record by record from `from` (a record start) and passes each record's start, content end, flags
 * and next start to `onRecord`; stops early when it returns false. When `atEnd` is false the text is a window on
 * a longer document: a record that reaches the window's end may go on, so the scan stops before it. Returns the
 * offset where scanning stopped.
 */
export function scanRecords(
  text: string,
  from: number,
  onRecord: (start: number, end: number, flags: number, next: number) => boolean,
  atEnd = true,
): number {
  const scan = createRecordScan();
  let pos = from;
  while (pos < text.length) {
    scanRecord(text, pos, scan);
    if (!atEnd && scan.next >= text.length) return pos;
    const unterminated = scan.openQuote >= 0;
    const flags = unterminated ? RECORD_UNTERMINATED : scan.blank ? RECORD_BLANK : 0;
    const keepGoing = onRecord(pos, unterminated ? scan.openQuote : scan.end, flags, scan.next);
    pos = scan.next;
    if (!keepGoing) break;
  }
  return pos;
}

/** Reads every record of a text into a new table. */
export function readRecords(text: string): RecordTable {
  const table = new RecordTable(Math.max(16, Math.ceil(text.length / 100)));
  scanRecords(text, bomLengthOf(text), (start, end, flags) => {
    table.push(start, end, flags);
    return true;
  });
  return table;
}
