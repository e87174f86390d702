/**
 * What the streamed check reads (`streamValidation.ts`): a text too large to hold, given in pieces as often as it is
 * read, or one part of such a text, so that several threads can check one file side by side.
 */

/** A text read in pieces, as often as asked. */
export interface StreamSource {
  /** The text, in pieces. */
  read(): AsyncIterable<string>;
  /**
   * The same text as a cheaper stand-in for the first reading, when the host has one: its bytes, one character each
   * (Latin-1), in an encoding where a byte below 0x80 is always that ASCII character (UTF-8, Windows-1252). Its
   * records, cells and lines are the text's; `decode` turns whole cells of it into the text's characters. The
   * first reading then decodes only the few cells that are not ASCII, and scans one byte a character.
   */
  bytes?: {
    read(): AsyncIterable<string>;
    decode(span: string): string;
    /** How many bytes there are, when known: the first reading sizes its lists from it. */
    size?: number;
    /**
     * Where a part is meant to end, when its bytes read on past it (to the text's end): the first reading stops at
     * the first record that ends there or beyond, and says where that is (`PartSummary.bytesRead`), so that a part
     * cut inside a record (a quoted line break) still ends on a record's end.
     */
    end?: number;
  };
}

/** The header record, as read from the start of the text: a part that does not hold the start is told it. */
export interface HeaderRecord {
  /** The record's text (what the header is made of). */
  text: string;
  /** Its index among the text's records, its line and its offset (blank records may come before it). */
  index: number;
  line: number;
  start: number;
  /** `RecordTable`'s flags of the record (an unclosed quote in it). */
  flags: number;
  /** The first characters of the text, for recognising its encoding (`FileRule`'s `textStart`). */
  textStart: string;
}

/**
 * Where a part sits in the text: the first holds the start (and the header, unless `header` says where it is). A
 * whole text is a first part.
 */
export interface StreamPlace {
  first: boolean;
  /** The header, for a part that does not hold the start (and may be given to the first one too). */
  header?: HeaderRecord;
}

export const WHOLE_TEXT: StreamPlace = { first: true };
