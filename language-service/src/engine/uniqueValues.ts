/**
 * The values of one unique column (Extension, Email: `unique` in the column table) and the records using each, so
 * that a value used on two rows is reported on both. The same index serves both sources: the editor adds and
 * removes records as edits replace them, and the CLI's stream adds every record of a file on its first reading.
 *
 * Values are kept as two 32-bit hashes in typed arrays (about 30 bytes a value), not as strings in a Map (over
 * 100), so that a million-row file fits in flat memory; the value itself is read again from a record when a message
 * quotes it. Two values count as the same when both hashes agree: a 64-bit match, which for a million values has a
 * chance of about one in thirty million of taking two different values for one.
 *
 * Records are named by ids that survive edits elsewhere in the file (`RecordTable`); `order` gives an id's place, so
 * that the uses of a value are kept in record order.
 */
import type { ColumnName } from '../columns';
import type { DiagnosticCode } from '../catalog/diagnosticCodes';
import type { RowView } from '../csv/rowView';

export interface UniqueColumn {
  column: ColumnName;
  field: number;
  code: DiagnosticCode;
  /** Letter case does not count (emails). */
  ignoreCase: boolean;
}

export class UniqueValues {
  private slots = new Int32Array(1 << 12);
  private count = 0;
  private hashA = new Int32Array(1 << 11);
  private hashB = new Int32Array(1 << 11);
  /** The one record using each value, or -1 when none or several (then `repeated` has them). */
  private only = new Int32Array(1 << 11);
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
    if (editable) this.entryOfRecord = new Int32Array(1 << 11);
  }

  /** The value of a row under this column as the index compares it; empty when the row has none. */
  keyOf(row: RowView): string {
    if (row.blank || this.spec.field >= row.cellCount) return '';
    const value = row.value(this.spec.field).trim();
    return this.spec.ignoreCase ? value.toLowerCase() : value;
  }

  /** Indexes a data row's value, if it has one. */
  add(row: RowView, id: number): void {
    const key = this.keyOf(row);
    if (key === '') return;
    const entry = this.entryFor(key, true);
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
    const entry = this.entryFor(key, false);
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
  private entryFor(value: string, create: boolean): number {
    hashBoth(value);
    const a = hashes[0];
    const b = hashes[1];
    const mask = this.slots.length - 1;
    let slot = a & mask;
    for (;;) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) break;
      if (this.hashA[entry] === a && this.hashB[entry] === b) return entry;
      slot = (slot + 1) & mask;
    }
    if (!create) return -1;
    const entry = this.count++;
    if (entry === this.hashA.length) this.growEntries();
    this.hashA[entry] = a;
    this.hashB[entry] = b;
    this.only[entry] = -1;
    this.slots[slot] = entry + 1;
    if (this.count * 2 > this.slots.length) this.growSlots();
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
    this.hashA = grow(this.hashA);
    this.hashB = grow(this.hashB);
    this.only = grow(this.only);
  }

  private growSlots(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.hashA[entry] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

/** Where `hashBoth` puts its two hashes, so that hashing a value allocates nothing. */
const hashes = new Int32Array(2);

/**
 * Two independent 32-bit multiplicative hashes of the string's code units (FNV-1a's and another seed and
 * multiplier), in one pass, each finished with murmur3's avalanche.
 */
function hashBoth(value: string): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  hashes[0] = avalanche(a);
  hashes[1] = avalanche(b);
}

function avalanche(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
