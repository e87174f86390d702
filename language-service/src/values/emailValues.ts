/** Email addresses, checked with validator's isEmail (the same syntax rules most web forms use). */
import isEmail from 'validator/lib/isEmail';
import type { ValueFinding } from './valueCheck';

/**
 * Plain addresses isEmail always accepts: dot-separated letters, digits, `+`, `_` and `-` before the @, labels of
 * letters, digits and inner hyphens after it, and a TLD of letters. Answered without isEmail, which costs more than
 * the rest of a row's checks together; anything else goes to isEmail (a test compares the two).
 */
const PLAIN_EMAIL = /^[a-z0-9+_-]+(?:\.[a-z0-9+_-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Half of a surrogate pair without its other half: no address holds one, and isEmail throws on it (encodeURI). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isValidEmail(value: string): boolean {
  // A plain address is ASCII, so it holds no surrogate to look for.
  if (value.length <= 254 && value.indexOf('@') <= 64 && PLAIN_EMAIL.test(value)) return true;
  if (LONE_SURROGATE.test(value)) return false;
  return isEmail(value);
}

export function checkEmail(value: string): ValueFinding | undefined {
  if (isValidEmail(value)) return undefined;
  return { code: 'invalid-email', message: `"${value}" is not a valid email address (expected name@example.com).` };
}
