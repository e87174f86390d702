/**
 * Turns an accepted row into what the sandbox stores, applying the importer's role: a tenant admin's values in
 * telco-only columns are left out, as the vendor's page says ("applied only when a Telco Admin imports on behalf
 * of the tenant"). A PIN is stored only as a salted hash.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { ImporterRole } from '@subscriber-csv/language-service';
import type { CsvRecord } from '../../language-service/src/csv/csvModel';
import { rowTypeOf, valueOf, type SubscriberModel } from '../../language-service/src/subscriberModel';
import type { StoredSubscriber } from './database';

/** Columns stored in their own database columns; every other applied column goes into `settings`. */
const OWN_COLUMNS = new Set(['Type', 'FirstName', 'LastName', 'Email', 'Extension', 'PIN', 'SysPIN']);

export function subscriberOf(model: SubscriberModel, record: CsvRecord, role: ImporterRole): StoredSubscriber {
  const settings: Record<string, string> = {};
  for (const column of model.columnOfField) {
    if (!column || OWN_COLUMNS.has(column.name)) continue;
    if (column.setBy === 'telcoAdmin' && role !== 'telcoAdmin') continue;
    const value = valueOf(model, record, column.name);
    if (value !== '') settings[column.name] = value;
  }
  const pin = valueOf(model, record, 'PIN');
  const sysPin = valueOf(model, record, 'SysPIN') === 'y';
  // The page: a given PIN wins over SysPIN = y; with SysPIN = y and no PIN the system makes one up.
  const pinSource = pin !== '' ? 'given' : sysPin ? 'generated' : null;
  const pinValue = pin !== '' ? pin : sysPin ? String(randomInt(0, 1_000_000)).padStart(6, '0') : undefined;
  const extension = valueOf(model, record, 'Extension');
  return {
    type: rowTypeOf(model, record) ?? 'User',
    extension: extension === '' ? null : extension,
    firstName: valueOf(model, record, 'FirstName'),
    lastName: valueOf(model, record, 'LastName'),
    email: valueOf(model, record, 'Email'),
    settings,
    pinSource,
    pinHash: pinValue === undefined ? null : hashPin(pinValue),
  };
}

/**
 * `salt:sha256(salt + pin)`. A real endpoint would use a slow hash (scrypt); the sandbox only needs the PIN to be
 * absent from the database file, and a fast hash keeps a 1 MiB import quick.
 */
export function hashPin(pin: string): string {
  const salt = randomBytes(8).toString('hex');
  return `${salt}:${createHash('sha256')
    .update(salt + pin)
    .digest('hex')}`;
}
