/**
 * Keeps the token and the file's PINs out of every message the upload core returns. The core writes its own
 * messages without them, but it also passes on text from the endpoint (reasons, problems, error messages), which a
 * careless endpoint may fill with the values it was sent.
 */
import { findColumn } from '../../server/src/service/columns';
import { parseCsv } from '../../server/src/service/csv/parseCsv';

/** The non-empty values of the file's PIN column (its header found as the rules library finds it). */
export function pinValuesOf(csvText: string): string[] {
  const records = parseCsv(csvText).records;
  const headerIndex = records.findIndex((record) => !record.blank);
  if (headerIndex < 0) return [];
  const field = records[headerIndex].cells.findIndex((cell) => findColumn(cell.value)?.name === 'PIN');
  if (field < 0) return [];
  const values = new Set<string>();
  for (const record of records.slice(headerIndex + 1)) {
    const value = record.cells[field]?.value.trim();
    if (value) values.add(value);
  }
  return [...values];
}

export interface Secrets {
  token: string;
  pins: readonly string[];
}

/**
 * The text with the token and every PIN replaced. A PIN of digits is replaced only where it is not part of a
 * longer number, so that "line 12" survives a PIN of 2 but the PIN 1234 in "1234" does not.
 */
export function scrub(text: string, secrets: Secrets): string {
  let result = secrets.token === '' ? text : text.split(secrets.token).join('[token]');
  const longestFirst = [...secrets.pins].sort((a, b) => b.length - a.length);
  for (const pin of longestFirst) {
    if (/^\d+$/.test(pin)) result = result.replace(new RegExp(`(?<!\\d)${pin}(?!\\d)`, 'g'), '[PIN]');
    else result = result.split(pin).join('[PIN]');
  }
  return result;
}
