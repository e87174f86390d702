/**
 * A whole CSV text as records and cells, as objects: for callers that want every record of a small text (the
 * import client reads a file's PINs this way). The editor's model keeps a compact table instead
 * (`recordTable.ts`); both read the text with the same scanner, which reads it as csv-parse does.
 */
import type { CsvRecord } from './csvModel';
import { readRecords } from './recordTable';
import { RowView } from './rowView';
import { bomLengthOf } from './scanCsv';

/** A quote that never closes, from the quote to the end of its line. */
export interface CsvProblem {
  kind: 'unterminatedQuote';
  start: number;
  end: number;
}

export interface ParsedCsv {
  records: CsvRecord[];
  problems: CsvProblem[];
  /** 1 when the text starts with a byte order mark, which is not part of the first cell. */
  bomLength: number;
}

export function parseCsv(text: string): ParsedCsv {
  const table = readRecords(text);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  for (let index = 0; index < table.count; index++) {
    const record = new RowView()
      .load(text, 0, index, table.starts[index], table.ends[index], table.flags[index])
      .toRecord();
    records.push(record);
    if (record.unterminated) {
      const newline = text.slice(record.end).search(/\r|\n/);
      problems.push({
        kind: 'unterminatedQuote',
        start: record.end,
        end: newline < 0 ? text.length : record.end + newline,
      });
    }
  }
  return { records, problems, bomLength: bomLengthOf(text) };
}
