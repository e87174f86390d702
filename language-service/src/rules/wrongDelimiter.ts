/**
 * A file saved with semicolons or tabs between its cells (Excel's "CSV" in many European locales uses `;`, and
 * "Text (Tab delimited)" uses tabs). Read with commas, its whole header is one unknown column. When the header
 * names more import columns split at another delimiter than at commas, say so; the fix rewrites the file with
 * commas when every row splits into as many cells as the header.
 */
import { findColumn } from '../columns';
import { CELL_LIMIT } from '../csv/rowView';
import type { FileRule } from './rule';

export interface Delimiter {
  character: string;
  /** How the file is described: "semicolon-separated". */
  description: string;
}

const DELIMITERS: readonly Delimiter[] = [
  { character: ';', description: 'semicolon-separated' },
  { character: '\t', description: 'tab-separated' },
];

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * The delimiter the header line is written with, when splitting it at that delimiter names more import columns
 * than the `commaColumns` it names when split at commas.
 */
export function detectDelimiter(headerLine: string, commaColumns: number): Delimiter | undefined {
  let best: Delimiter | undefined;
  let bestColumns = commaColumns;
  for (const delimiter of DELIMITERS) {
    if (!headerLine.includes(delimiter.character)) continue;
    const names = new Set<string>();
    for (const value of splitLine(headerLine, delimiter.character)) {
      const column = findColumn(value);
      if (column) names.add(column.name);
    }
    if (names.size > bestColumns) {
      best = delimiter;
      bestColumns = names.size;
    }
  }
  return best;
}

/**
 * The values of one line split at `delimiter`, quotes read as in a CSV file (`""` inside quotes is one `"`): the
 * first `limit` of them, so that a line of any width makes a bounded number of strings.
 */
export function splitLine(line: string, delimiter: string, limit = CELL_LIMIT): string[] {
  const values: string[] = [];
  let pos = 0;
  while (values.length < limit) {
    let value: string;
    if (line.charCodeAt(pos) === QUOTE) {
      const close = closingQuote(line, pos);
      const end = close < 0 ? line.length : close;
      value = line.slice(pos + 1, end).replace(/""/g, '"');
      pos = close < 0 ? line.length : close + 1;
      const next = line.indexOf(delimiter, pos);
      value += line.slice(pos, next < 0 ? line.length : next);
      pos = next < 0 ? line.length : next;
    } else {
      const next = line.indexOf(delimiter, pos);
      value = line.slice(pos, next < 0 ? line.length : next);
      pos = next < 0 ? line.length : next;
    }
    values.push(value);
    if (pos >= line.length) return values;
    pos += delimiter.length;
  }
  return values;
}

/**
 * `text` rewritten with commas between cells instead of `delimiter`, every value unchanged: a value holding a
 * comma is quoted, a quoted value is kept as written, line breaks stay as they were. Undefined when that is not
 * safe: a quote never closes, text follows a closing quote, or a row splits into another number of cells than
 * the header (then the file is probably not written with that delimiter throughout).
 */
export function convertToCommas(text: string, delimiter: string): string | undefined {
  const separator = delimiter.charCodeAt(0);
  const parts: string[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (pos === 1) parts.push('\ufeff');
  let width = -1;
  while (pos < text.length) {
    let cells = 0;
    let blank = true;
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        const close = closingQuote(text, pos);
        if (close < 0) return undefined;
        const after = text.charCodeAt(close + 1);
        if (close + 1 < text.length && after !== separator && after !== CR && after !== LF) return undefined;
        if (close > pos + 1) blank = false;
        parts.push(text.slice(pos, close + 1));
        pos = close + 1;
      } else {
        let end = pos;
        for (; end < text.length; end++) {
          const code = text.charCodeAt(end);
          if (code === separator || code === CR || code === LF) break;
        }
        const value = text.slice(pos, end);
        if (value !== '') blank = false;
        parts.push(value.includes(',') ? `"${value.replace(/"/g, '""')}"` : value);
        pos = end;
      }
      cells++;
      if (text.charCodeAt(pos) !== separator) break;
      parts.push(',');
      pos++;
    }
    if (!blank) {
      if (width < 0) width = cells;
      else if (cells !== width) return undefined;
    }
    const lineBreak = text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF ? 2 : pos < text.length ? 1 : 0;
    parts.push(text.slice(pos, pos + lineBreak));
    pos += lineBreak;
  }
  return parts.join('');
}

/** The offset of the quote closing the one at `open` (`""` is an escaped quote), or -1 when none closes it. */
function closingQuote(text: string, open: number): number {
  let quote = open + 1;
  for (;;) {
    quote = text.indexOf('"', quote);
    if (quote < 0 || text.charCodeAt(quote + 1) !== QUOTE) return quote;
    quote += 2;
  }
}

export const wrongDelimiter: FileRule = {
  name: 'wrong-delimiter',
  checkFile({ header, headerText, report }) {
    const delimiter = detectDelimiter(headerText, header.knownColumnCount);
    if (!delimiter) return;
    report(
      'wrong-delimiter',
      header.start,
      header.end,
      `This file looks ${delimiter.description}; the import expects commas between cells. Save it as "CSV UTF-8 (Comma delimited)", or convert it.`,
    );
  },
};
