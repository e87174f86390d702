/**
 * Values read straight from a plain cell's text (`RowView.isPlain`: unquoted, nothing to trim), without making a
 * string: digits, y/n, a listed choice, a North American number. Only a value certainly valid is accepted here;
 * anything else is checked as a string by the column's checker (`valueCheck.ts`), which alone words findings. A
 * file of 100,000 rows has two million such cells, and making each a string was most of what checking them cost.
 * `language-service/test/plainCells.test.ts` checks on random cells that nothing the checkers report is accepted here.
 */
import type { ColumnSpec } from '../columns';
import type { RowView } from '../csv/rowView';
import type { TenantContext } from '../settings';

const ZERO = 48;
const NINE = 57;
const TWO = 50;
const ONE = 49;
/** Digits beyond this many are not summed into a number exactly: such a value is checked as a string. */
const SAFE_DIGITS = 15;

/** True when `[start, end)` holds digits only. */
function allDigits(row: RowView, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = row.codeAt(at);
    if (code < ZERO || code > NINE) return false;
  }
  return true;
}

function numberAt(row: RowView, start: number, end: number): number {
  let value = 0;
  for (let at = start; at < end; at++) value = value * 10 + (row.codeAt(at) - ZERO);
  return value;
}

function equalsAt(row: RowView, start: number, end: number, expected: string): boolean {
  if (end - start !== expected.length) return false;
  for (let at = 0; at < expected.length; at++) if (row.codeAt(start + at) !== expected.charCodeAt(at)) return false;
  return true;
}

/** Ten digits with an area code of 2-9, alone or after a 1, or seven with a first digit of 2-9 (`phoneValues.ts`). */
function northAmerican(row: RowView, start: number, end: number): boolean {
  const length = end - start;
  if (length === 11) return row.codeAt(start) === ONE && row.codeAt(start + 1) >= TWO;
  return (length === 10 || length === 7) && row.codeAt(start) >= TWO;
}

/**
 * True when plain cell `field` holds a value its column certainly takes; false when its value must be checked as a
 * string (which may find it valid too).
 */
export function acceptsPlainCell(row: RowView, field: number, column: ColumnSpec, tenant: TenantContext): boolean {
  const start = row.cellStart(field);
  const end = row.cellEnd(field);
  switch (column.kind) {
    case 'text':
      return true;
    case 'yesNo':
    case 'choice': {
      // A loop, not `some` with a closure: this runs for millions of cells, and a closure is an allocation each.
      const choices = column.choices;
      if (choices === undefined) return false;
      for (let at = 0; at < choices.length; at++) if (equalsAt(row, start, end, choices[at].value)) return true;
      return false;
    }
    case 'digits':
      if (!allDigits(row, start, end)) return false;
      return (
        column.maxValue === undefined ||
        (end - start <= SAFE_DIGITS && numberAt(row, start, end) <= column.maxValue.value)
      );
    case 'id': {
      const known = column.tenantList ? tenant.lists[column.tenantList] : undefined;
      return (known === undefined || known.length === 0) && allDigits(row, start, end);
    }
    case 'phone':
      return allDigits(row, start, end) && northAmerican(row, start, end);
    default:
      return false;
  }
}
