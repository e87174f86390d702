/**
 * Phone numbers (HomePhone, MobilePhone, IncomingDID): digits only, and plausible as a number.
 * libphonenumber-js knows the numbering plans, so "61755501" (too short) is told from a real number.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { ColumnSpec } from '../columns';
import type { ValueFinding } from './valueCheck';

const DIGITS = /^[0-9]+$/;
/** What people put between the digits of a number: spaces, dashes, dots, brackets, a leading plus. */
const PUNCTUATION = /^[+]?[0-9\s().\-/]+$/;

/**
 * Ten digits with a valid area code, alone or after a 1: every North American country's plan has ten-digit
 * numbers, so libphonenumber finds all of these possible. Answered without it: it takes microseconds a number,
 * which is most of the time a large file takes to check (a test compares the two on every area code).
 */
const NORTH_AMERICAN = /^1?[2-9][0-9]{9}$/;

/** True when the digits can be a phone number: a North American one, or an international one. */
export function isPlausiblePhone(digits: string): boolean {
  if (NORTH_AMERICAN.test(digits)) return true;
  const national = parsePhoneNumberFromString(digits, 'US');
  if (national?.isPossible()) return true;
  // Read as international, almost any digit string has a possible length for some country (61755501 would be
  // Australian), so the international reading must match the country's numbering plan.
  const international = parsePhoneNumberFromString(`+${digits}`);
  return international?.isValid() ?? false;
}

export function checkPhone(value: string, column: ColumnSpec): ValueFinding | undefined {
  if (DIGITS.test(value)) {
    if (isPlausiblePhone(value)) return undefined;
    return {
      code: 'implausible-phone',
      message: `${column.name} ${value} has ${value.length} digits, which no phone number has. Check for a typo.`,
    };
  }
  if (PUNCTUATION.test(value)) {
    const digits = value.replace(/[^0-9]/g, '');
    return {
      code: 'phone-punctuation',
      message: `${column.name} takes digits only: write ${digits} instead of "${value}".`,
      replacement: digits,
    };
  }
  return { code: 'not-digits', message: `${column.name} takes the digits of a phone number; "${value}" is not one.` };
}
