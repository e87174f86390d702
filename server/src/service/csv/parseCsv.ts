/**
 * Parses CSV text with csv-parse and places every record and cell at its exact offset.
 *
 * csv-parse decides what a record is and what each value is (quotes, escaped quotes, commas and line breaks
 * inside quotes, CRLF/LF/CR line ends, a BOM). It reports records and their raw text, not where cells sit;
 * `cellBoundaries` finds that. Malformed text never throws: an unterminated quote becomes a problem with a
 * range, and the cells before it are kept.
 */
import { parse } from 'csv-parse/sync';
import { cellBoundaries } from './cellBoundaries';
import type { CsvCell, CsvProblem, CsvRecord, ParsedCsv } from './csvModel';

interface RawRecord {
  record: string[];
  raw: string;
}

type ParseEvent = { kind: 'record'; raw: string; values: string[] } | { kind: 'skipped'; raw: string };

export function parseCsv(text: string): ParsedCsv {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const events: ParseEvent[] = [];
  try {
    parse(text, {
      bom: true,
      raw: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_records_with_error: true,
      // With `raw: true` each record arrives as { record, raw }, which csv-parse's types do not describe.
      on_record: (record: string[]) => {
        const { record: values, raw } = record as unknown as RawRecord;
        events.push({ kind: 'record', raw, values });
        return null;
      },
      on_skip: (_error: unknown, raw?: string) => {
        events.push({ kind: 'skipped', raw: raw ?? '' });
      },
    });
  } catch {
    // csv-parse reports every error through on_skip here; whatever else it throws leaves the records read so far,
    // and the rest of the text is handled below as one unreadable record.
  }
  return placeRecords(text, bomLength, events);
}

function placeRecords(text: string, bomLength: number, events: ParseEvent[]): ParsedCsv {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let offset = bomLength;
  for (const event of events) {
    if (offset >= text.length && event.raw === '') break;
    const start = offset;
    offset = Math.min(text.length, offset + event.raw.length);
    // csv-parse's raw text of a CRLF-terminated record ends with the CR only; step over the LF it left out.
    if (text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10) offset++;
    const end = contentEnd(text, start, offset);
    const spans = cellBoundaries(text, start, end);
    const cells: CsvCell[] = spans.map((span, field) => ({
      field,
      value: event.kind === 'record' ? (event.values[field] ?? '') : unquote(text.slice(span.start, span.end)),
      start: span.start,
      end: span.end,
      quoted: span.quoted,
    }));
    if (event.kind === 'skipped') {
      const open = spans.find((span) => span.unterminated);
      const at = open ? open.start : start;
      problems.push({ kind: 'unterminatedQuote', start: at, end: lineEnd(text, at) });
      // Cells from the open quote on are swallowed by it: keep only the whole cells before it.
      const whole = open ? cells.slice(0, spans.indexOf(open)) : [];
      records.push({
        index: records.length,
        start,
        end: open ? open.start : end,
        cells: whole,
        blank: false,
        unterminated: true,
      });
      continue;
    }
    records.push({ index: records.length, start, end, cells, blank: cells.every((cell) => cell.value === '') });
  }
  if (offset < text.length) {
    // Text csv-parse never returned (it stopped on an error it could not skip): report it rather than drop it.
    problems.push({ kind: 'unterminatedQuote', start: offset, end: lineEnd(text, offset) });
  }
  return { records, problems, bomLength };
}

/** The offset where a record's content ends, before its line break. */
function contentEnd(text: string, start: number, next: number): number {
  let end = next;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

function lineEnd(text: string, from: number): number {
  const newline = text.slice(from).search(/\r|\n/);
  return newline < 0 ? text.length : from + newline;
}

function unquote(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  return raw.slice(1).replace(/"$/, '').replace(/""/g, '"');
}
