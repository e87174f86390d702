/**
 * The values of one unique column as a streamed reading finds them (`streamIndex.ts`): each value's two hashes
 * (`valueHash.ts`) and the line of its record, appended as they come and sorted once the reading is done. Equal
 * values then sit side by side, in line order; a part finds its values in another part's list by walking both
 * lists together (`streamLink.ts`); and a value's uses are found again by a binary search.
 *
 * Appending and sorting read and write memory in order. The editor's index (`uniqueValues.ts`), a hash table that
 * follows edits, costs a cache miss a value instead: on a million-row file the first reading spent more time there,
 * growing and probing the table, than on everything else it did.
 */
import { hashes } from './valueHash';

/** Makes the typed array a list is sorted into: an ordinary one, or one another thread can read. */
export type Int32Allocator = (length: number) => Int32Array;

export const ordinaryMemory: Int32Allocator = (length) => new Int32Array(length);
export const sharedMemory: Int32Allocator = (length) => new Int32Array(new SharedArrayBuffer(length * 4));

/** Each value takes three numbers: its first hash, its second, its line. */
export const STRIDE = 3;

/**
 * A sorted list, plain data for any thread: value `i` has hashes `data[3i]`, `data[3i + 1]` and is used on line
 * `data[3i + 2]`. Sorted by the hashes as unsigned numbers, the first hash first; equal values by line.
 */
export interface SortedValues {
  count: number;
  data: Int32Array;
}

export class ValueList {
  private count = 0;
  private data: Int32Array;

  /** `allocate` makes the list's memory, which the sorted list is: another thread can read it if it is shared. */
  constructor(
    private readonly allocate: Int32Allocator = ordinaryMemory,
    capacity = 1024,
  ) {
    this.data = allocate(capacity * STRIDE);
  }

  /** Makes room for `values` values in all (a list whose size can be guessed is not grown step by step). */
  reserve(values: number): void {
    if (values * STRIDE > this.data.length) this.resize(values);
  }

  /** Adds the value whose hashes are in `hashes`, used on `line` (lines come in order). */
  add(line: number): void {
    let at = this.count++ * STRIDE;
    if (at === this.data.length) this.resize(this.count * 2);
    const data = this.data;
    data[at++] = hashes[0];
    data[at++] = hashes[1];
    data[at] = line;
  }

  /**
   * The values sorted, in the list's own memory. A radix sort: four stable passes of 8 bits of the first hash,
   * from its lowest, each reading in order and writing to 256 places that stay in the processor's cache; the few
   * values sharing a first hash are then ordered by their second. `scratch` is memory for the passes (at least
   * three numbers a value), which the lists of one reading can share.
   */
  sorted(scratch = new Int32Array(this.count * STRIDE)): SortedValues {
    const count = this.count;
    const data = this.data;
    for (let shift = 0; shift < 32; shift += 16) {
      scatter(data, scratch, count, shift);
      scatter(scratch, data, count, shift + 8);
    }
    const sorted = { count, data };
    sortRunsBySecondHash(sorted);
    return sorted;
  }

  /** How many numbers sorting needs as scratch. */
  get scratchLength(): number {
    return this.count * STRIDE;
  }

  private resize(values: number): void {
    const grown = this.allocate(values * STRIDE);
    grown.set(this.data.subarray(0, this.count * STRIDE));
    this.data = grown;
  }
}

/** One counting-sort pass of `count` values from `from` into `to` by the 8 bits of the first hash at `shift`. */
function scatter(from: Int32Array, to: Int32Array, count: number, shift: number): void {
  const starts = new Int32Array(256);
  const end = count * STRIDE;
  for (let at = 0; at < end; at += STRIDE) starts[(from[at] >>> shift) & 0xff]++;
  let total = 0;
  for (let digit = 0; digit < starts.length; digit++) {
    const size = starts[digit];
    starts[digit] = total * STRIDE;
    total += size;
  }
  for (let at = 0; at < end; at += STRIDE) {
    const digit = (from[at] >>> shift) & 0xff;
    const place = starts[digit];
    starts[digit] = place + STRIDE;
    to[place] = from[at];
    to[place + 1] = from[at + 1];
    to[place + 2] = from[at + 2];
  }
}

/** Within each run of equal first hashes, orders by the second (stable): few values share a first hash. */
function sortRunsBySecondHash(values: SortedValues): void {
  const { data, count } = values;
  for (let start = 0; start < count;) {
    let end = start + 1;
    while (end < count && data[end * STRIDE] === data[start * STRIDE]) end++;
    if (end - start > 1 && !secondHashesAscend(data, start, end)) {
      const order = Array.from({ length: end - start }, (_, i) => start + i).sort(
        (x, y) => (data[x * STRIDE + 1] >>> 0) - (data[y * STRIDE + 1] >>> 0) || x - y,
      );
      const run = order.flatMap((i) => [data[i * STRIDE], data[i * STRIDE + 1], data[i * STRIDE + 2]]);
      data.set(run, start * STRIDE);
    }
    start = end;
  }
}

function secondHashesAscend(data: Int32Array, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (data[i * STRIDE + 1] >>> 0 < data[(i - 1) * STRIDE + 1] >>> 0) return false;
  return true;
}

/** Value `i`'s first hash, second hash and line. */
export function hashAOf(values: SortedValues, i: number): number {
  return values.data[i * STRIDE];
}

export function hashBOf(values: SortedValues, i: number): number {
  return values.data[i * STRIDE + 1];
}

export function lineOf(values: SortedValues, i: number): number {
  return values.data[i * STRIDE + 2];
}

/** Orders value `i` against hashes `a`, `b`, as `sorted` orders values: negative, zero or positive. */
export function compareAt(values: SortedValues, i: number, a: number, b: number): number {
  const data = values.data;
  return (data[i * STRIDE] >>> 0) - (a >>> 0) || (data[i * STRIDE + 1] >>> 0) - (b >>> 0);
}

/** The first place in `values` whose hashes are not below `a`, `b`. */
export function lowerBound(values: SortedValues, a: number, b: number): number {
  let low = 0;
  let high = values.count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareAt(values, mid, a, b) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The end of the run of equal values starting at `start`. */
export function runEnd(values: SortedValues, start: number): number {
  const a = hashAOf(values, start);
  const b = hashBOf(values, start);
  let end = start + 1;
  while (end < values.count && hashAOf(values, end) === a && hashBOf(values, end) === b) end++;
  return end;
}

/** The place of `line` among the uses of the run `[start, end)` (in line order), or -1. */
export function useIn(values: SortedValues, start: number, end: number, line: number): number {
  let low = start;
  let high = end - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = lineOf(values, mid);
    if (at === line) return mid - start;
    if (at < line) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
