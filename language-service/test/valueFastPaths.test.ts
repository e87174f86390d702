/**
 * The shortcuts that keep a large file fast give the same answers as the libraries they stand in for: every
 * ten-digit North American number (with and without a leading 1) is possible for libphonenumber, and every
 * address the plain-address pattern accepts, isEmail accepts too.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import isEmail from 'validator/lib/isEmail';
import { isValidEmail } from '../src/values/emailValues';
import { isPlausiblePhone } from '../src/values/phoneValues';
import { createRandom } from '../../test/unit/helpers/random';

/**
 * The reading the shortcut replaces: libphonenumber on the number as a US one, then as an international one; and,
 * by our own rule rather than libphonenumber's, a seven-digit North American local number.
 */
function libphonenumberPlausible(digits: string): boolean {
  if (/^[2-9][0-9]{6}$/.test(digits)) return true;
  if (parsePhoneNumberFromString(digits, 'US')?.isPossible()) return true;
  return parsePhoneNumberFromString(`+${digits}`)?.isValid() ?? false;
}

describe('value shortcuts', () => {
  it('finds plausible every phone number libphonenumber finds possible, on every area code', () => {
    const random = createRandom(3);
    const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
    for (let area = 200; area <= 999; area++) {
      for (let sample = 0; sample < 3; sample++) {
        for (const number of [`${area}${digits(7)}`, `1${area}${digits(7)}`]) {
          assert.equal(isPlausiblePhone(number), libphonenumberPlausible(number), number);
        }
      }
    }
    for (let sample = 0; sample < 3000; sample++) {
      const number = digits(1 + Math.floor(random() * 14));
      assert.equal(isPlausiblePhone(number), libphonenumberPlausible(number), number);
    }
  });

  it('accepts an email only when isEmail does', () => {
    const random = createRandom(4);
    const pieces = ['a', 'B', '7', '.', '@', '-', '_', '+', 'é', ' ', '"', 'example', 'com', 'x'.repeat(64), '..'];
    for (let sample = 0; sample < 20000; sample++) {
      let value = '';
      const length = 1 + Math.floor(random() * 12);
      for (let i = 0; i < length; i++) value += pieces[Math.floor(random() * pieces.length)];
      assert.equal(isValidEmail(value), isEmail(value), JSON.stringify(value));
    }
    for (const value of [
      'ann.lee@example.com',
      'a+b@x-y.example.org',
      'a@b.c',
      '-a@b.co',
      'a@-b.co',
      'a@b-.co',
      'a@1.23',
    ]) {
      assert.equal(isValidEmail(value), isEmail(value), value);
    }
  });
});
