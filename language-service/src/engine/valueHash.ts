/**
 * The two 32-bit hashes the unique-value indexes keep of a value (`uniqueValues.ts`), taken either from the value
 * as a string or straight from its cell's span in the record's text, without making the string: the first reading
 * of a large file hashes a million cells, and slicing, trimming and lowercasing each one was most of that reading's
 * time. Both ways give the same hashes for the same value (`test/unit/valueHash.test.ts` compares them).
 */

/** Where the hashes of the last value hashed are, so that hashing allocates nothing. */
export const hashes = new Int32Array(2);

/** What `hashSpan` did. */
export const SPAN_EMPTY = 0;
export const SPAN_HASHED = 1;
/** The span needs the string path: a quoted cell, or a character that is not ASCII (trim and case are Unicode's). */
export const SPAN_NEEDS_STRING = 2;

const SEED_A = 0x811c9dc5 | 0;
const SEED_B = 0x9747b28c | 0;
const PRIME_A = 0x01000193;
const PRIME_B = 0x5bd1e995;

const QUOTE = 34;
const SPACE = 32;
const UPPER_A = 65;
const UPPER_Z = 90;

/**
 * Two independent 32-bit multiplicative hashes of the string's code units (FNV-1a's and another seed and
 * multiplier), in one pass, each finished with murmur3's avalanche.
 */
export function hashString(value: string): void {
  let a = SEED_A;
  let b = SEED_B;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    a = Math.imul(a ^ code, PRIME_A);
    b = Math.imul(b ^ code, PRIME_B);
  }
  hashes[0] = avalanche(a);
  hashes[1] = avalanche(b);
}

/** ASCII whitespace, which `String.prototype.trim` removes (it removes more, but only beyond ASCII). */
function isAsciiSpace(code: number): boolean {
  return code === SPACE || (code >= 9 && code <= 13);
}

/**
 * Hashes the unquoted cell `text[from, to)` as `hashString` hashes its value trimmed (and lowercased with
 * `ignoreCase`), when that can be done from its characters alone: ASCII only, not quoted. Otherwise says so, and
 * the caller takes the string path.
 */
export function hashSpan(text: string, from: number, to: number, ignoreCase: boolean): number {
  let start = from;
  let end = to;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  // Nothing but ASCII whitespace: an empty value (a quoted cell starts with a quote, which is not whitespace).
  if (start === end) return SPAN_EMPTY;
  if (text.charCodeAt(from) === QUOTE) return SPAN_NEEDS_STRING;
  let a = SEED_A;
  let b = SEED_B;
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code >= 128) return SPAN_NEEDS_STRING;
    if (ignoreCase && code >= UPPER_A && code <= UPPER_Z) code += 32;
    a = Math.imul(a ^ code, PRIME_A);
    b = Math.imul(b ^ code, PRIME_B);
  }
  hashes[0] = avalanche(a);
  hashes[1] = avalanche(b);
  return SPAN_HASHED;
}

function avalanche(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
