/**
 * The parsed shape of a CSV text: records and cells with their exact offsets.
 * Offsets are UTF-16 code-unit indexes into the document text, so they map straight to LSP positions.
 */

export interface CsvCell {
  /** Zero-based position of the field in its record. */
  field: number;
  /** The value after unquoting (`"a""b"` gives `a"b`). */
  value: string;
  /** Offset of the cell's first character (its opening quote, when quoted). */
  start: number;
  /** Offset just past the cell's last character (its closing quote, when quoted). */
  end: number;
  quoted: boolean;
}

export interface CsvRecord {
  /** Zero-based index of the record in the file, the header being record 0. */
  index: number;
  /** Offset of the record's first character. */
  start: number;
  /** Offset just past the record's last character, before its line break. */
  end: number;
  cells: CsvCell[];
  /** True when every cell is empty (an empty line, or a line of commas). */
  blank: boolean;
  /** True when a quote opened in this record is never closed: `cells` holds only the cells before that quote. */
  unterminated?: boolean;
}

export type CsvProblemKind = 'unterminatedQuote';

/** A problem in the CSV syntax itself, found while splitting records and cells. */
export interface CsvProblem {
  kind: CsvProblemKind;
  start: number;
  end: number;
}

export interface ParsedCsv {
  records: CsvRecord[];
  problems: CsvProblem[];
  /** 1 when the text starts with a byte order mark, which is not part of the first cell. */
  bomLength: number;
}
