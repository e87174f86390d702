/**
 * Values that must be unique (`unique` in the column table): an Extension used by two rows, an Email on two rows.
 * They span rows, so the engine keeps them in an index that follows edits (`engine/uniqueValues.ts`); this file
 * says which columns are indexed and what each use of a repeated value reports.
 */
import type { ColumnSpec } from '../columns';
import type { Header } from '../model/header';
import { thousands } from '../text/numbers';
import type { UniqueColumn } from '../engine/uniqueValues';
import type { Finding } from './report';

/** How many other lines a duplicate's message names: a value on thousands of rows (a shared mailbox) names a few. */
export const LINES_NAMED = 10;

/** The header's unique columns (the first occurrence of each), in header order. */
export function uniqueColumnsOf(header: Header): UniqueColumn[] {
  const columns: UniqueColumn[] = [];
  for (const field of header.fieldsWhere('unique', (column) => column.unique !== undefined)) {
    const column = header.columnOfField[field] as ColumnSpec;
    if (header.fieldOf(column.name) !== field || !column.unique) continue;
    columns.push({
      column: column.name,
      field,
      code: column.unique.code,
      ignoreCase: column.unique.ignoreCase === true,
    });
  }
  return columns;
}

/**
 * "Extension 101 is also used on line 4, 9." for use `use` (-1: one not among `lines`) of a value used `count`
 * times, `lines` being the 1-based lines of its first uses.
 */
export function duplicateMessage(
  column: string,
  key: string,
  lines: readonly number[],
  use: number,
  count = lines.length,
): string {
  const others: number[] = [];
  for (let at = 0; at < lines.length && others.length < LINES_NAMED; at++) if (at !== use) others.push(lines[at]);
  const more = count - 1 - others.length;
  const rest = more > 0 ? ` and ${thousands(more)} more` : '';
  return `${column} ${key} is also used on line ${others.join(', ')}${rest}.`;
}

/**
 * The finding of use `use` (in record order, of `count`) of repeated value `key`, whose cell spans `start`-`end`;
 * `lines` are the 1-based lines of the value's first `LINES_NAMED + 1` uses.
 */
export function duplicateFinding(
  unique: UniqueColumn,
  key: string,
  use: number,
  count: number,
  lines: readonly number[],
  start: number,
  end: number,
): Finding {
  const named = use <= LINES_NAMED ? lines : lines.slice(0, LINES_NAMED);
  return {
    code: unique.code,
    start,
    end,
    message: duplicateMessage(unique.column, key, named, use <= LINES_NAMED ? use : -1, count),
    data: { column: unique.column },
  };
}
