/** Email addresses, checked with validator's isEmail (the same syntax rules most web forms use). */
import isEmail from 'validator/lib/isEmail';
import type { ValueFinding } from './valueCheck';

export function isValidEmail(value: string): boolean {
  return isEmail(value);
}

export function checkEmail(value: string): ValueFinding | undefined {
  if (isValidEmail(value)) return undefined;
  return { code: 'invalid-email', message: `"${value}" is not a valid email address (expected name@example.com).` };
}
