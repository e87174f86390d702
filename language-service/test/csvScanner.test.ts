/**
 * The scanner reads CSV exactly as csv-parse does with the project's options: on thousands of random texts made
 * of the characters that matter (commas, quotes, CR, LF, a BOM), the records, their offsets, their values and
 * the records csv-parse skips for an unclosed quote are the same.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { RECORD_UNTERMINATED, readRecords } from '../src/csv/recordTable';
import { cellValue, createCellSpans, splitCells } from '../src/csv/scanCsv';
import { createRandom } from '../../test/unit/helpers/random';

interface Expected {
  start: number;
  values: string[] | 'skipped';
}

/** csv-parse's records with their start offsets, read as the project always read them. */
function csvParseRecords(text: string): Expected[] {
  const events: { raw: string; values: string[] | 'skipped' }[] = [];
  try {
    parse(text, {
      bom: true,
      raw: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_records_with_error: true,
      on_record: (record: string[]) => {
        const { record: values, raw } = record as unknown as { record: string[]; raw: string };
        events.push({ raw, values });
        return null;
      },
      on_skip: (_error: unknown, raw?: string) => {
        events.push({ raw: raw ?? '', values: 'skipped' });
      },
    });
  } catch {
    // Every error is reported through on_skip with these options.
  }
  const records: Expected[] = [];
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const event of events) {
    records.push({ start: offset, values: event.values });
    offset += event.raw.length;
    // csv-parse's raw text of a CRLF-terminated record ends with the CR only.
    if (text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10) offset++;
  }
  return records;
}

function scannedRecords(text: string): Expected[] {
  const table = readRecords(text);
  const cells = createCellSpans(2);
  const records: Expected[] = [];
  for (let index = 0; index < table.count; index++) {
    const start = table.starts[index];
    if (table.flags[index] & RECORD_UNTERMINATED) {
      records.push({ start, values: 'skipped' });
      continue;
    }
    splitCells(text, start, table.ends[index], cells);
    const values: string[] = [];
    for (let field = 0; field < cells.count; field++) {
      values.push(cellValue(text, cells.starts[field], cells.ends[field]));
    }
    records.push({ start, values });
  }
  return records;
}

const ALPHABET = ['a', 'b', ',', ',', '"', '"', '"', '\r', '\n', '\r\n', ' ', 'é'];

describe('csv scanner', () => {
  it('reads random texts exactly as csv-parse does', () => {
    const random = createRandom(20240611);
    for (let run = 0; run < 20000; run++) {
      const length = Math.floor(random() * 24);
      let text = random() < 0.05 ? '\ufeff' : '';
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
      assert.deepEqual(scannedRecords(text), csvParseRecords(text), JSON.stringify(text));
    }
  });

  it('reads the edge cases csv-parse has opinions on', () => {
    const cases = [
      '',
      '\ufeff',
      '\n',
      '\r\n',
      'a,b\r\nc,d\r\n',
      '"a"b"c,d"',
      '"a""b"x,y\nz',
      '""x,y',
      '"a"""',
      '"a""',
      'x\n"',
      '"a\n"b"\nc',
      'a\rb\r\nc\n\nd\r\r',
      ' "a",b',
      '"Lee, Jr.",Ann',
    ];
    for (const text of cases) assert.deepEqual(scannedRecords(text), csvParseRecords(text), JSON.stringify(text));
  });
});
