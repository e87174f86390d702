/**
 * Finds where each cell of one record starts and ends.
 *
 * csv-parse gives each record's values and its raw text, but not where each cell sits in that text;
 * the editor needs the exact range of every cell. This scan walks the raw record once, following the same
 * quoting rules csv-parse applies with `relax_quotes`: a field that starts with a quote runs to the matching
 * closing quote (a doubled quote is an escaped one) and then to the next comma; any other field runs to the
 * next comma.
 */

export interface CellSpan {
  start: number;
  end: number;
  quoted: boolean;
  /** True when the field opened a quote that the text never closes. */
  unterminated: boolean;
}

/** Splits `text[from, to)` (one record, without its line break) into cell spans. */
export function cellBoundaries(text: string, from: number, to: number): CellSpan[] {
  const spans: CellSpan[] = [];
  let pos = from;
  for (;;) {
    const start = pos;
    let quoted = false;
    let unterminated = false;
    if (text.charCodeAt(pos) === 34 /* " */ && pos < to) {
      quoted = true;
      let scan = pos + 1;
      for (;;) {
        const quote = text.indexOf('"', scan);
        if (quote < 0 || quote >= to) {
          unterminated = true;
          pos = to;
          break;
        }
        if (text.charCodeAt(quote + 1) === 34 && quote + 1 < to) {
          scan = quote + 2;
          continue;
        }
        pos = quote + 1;
        break;
      }
    }
    let comma = unterminated ? -1 : text.indexOf(',', pos);
    if (comma < 0 || comma >= to) comma = -1;
    const end = comma < 0 ? to : comma;
    spans.push({ start, end, quoted, unterminated });
    if (comma < 0) return spans;
    pos = comma + 1;
  }
}
