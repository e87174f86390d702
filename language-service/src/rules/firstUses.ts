/**
 * Where each value was first used, for checking a file in one pass with little memory (the CLI on files of a
 * million rows): values are kept as two 32-bit hashes in typed arrays, about 30 bytes a value, rather than as
 * strings in a Map (over 100). The first use's position is kept, since a streamed row cannot be read again.
 *
 * Two values count as the same when both hashes agree: a 64-bit match, which for a million values has a chance of
 * about one in thirty million of taking two different values for one.
 */
import type { Position } from 'vscode-languageserver-types';

export interface CellUse {
  /** 1-based line of the row, as duplicate messages name it. */
  rowLine: number;
  start: Position;
  end: Position;
}

export class FirstUses {
  private slots = new Int32Array(1 << 12);
  private count = 0;
  private hashA = new Int32Array(1 << 11);
  private hashB = new Int32Array(1 << 11);
  private startLine = new Int32Array(1 << 11);
  private startCharacter = new Int32Array(1 << 11);
  private endCharacter = new Int32Array(1 << 11);
  /** Uses whose row line or end line differ from their start line (cells in rows with line breaks in quotes). */
  private readonly unusual = new Map<number, CellUse>();

  /** Records `use` of `value` when it is the first; otherwise returns the first use. */
  firstUse(value: string, use: CellUse): CellUse | undefined {
    const a = hash(value, 0x811c9dc5, 0x01000193);
    const b = hash(value, 0x9747b28c, 0x5bd1e995);
    const mask = this.slots.length - 1;
    let slot = a & mask;
    for (;;) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) break;
      if (this.hashA[entry] === a && this.hashB[entry] === b) return this.useOf(entry);
      slot = (slot + 1) & mask;
    }
    const entry = this.count++;
    if (entry === this.hashA.length) this.growEntries();
    this.hashA[entry] = a;
    this.hashB[entry] = b;
    this.startLine[entry] = use.start.line;
    this.startCharacter[entry] = use.start.character;
    this.endCharacter[entry] = use.end.character;
    if (use.rowLine !== use.start.line + 1 || use.end.line !== use.start.line) this.unusual.set(entry, use);
    this.slots[slot] = entry + 1;
    if (this.count * 2 > this.slots.length) this.growSlots();
    return undefined;
  }

  private useOf(entry: number): CellUse {
    const unusual = this.unusual.get(entry);
    if (unusual) return unusual;
    const line = this.startLine[entry];
    return {
      rowLine: line + 1,
      start: { line, character: this.startCharacter[entry] },
      end: { line, character: this.endCharacter[entry] },
    };
  }

  private growEntries(): void {
    const grow = (array: Int32Array) => {
      const grown = new Int32Array(array.length * 2);
      grown.set(array);
      return grown;
    };
    this.hashA = grow(this.hashA);
    this.hashB = grow(this.hashB);
    this.startLine = grow(this.startLine);
    this.startCharacter = grow(this.startCharacter);
    this.endCharacter = grow(this.endCharacter);
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

/** A 32-bit multiplicative hash of the string's code units, finished with murmur3's avalanche. */
function hash(value: string, seed: number, multiplier: number): number {
  let h = seed | 0;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), multiplier);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
