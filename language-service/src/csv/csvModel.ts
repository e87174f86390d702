/**
 * A record and its cells as objects, with their exact offsets: what hover, completion, fixes and tests read.
 * The model does not keep these (see `recordTable.ts`); it builds them for the one record a request is about.
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
