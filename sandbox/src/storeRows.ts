/**
 * Turns an accepted row into what the sandbox stores, applying the importer's role: a tenant admin's values in
 * telco-only columns are left out, as the vendor's page says ("applied only when a Telco Admin imports on behalf
 * of the tenant"). A PIN is stored only as a salted hash.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  findColumn,
  type ColumnName,
  type DataRow,
  type ImporterRole,
  type SubscriberDocument,
} from '@subscriber-csv/language-service';
import type { StoredSubscriber } from './database';

/** Columns stored in their own database columns; every other applied column goes into `settings`. */
const OWN_COLUMNS: ReadonlySet<ColumnName> = new Set<ColumnName>([
  'Type',
  'FirstName',
  'LastName',
  'Email',
  'Extension',
  'PIN',
  'SysPIN',
]);

export function subscriberOf(parsed: SubscriberDocument, row: DataRow, role: ImporterRole): StoredSubscriber {
  const settings: Record<string, string> = {};
  for (const name of parsed.columns()) {
    if (OWN_COLUMNS.has(name)) continue;
    if (findColumn(name)?.setBy === 'telcoAdmin' && role !== 'telcoAdmin') continue;
    const value = row.value(name);
    if (value !== '') settings[name] = value;
  }
  const pin = row.value('PIN');
  const sysPin = row.value('SysPIN') === 'y';
  // The page: a given PIN wins over SysPIN = y; with SysPIN = y and no PIN the system makes one up.
  const pinSource = pin !== '' ? 'given' : sysPin ? 'generated' : null;
  const pinValue = pin !== '' ? pin : sysPin ? String(randomInt(0, 1_000_000)).padStart(6, '0') : undefined;
  const extension = row.value('Extension');
  return {
    type: row.type ?? 'User',
    extension: extension === '' ? null : extension,
    firstName: row.value('FirstName'),
    lastName: row.value('LastName'),
    email: row.value('Email'),
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
