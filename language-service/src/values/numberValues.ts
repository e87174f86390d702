/**
 * Digits-only values (Extension, PIN, OutgoingCLID, ...) and IDs from the tenant's lists. How strict a check is
 * follows how the page describes the column (`pageFormat`): a column the page calls digits that holds something
 * else is an error; one whose format the page does not give only warns.
 */
import type { ColumnSpec } from '../columns';
import type { TenantContext } from '../settings';
import type { ValueFinding } from './valueCheck';

const DIGITS = /^[0-9]+$/;

/** "-1 (Private), 0 (default ...)": a column's special values, for messages. */
function describeSpecials(column: ColumnSpec): string {
  return (column.choices ?? []).map((choice) => `${choice.value} (${choice.meaning})`).join(', ');
}

function isSpecial(value: string, column: ColumnSpec): boolean {
  return (column.choices ?? []).some((choice) => choice.value === value);
}

/** The warning for a column whose format the page does not give, holding something other than digits. */
function notANumber(value: string, column: ColumnSpec, what: string): ValueFinding {
  return {
    code: 'not-a-number',
    message: `The page gives no format for ${column.name}; we expect ${what}, and "${value}" is not. Check that the import takes it.`,
  };
}

export function checkDigits(value: string, column: ColumnSpec): ValueFinding | undefined {
  if (isSpecial(value, column)) return undefined;
  if (!DIGITS.test(value)) {
    if (column.pageFormat === 'unstated') return notANumber(value, column, 'digits');
    const specials = describeSpecials(column);
    return {
      code: 'not-digits',
      message: specials
        ? `${column.name} takes ${specials}, or the digits of an ID; "${value}" is none of these.`
        : column.secret
          ? `${column.name} takes digits only; this value has other characters.`
          : `${column.name} takes digits only; "${value}" has other characters.`,
    };
  }
  if (column.maxValue !== undefined && Number(value) > column.maxValue.value) {
    return {
      code: 'above-maximum',
      message: `The page describes ${column.name} as ${column.maxValue.described}, which we read as 0–${column.maxValue.value}; check that the tenant allows ${value}.`,
    };
  }
  return undefined;
}

export function checkId(value: string, column: ColumnSpec, tenant: TenantContext): ValueFinding | undefined {
  if (isSpecial(value, column)) return undefined;
  const name = column.title.toLowerCase();
  if (!DIGITS.test(value)) {
    if (column.pageFormat === 'unstated') return notANumber(value, column, `the numeric ID of a ${name}`);
    const specials = describeSpecials(column);
    return {
      code: 'invalid-id',
      message: `${column.name} takes the numeric ID of a ${name}${specials ? ` or ${specials}` : ''}; "${value}" is not one.`,
    };
  }
  const known = column.tenantList ? tenant.lists[column.tenantList] : undefined;
  if (known && known.length > 0 && !known.some((entry) => entry.id === value)) {
    const listed = known
      .slice(0, 5)
      .map((entry) => (entry.name ? `${entry.id} (${entry.name})` : entry.id))
      .join(', ');
    return {
      code: 'unknown-id',
      message: `This tenant's data lists no ${name} with ID ${value}. Known: ${listed}${known.length > 5 ? ', ...' : ''}.`,
    };
  }
  return undefined;
}
