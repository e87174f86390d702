/**
 * A `TextDocument` that keeps its text in chunks of whole lines, for the language server's open documents.
 *
 * `vscode-languageserver-textdocument` rebuilds the whole string on every change: about 13 ms per keystroke in a
 * 22 MB file, most of a keystroke's budget. Here a change rebuilds only the chunk it falls in (a few kilobytes)
 * and that chunk's line starts; positions are found by two binary searches. The document also remembers the
 * offsets of its recent changes, so that the parsed model can be brought up to date by re-reading only the
 * records a change touched (`changesSince`).
 *
 * Positions behave exactly as in `vscode-languageserver-textdocument`: CR, LF and CRLF end a line, and a position
 * past the end of a line or inside its line break is taken back to the end of its text.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { SlicedTextDocument, TextChange } from './textSource';

const LF = 10;
const CR = 13;
/** Chunks are cut near this size when the text is loaded, and when an edit makes one larger than twice it. */
const CHUNK_SIZE = 16 * 1024;
/** Recent changes kept for `changesSince`; a model further behind than this is parsed again in full. */
const LOG_ENTRIES = 256;
const LOG_CHARACTERS = 4 * 1024 * 1024;

interface LogEntry {
  from: number;
  to: number;
  changes: TextChange[];
  characters: number;
}

export class ChunkedTextDocument implements SlicedTextDocument {
  private chunks: string[] = [];
  /** Offsets of each line start inside its chunk; every chunk starts at a line start. */
  private lineStarts: Int32Array[] = [];
  private chunkStarts: number[] = [];
  private chunkFirstLines: number[] = [];
  private totalLength = 0;
  private totalLines = 1;
  private log: LogEntry[] = [];
  private logCharacters = 0;
  /**
   * The text the document was opened with, until the first edit. The chunks are slices of it, which keep it alive
   * anyway, so holding it costs no memory; it spares joining the chunks again when the whole text is read at open.
   */
  private opened: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
    /** Chunks are cut near this size (tests use small chunks to exercise the seams). */
    private readonly chunkSize = CHUNK_SIZE,
  ) {
    this.load(text);
  }

  static create(uri: string, languageId: string, version: number, content: string): ChunkedTextDocument {
    return new ChunkedTextDocument(uri, languageId, version, content);
  }

  /** Applies changes as `TextDocument.update` does, in place, and returns the same document. */
  static update(
    document: ChunkedTextDocument,
    changes: TextDocumentContentChangeEvent[],
    version: number,
  ): ChunkedTextDocument {
    document.update(changes, version);
    return document;
  }

  get version(): number {
    return this.currentVersion;
  }

  get length(): number {
    return this.totalLength;
  }

  get lineCount(): number {
    return this.totalLines;
  }

  get openedText(): string | undefined {
    return this.opened;
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    return this.opened ?? this.chunks.join('');
  }

  slice(start: number, end: number): string {
    const from = Math.max(0, Math.min(start, this.totalLength));
    const to = Math.max(from, Math.min(end, this.totalLength));
    if (from === to) return '';
    let chunk = this.chunkAt(from);
    const chunkStart = this.chunkStarts[chunk];
    if (to <= chunkStart + this.chunks[chunk].length)
      return this.chunks[chunk].slice(from - chunkStart, to - chunkStart);
    const parts = [this.chunks[chunk].slice(from - chunkStart)];
    for (chunk++; chunk < this.chunks.length; chunk++) {
      const start = this.chunkStarts[chunk];
      if (to <= start + this.chunks[chunk].length) {
        parts.push(this.chunks[chunk].slice(0, to - start));
        break;
      }
      parts.push(this.chunks[chunk]);
    }
    return parts.join('');
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.totalLength));
    const chunk = this.chunkAt(clamped);
    const chunkStart = this.chunkStarts[chunk];
    const starts = this.lineStarts[chunk];
    const line = lastAtOrBefore(starts, clamped - chunkStart);
    const lineStart = chunkStart + starts[line];
    return {
      line: this.chunkFirstLines[chunk] + line,
      character: this.beforeLineBreak(chunk, clamped, lineStart) - lineStart,
    };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.totalLines) return this.totalLength;
    if (position.line < 0) return 0;
    const chunk = lastAtOrBefore(this.chunkFirstLines, position.line);
    const chunkStart = this.chunkStarts[chunk];
    const starts = this.lineStarts[chunk];
    const line = position.line - this.chunkFirstLines[chunk];
    const lineStart = chunkStart + starts[line];
    if (position.character <= 0) return lineStart;
    const nextLineStart =
      line + 1 < starts.length
        ? chunkStart + starts[line + 1]
        : chunk + 1 < this.chunks.length
          ? this.chunkStarts[chunk + 1]
          : this.totalLength;
    return this.beforeLineBreak(chunk, Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  /**
   * The changes since `version`, in offsets, in the order they were made; undefined when they are no longer
   * known (the model must then be parsed again).
   */
  changesSince(version: number): TextChange[] | undefined {
    if (version === this.currentVersion) return [];
    const first = this.log.findIndex((entry) => entry.from === version);
    if (first < 0) return undefined;
    const changes: TextChange[] = [];
    let at = version;
    for (let index = first; index < this.log.length; index++) {
      const entry = this.log[index];
      if (entry.from !== at) return undefined;
      changes.push(...entry.changes);
      at = entry.to;
    }
    return at === this.currentVersion ? changes : undefined;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const applied: TextChange[] = [];
    let characters = 0;
    for (const change of changes) {
      let edit: TextChange;
      if ('range' in change) {
        const range = wellFormed(change.range);
        edit = { start: this.offsetAt(range.start), end: this.offsetAt(range.end), text: change.text };
      } else {
        edit = { start: 0, end: this.totalLength, text: change.text };
      }
      this.replace(edit.start, edit.end, edit.text);
      applied.push(edit);
      characters += edit.text.length;
    }
    this.remember({ from: this.currentVersion, to: version, changes: applied, characters });
    this.currentVersion = version;
  }

  private remember(entry: LogEntry): void {
    this.log.push(entry);
    this.logCharacters += entry.characters;
    while (this.log.length > LOG_ENTRIES || (this.logCharacters > LOG_CHARACTERS && this.log.length > 1)) {
      this.logCharacters -= this.log.shift()?.characters ?? 0;
    }
  }

  private load(text: string): void {
    this.opened = text;
    this.chunks = splitIntoChunks(text, this.chunkSize);
    this.lineStarts = this.chunks.map((chunk, index) => lineStartsOf(chunk, index === this.chunks.length - 1));
    this.reindex(0);
  }

  /** Replaces `[start, end)` with `text`, rebuilding only the chunks the change touches. */
  private replace(start: number, end: number, text: string): void {
    this.opened = undefined;
    if (this.chunks.length === 1 && this.chunks[0] === '') {
      this.load(text);
      return;
    }
    let first = this.chunkAt(start);
    let last = end > start ? this.chunkAt(end - 1) : first;
    const firstStart = this.chunkStarts[first];
    const joined = this.chunks.slice(first, last + 1).join('');
    let changed = joined.slice(0, start - firstStart) + text + joined.slice(end - firstStart);
    // Keep every chunk but the last ending with a whole line break: take in neighbours until that holds.
    for (;;) {
      if (first > 0 && this.chunks[first - 1].charCodeAt(this.chunks[first - 1].length - 1) === CR) {
        if (changed.charCodeAt(0) === LF || changed === '') {
          first--;
          changed = this.chunks[first] + changed;
          continue;
        }
      }
      if (last + 1 < this.chunks.length) {
        const tail = changed.charCodeAt(changed.length - 1);
        const nextHead = this.chunks[last + 1].charCodeAt(0);
        if (changed === '' || (tail !== LF && tail !== CR) || (tail === CR && nextHead === LF)) {
          last++;
          changed += this.chunks[last];
          continue;
        }
      }
      break;
    }
    const isLast = last === this.chunks.length - 1;
    const pieces = changed === '' && !(first === 0 && isLast) ? [] : splitIntoChunks(changed, this.chunkSize);
    const starts = pieces.map((piece, index) => lineStartsOf(piece, isLast && index === pieces.length - 1));
    if (pieces.length === 0 && isLast && first > 0) {
      // The last chunk went away: the one before it is now last, and a line break at its end starts a last line.
      this.lineStarts[first - 1] = lineStartsOf(this.chunks[first - 1], true);
    }
    this.chunks.splice(first, last - first + 1, ...pieces);
    this.lineStarts.splice(first, last - first + 1, ...starts);
    if (this.chunks.length === 0) {
      this.chunks = [''];
      this.lineStarts = [new Int32Array(1)];
    }
    this.reindex(Math.max(0, first - 1));
  }

  private reindex(from: number): void {
    const count = this.chunks.length;
    this.chunkStarts.length = count;
    this.chunkFirstLines.length = count;
    let offset = from > 0 ? this.chunkStarts[from - 1] + this.chunks[from - 1].length : 0;
    let line = from > 0 ? this.chunkFirstLines[from - 1] + this.lineStarts[from - 1].length : 0;
    for (let index = from; index < count; index++) {
      this.chunkStarts[index] = offset;
      this.chunkFirstLines[index] = line;
      offset += this.chunks[index].length;
      line += this.lineStarts[index].length;
    }
    this.totalLength = offset;
    this.totalLines = line;
  }

  /** The chunk holding `offset` (the last chunk for the end of the text). */
  private chunkAt(offset: number): number {
    return lastAtOrBefore(this.chunkStarts, offset);
  }

  /** Moves an offset back out of a line break, as `TextDocument` does. */
  private beforeLineBreak(chunk: number, offset: number, lineStart: number): number {
    const text = this.chunks[chunk];
    const chunkStart = this.chunkStarts[chunk];
    let at = offset;
    while (at > lineStart) {
      const code = text.charCodeAt(at - 1 - chunkStart);
      if (code !== LF && code !== CR) break;
      at--;
    }
    return at;
  }
}

/** The index of the last element at or below `value` in an ascending array whose first element is 0. */
function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Cuts text into pieces of about `size` that each end with a whole line break (but the last). */
function splitIntoChunks(text: string, size: number): string[] {
  if (text.length <= 2 * size) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > 2 * size) {
    const cut = lineBreakEnd(text, start + size);
    if (cut < 0 || cut >= text.length) break;
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** The offset just past the first whole line break at or after `from`, or -1. */
function lineBreakEnd(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === LF) return at + 1;
    if (code === CR) {
      if (at + 1 >= text.length) return -1;
      return text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
    }
  }
  return -1;
}

/** Offsets of the line starts in a chunk; a line break at the very end starts a line only in the last chunk. */
function lineStartsOf(chunk: string, isLast: boolean): Int32Array {
  const starts = [0];
  // Line breaks are found with native searches, each kept until it is passed, rather than one look a character:
  // opening a 14 MB file reads every chunk once.
  let nextLf = chunk.indexOf('\n');
  let nextCr = chunk.indexOf('\r');
  for (;;) {
    let at: number;
    if (nextCr >= 0 && (nextLf < 0 || nextCr < nextLf)) {
      at = nextCr;
      if (nextLf === at + 1) at++;
    } else if (nextLf >= 0) at = nextLf;
    else break;
    if (at + 1 < chunk.length || isLast) starts.push(at + 1);
    if (nextLf >= 0 && nextLf <= at) nextLf = chunk.indexOf('\n', at + 1);
    if (nextCr >= 0 && nextCr <= at) nextCr = chunk.indexOf('\r', at + 1);
  }
  return Int32Array.from(starts);
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
    return { start: end, end: start };
  }
  return range;
}

/** The configuration `TextDocuments` takes to keep its documents as chunked documents. */
export const ChunkedTextDocuments = {
  create: ChunkedTextDocument.create,
  update: ChunkedTextDocument.update,
};

export type { TextDocument };
