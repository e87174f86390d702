/**
 * How the rules library reads a document's text. A plain `TextDocument` hands out its whole text as one string;
 * a document that keeps its text in pieces (`ChunkedTextDocument`) hands out slices, so that nothing ever has to
 * build the whole string of a large file again after a keystroke.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** One edit in offsets, as applied to the text produced by the edits before it. */
export interface TextChange {
  /** Offset of the first replaced character. */
  start: number;
  /** Offset just past the last replaced character (equal to `start` for an insertion). */
  end: number;
  text: string;
}

/** A document that can give out parts of its text without joining all of it. */
export interface SlicedTextDocument extends TextDocument {
  /** The text's length in UTF-16 code units. */
  readonly length: number;
  slice(start: number, end: number): string;
  /** The whole text when it is still the one string the document was opened with (no edit yet), else undefined. */
  readonly openedText?: string | undefined;
}

export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
  /** The whole text, when the document keeps it as one string anyway (reading it then costs nothing). */
  readonly text: string | undefined;
}

export function isSlicedTextDocument(document: TextDocument): document is SlicedTextDocument {
  return typeof (document as Partial<SlicedTextDocument>).slice === 'function';
}

export function textSourceOf(document: TextDocument): TextSource {
  if (isSlicedTextDocument(document)) {
    // Until the first edit the text is still the string the document was opened with: reading it whole is free.
    const text = document.openedText;
    if (text !== undefined) return { length: text.length, slice: (start, end) => text.slice(start, end), text };
    return { length: document.length, slice: (start, end) => document.slice(start, end), text: undefined };
  }
  const text = document.getText();
  return { length: text.length, slice: (start, end) => text.slice(start, end), text };
}
