/**
 * Keeps the token and the file's PINs out of every message the upload core returns. The core writes its own
 * messages without them, but it also passes on text from the endpoint (reasons, problems, error messages), which a
 * careless endpoint may fill with the values it was sent. The PINs come from the caller, who found them with the
 * rules library: the core itself never parses the CSV.
 */
export interface Secrets {
  token: string;
  pins: readonly string[];
}

/**
 * The text with the token and every PIN replaced. A PIN of digits is replaced only where it stands as a whole
 * value, not inside a longer number: "line 12" survives a PIN of 2, "127.0.0.1" and "1.5" survive a PIN of 0 or 5
 * (digits joined by dots are one number), but the PIN 1234 in "PIN 1234." or "x1234y" does not.
 *
 * Every message and every row's reason is scrubbed of every PIN of the file, so the cost per text must not grow
 * with the number of PINs (5,000 reasons × 5,000 PINs, one regular expression each, froze the extension host for
 * 40 s): a whole number is looked up in a set, and the rest is one alternation, compiled once per `secrets`.
 */
export function scrub(text: string, secrets: Secrets): string {
  let scrubber = scrubbers.get(secrets);
  if (scrubber?.token !== secrets.token || scrubber.pins !== secrets.pins) {
    scrubber = compileScrubber(secrets);
    scrubbers.set(secrets, scrubber);
  }
  return scrubber.apply(text);
}

interface Scrubber extends Secrets {
  apply(text: string): string;
}

const scrubbers = new WeakMap<Secrets, Scrubber>();

function compileScrubber({ token, pins }: Secrets): Scrubber {
  const numbers = new Set(pins.filter((pin) => /^\d+$/.test(pin)));
  const others = pins.filter((pin) => pin !== '' && !numbers.has(pin)).sort((a, b) => b.length - a.length);
  const otherPattern =
    others.length === 0
      ? undefined
      : new RegExp(others.map((pin) => pin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return {
    token,
    pins,
    apply(text) {
      let result = token === '' ? text : text.split(token).join('[token]');
      // Longer PINs first: a PIN that is not a number may hold one ("9 9" holds 9).
      if (otherPattern) result = result.replace(otherPattern, '[PIN]');
      // A maximal number (digits, or digit groups joined by dots) is a PIN only when it is one whole.
      if (numbers.size > 0) result = result.replace(/\d+(?:\.\d+)*/g, (run) => (numbers.has(run) ? '[PIN]' : run));
      return result;
    },
  };
}
