/**
 * Phone numbers (HomePhone, MobilePhone, IncomingDID): written as the page describes the column (`pageFormat`), and
 * plausible as a number. HomePhone and MobilePhone are "digits" on the page, so punctuation is an error there with
 * a fix; IncomingDID is a "phone number", so `+1 617-555-0100` is taken as written and only its digits are looked at.
 * libphonenumber-js knows the numbering plans, so "61755501" (unusual) is told from a real number.
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
/** Seven digits, a North American number dialled locally without its area code (555 0100). */
const NORTH_AMERICAN_LOCAL = /^[2-9][0-9]{6}$/;
/** No international number is longer (ITU-T E.164). */
const E164_MAX_DIGITS = 15;

/** True when the digits can be a phone number: a North American one (local too), or an international one. */
export function isPlausiblePhone(digits: string): boolean {
  if (NORTH_AMERICAN.test(digits) || NORTH_AMERICAN_LOCAL.test(digits)) return true;
  if (digits.length > E164_MAX_DIGITS) return false;
  const national = parsePhoneNumberFromString(digits, 'US');
  if (national?.isPossible()) return true;
  // Read as international, almost any digit string has a possible length for some country (61755501 would be
  // Australian), so the international reading must match the country's numbering plan.
  const international = parsePhoneNumberFromString(`+${digits}`);
  return international?.isValid() ?? false;
}

/** A note on digits that are unusual for a phone number; never a claim that no number has that length. */
function unusual(column: ColumnSpec, digits: string): ValueFinding | undefined {
  if (isPlausiblePhone(digits)) return undefined;
  return {
    code: 'implausible-phone',
    message:
      digits.length > E164_MAX_DIGITS
        ? `${column.name} has ${digits.length} digits, more than the ${E164_MAX_DIGITS} of the longest international numbers. Check for a typo or two numbers run together.`
        : `${column.name} ${digits} is unusual for a phone number (${digits.length} digits): neither a North American number nor a valid one with a country code. Check for a typo; an internal or foreign number may be right.`,
  };
}

export function checkPhone(value: string, column: ColumnSpec): ValueFinding | undefined {
  if (DIGITS.test(value)) return unusual(column, value);
  const digits = value.replace(/[^0-9]/g, '');
  if (digits !== '' && PUNCTUATION.test(value)) {
    if (column.pageFormat === 'phoneNumber') return unusual(column, digits);
    return {
      code: 'phone-punctuation',
      message: `The page asks for digits in ${column.name}: write ${digits} instead of "${value}".`,
      replacement: digits,
    };
  }
  return {
    code: 'not-digits',
    message:
      column.pageFormat === 'phoneNumber'
        ? `${column.name} takes a phone number; "${value}" is not one.`
        : `${column.name} takes the digits of a phone number; "${value}" is not one.`,
  };
}
