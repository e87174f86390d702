/**
 * PINs that are easy to guess: the same digit repeated, digits in a row up or down the keypad (1234, 9876, 7890),
 * or the row's own extension. The PIN is a secret (`secret: true` in the column table), so what this returns
 * names the weakness and never the digits.
 */

export type PinWeakness = 'oneDigit' | 'ascending' | 'descending' | 'extension';

const DIGITS = /^[0-9]+$/;

/** Why `pin` is weak, or undefined when it is not (or is not digits at all, which another rule reports). */
export function pinWeakness(pin: string, extension: string): PinWeakness | undefined {
  if (!DIGITS.test(pin)) return undefined;
  if (extension !== '' && pin === extension) return 'extension';
  // One digit alone is no pattern; how short a PIN may be is the tenant's PIN policy, not a guessable pattern.
  if (pin.length < 2) return undefined;
  if (stepsBy(pin, 0)) return 'oneDigit';
  // 9 is followed by 0 on a keypad's top row and in "1234567890", so a run may wrap around.
  if (stepsBy(pin, 1)) return 'ascending';
  if (stepsBy(pin, 9)) return 'descending';
  return undefined;
}

/** True when each digit is the one before plus `step` (mod 10). */
function stepsBy(pin: string, step: number): boolean {
  for (let i = 1; i < pin.length; i++) {
    if ((pin.charCodeAt(i - 1) - 48 + step) % 10 !== pin.charCodeAt(i) - 48) return false;
  }
  return true;
}

/** How a weakness reads in a message, without the PIN or the extension. */
export const PIN_WEAKNESS_REASONS: Readonly<Record<PinWeakness, string>> = {
  oneDigit: 'it is one digit repeated',
  ascending: 'its digits run in order upwards',
  descending: 'its digits run in order downwards',
  extension: 'it is the same as this row’s extension',
};
