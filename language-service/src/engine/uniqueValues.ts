/**
 * The values of one unique column (Extension, Email: `unique` in the column table) and the records using each, so
 * that a value used on two rows is reported on both. The editor adds and removes records as edits replace
 * them; the CLI's stream, which only adds, keeps sorted lists instead (`streamValues.ts`) and uses this index's
 * comparison (`keyOf`, the hashes of `valueHash.ts`).
 *
 * Values are kept as two 32-bit hashes in typed arrays (about 24 bytes a value), not as strings in a Map (over
 * 100), so that a large file fits in flat memory; the value itself is read again from a record when a message
 * quotes it. Two values count as the same when both hashes agree: a 64-bit match, which for a million values has a
 * chance of about one in thirty million of taking two different values for one. The open-addressing table keeps each
 * slot's entry beside the value's first hash, so that looking up a value that is not there (most of a file's values)
 * reads one cache line; the second hash is read only when the first agrees.
 *
 * Records are named by ids that survive edits elsewhere in the file (`RecordTable`); `order` gives an id's place, so
 * that the uses of a value are kept in record order.
 */
import type { ColumnName } from '../columns';
import type { DiagnosticCode } from '../catalog/diagnosticCodes';
import type { RowView } from '../csv/rowView';
import { hashes, hashString, SPAN_EMPTY, SPAN_HASHED } from './valueHash';

export interface UniqueColumn {
  column: ColumnName;
  field: number;
  code: DiagnosticCode;
  /** Letter case does not count (emails). */
  ignoreCase: boolean;
}

const INITIAL_ENTRIES = 1 << 11;

/** The value of a row under a unique column as indexes compare it: trimmed, lowercased for `ignoreCase`; empty for none. */
export function uniqueKey(unique: UniqueColumn, row: RowView): string {
  if (row.blank || unique.field >= row.cellCount) return '';
  const value = row.value(unique.field).trim();
  return unique.ignoreCase ? value.toLowerCase() : value;
}

/**
 * Puts the hashes of the row's value under a unique column in `hashes` (`valueHash.ts`), from the cell's text when
 * it can, so that indexing a value makes no string; false when the row has no value there.
 */
export function hashUniqueValue(unique: UniqueColumn, row: RowView): boolean {
  if (row.blank || unique.field >= row.cellCount) return false;
  const found = row.hashCell(unique.field, unique.ignoreCase);
  if (found === SPAN_HASHED) return true;
  if (found === SPAN_EMPTY) return false;
  const key = uniqueKey(unique, row);
  if (key === '') return false;
  hashString(key);
  return true;
}

export class UniqueValues {
  /** Pairs (entry + 1, first hash), one a slot, 0 for an empty slot; a power of two pairs, at most half taken. */
  private table = new Int32Array(INITIAL_ENTRIES * 4);
  private count = 0;
  /** Each entry's second hash. */
  private hashB = new Int32Array(INITIAL_ENTRIES);
  /** The one record using each value, or -1 when none or several (then `repeated` has them). */
  private only = new Int32Array(INITIAL_ENTRIES);
  /** The records using each value used more than once, in record order. */
  private readonly repeated = new Map<number, number[]>();
  /** Counts the changes to which records share a value (`repeated`): what the duplicate diagnostics say. */
  repeatedChanges = 0;
  /** Each record's value (its entry + 1, 0 for none), by record id: kept only where records can be removed. */
  private entryOfRecord: Int32Array | undefined;

  constructor(
    readonly spec: UniqueColumn,
    /** The place of a record id in the file. */
    private readonly order: (id: number) => number,
    editable: boolean,
  ) {
    if (editable) this.entryOfRecord = new Int32Array(INITIAL_ENTRIES);
  }

  /** The value of a row under this column as the index compares it; empty when the row has none. */
  keyOf(row: RowView): string {
    return uniqueKey(this.spec, row);
  }

  /** Indexes a data row's value, if it has one. */
  add(row: RowView, id: number): void {
    if (hashUniqueValue(this.spec, row)) this.addHashed(id);
  }

  /** Indexes the value whose hashes are in `hashes` (`valueHash.ts`) as used by record `id`. */
  private addHashed(id: number): void {
    const entry = this.entryFor(hashes[0], hashes[1], true);
    if (this.entryOfRecord) this.rememberEntry(id, entry);
    const only = this.only[entry];
    if (only < 0 && !this.repeated.has(entry)) {
      this.only[entry] = id;
      return;
    }
    this.repeatedChanges++;
    let uses = this.repeated.get(entry);
    if (!uses) {
      uses = [only];
      this.only[entry] = -1;
      this.repeated.set(entry, uses);
    }
    const place = this.order(id);
    if (this.order(uses[uses.length - 1]) < place) {
      // A stream adds in record order.
      uses.push(id);
      return;
    }
    let low = 0;
    let high = uses.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.order(uses[mid]) < place) low = mid + 1;
      else high = mid;
    }
    uses.splice(low, 0, id);
  }

  /** Forgets what record `id` was indexed under (nothing when it was not indexed). */
  remove(id: number): void {
    const entries = this.entryOfRecord;
    if (!entries || id >= entries.length || entries[id] === 0) return;
    const entry = entries[id] - 1;
    entries[id] = 0;
    if (this.only[entry] === id) {
      this.only[entry] = -1;
      return;
    }
    const uses = this.repeated.get(entry);
    const at = uses ? uses.indexOf(id) : -1;
    if (!uses || at < 0) return;
    this.repeatedChanges++;
    uses.splice(at, 1);
    if (uses.length === 1) {
      this.only[entry] = uses[0];
      this.repeated.delete(entry);
    }
  }

  /** The values used by more than one record (as entries), in the order they were first repeated. */
  get duplicated(): IterableIterator<number> {
    return this.repeated.keys();
  }

  /** The records using a value used more than once, in record order. */
  usesOf(entry: number): readonly number[] {
    return this.repeated.get(entry) ?? [];
  }

  /** The records using the same value as this row, when more than one does; empty otherwise. */
  usesOfKey(key: string): { entry: number; uses: readonly number[] } | undefined {
    if (key === '') return undefined;
    hashString(key);
    const entry = this.entryFor(hashes[0], hashes[1], false);
    const uses = entry < 0 ? undefined : this.repeated.get(entry);
    return uses ? { entry, uses } : undefined;
  }

  /** How many uses all repeated values have together: one diagnostic each. */
  get repeatedUses(): number {
    let total = 0;
    for (const uses of this.repeated.values()) total += uses.length;
    return total;
  }

  /** Marks (with 1) every record id that uses a value used more than once. */
  markRepeatedUses(marks: Uint8Array): void {
    for (const uses of this.repeated.values()) for (const id of uses) marks[id] = 1;
  }

  /** The entry of a value: found, or (when `create`) made; -1 when absent and not made. */
  private entryFor(a: number, b: number, create: boolean): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let slot = a & mask;
    for (;;) {
      const entry = table[slot * 2] - 1;
      if (entry < 0) break;
      if (table[slot * 2 + 1] === a && this.hashB[entry] === b) return entry;
      slot = (slot + 1) & mask;
    }
    if (!create) return -1;
    const entry = this.count++;
    if (entry === this.hashB.length) this.growEntries();
    this.hashB[entry] = b;
    this.only[entry] = -1;
    table[slot * 2] = entry + 1;
    table[slot * 2 + 1] = a;
    // At most half the slots are taken, so that a value that is not there is found absent in a probe or two.
    if (this.count * 2 > mask + 1) this.growTable();
    return entry;
  }

  private rememberEntry(id: number, entry: number): void {
    let entries = this.entryOfRecord as Int32Array;
    if (id >= entries.length) {
      const grown = new Int32Array(Math.max(id + 1, entries.length * 2));
      grown.set(entries);
      entries = this.entryOfRecord = grown;
    }
    entries[id] = entry + 1;
  }

  private growEntries(): void {
    const grow = (array: Int32Array) => {
      const grown = new Int32Array(array.length * 2);
      grown.set(array);
      return grown;
    };
    this.hashB = grow(this.hashB);
    this.only = grow(this.only);
  }

  private growTable(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0) continue;
      const a = old[at + 1];
      let slot = a & mask;
      while (table[slot * 2] !== 0) slot = (slot + 1) & mask;
      table[slot * 2] = old[at];
      table[slot * 2 + 1] = a;
    }
    this.table = table;
  }
}
