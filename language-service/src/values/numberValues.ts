/**
 * Digits-only values (Extension, PIN, OutgoingCLID, ...) and IDs from the tenant's lists.
 */
import type { ColumnSpec } from '../columns';
import type { TenantContext } from '../settings';
import type { ValueFinding } from './valueCheck';

const DIGITS = /^[0-9]+$/;

/** "-1 (private ...) or 0 (default ...)": a column's special values, for messages. */
function describeSpecials(column: ColumnSpec): string {
  return (column.choices ?? []).map((choice) => `${choice.value} (${choice.meaning})`).join(', ');
}

function isSpecial(value: string, column: ColumnSpec): boolean {
  return (column.choices ?? []).some((choice) => choice.value === value);
}

export function checkDigits(value: string, column: ColumnSpec): ValueFinding | undefined {
  if (isSpecial(value, column)) return undefined;
  if (!DIGITS.test(value)) {
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
      message: `${column.name} is described as ${column.maxValue.described} (0–${column.maxValue.value}); ${value} may be refused by the import.`,
    };
  }
  return undefined;
}

export function checkId(value: string, column: ColumnSpec, tenant: TenantContext): ValueFinding | undefined {
  if (isSpecial(value, column)) return undefined;
  if (!DIGITS.test(value)) {
    const specials = describeSpecials(column);
    return {
      code: 'invalid-id',
      message: `${column.name} takes the numeric ID of a ${column.title.toLowerCase()}${specials ? ` or ${specials}` : ''}; "${value}" is not one.`,
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
      message: `The tenant has no ${column.title.toLowerCase()} with ID ${value}. Known: ${listed}${known.length > 5 ? ', ...' : ''}.`,
    };
  }
  return undefined;
}
