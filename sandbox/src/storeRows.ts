/**
 * Turns an accepted row into what the sandbox stores, and stores it: a new entry is created; an entry the tenant
 * already has (docs/import-api.md, "Importing again") is updated to the row's values, or left alone when it already
 * holds them. The importer's role applies: a tenant admin's values in telco-only columns are left out, as the
 * vendor's page says ("applied only when a Telco Admin imports on behalf of the tenant"). A PIN is stored only as a
 * salted hash.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  findColumn,
  type ColumnName,
  type DataRow,
  type ImporterRole,
  type SubscriberDocument,
} from '@subscriber-csv/language-service';
import type { EntryIdentity, SandboxDatabase, StoredEntry, StoredSubscriber } from './database';

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

/** What a row asks for its PIN: the one it gives, one the system makes up (SysPIN = y), or none. */
export type PinRequest = { source: 'given'; pin: string } | { source: 'generated' } | { source: null };

/** An accepted row, ready to be stored: the entry's values, and its PIN still as given (to compare it). */
export interface IncomingEntry extends EntryIdentity {
  settings: Record<string, string>;
  pin: PinRequest;
}

export type StoreOutcome = 'created' | 'updated' | 'unchanged';

export function identityOf(row: DataRow): EntryIdentity {
  const extension = row.value('Extension');
  return {
    type: row.type ?? 'User',
    extension: extension === '' ? null : extension,
    firstName: row.value('FirstName'),
    lastName: row.value('LastName'),
    email: row.value('Email'),
  };
}

/**
 * True when `stored` is the entry the row names. An extension alone does not make the same entry: the row must
 * also have its type and name, or it is another person's extension (a conflict).
 */
export function isSameEntry(stored: StoredSubscriber, row: EntryIdentity): boolean {
  return stored.type === row.type && stored.firstName === row.firstName && stored.lastName === row.lastName;
}

export function incomingEntryOf(parsed: SubscriberDocument, row: DataRow, role: ImporterRole): IncomingEntry {
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
  const request: PinRequest =
    pin !== '' ? { source: 'given', pin } : sysPin ? { source: 'generated' } : { source: null };
  return { ...identityOf(row), settings, pin: request };
}

/**
 * Creates the entry, or brings the one the tenant has to the row's values. Runs inside the import's transaction.
 * `extensionsInUse` (as the import began) spares a lookup for each new extension: the file cannot hold one twice.
 */
export function storeEntry(
  db: SandboxDatabase,
  entry: IncomingEntry,
  importId: number,
  extensionsInUse: ReadonlySet<string>,
): StoreOutcome {
  const isNew = entry.extension !== null && !extensionsInUse.has(entry.extension);
  const existing = isNew ? undefined : db.findEntry(entry);
  const { pin, ...identity } = entry;
  const { source, hash } = pinFor(pin, existing);
  const subscriber: StoredSubscriber = { ...identity, pinSource: source, pinHash: hash };
  if (!existing) {
    db.insertSubscriber(subscriber, importId);
    return 'created';
  }
  if (holdsSameValues(existing, subscriber)) return 'unchanged';
  db.updateSubscriber(existing.id, subscriber, importId);
  return 'updated';
}

/** The stored PIN the row asks for; an existing PIN that already matches is kept as it is (salt included). */
function pinFor(
  request: PinRequest,
  existing: StoredEntry | undefined,
): { source: PinRequest['source']; hash: string | null } {
  switch (request.source) {
    case null:
      return { source: null, hash: null };
    case 'generated':
      // A PIN the system made up is not made up again at every import.
      if (existing?.pinSource === 'generated' && existing.pinHash)
        return { source: 'generated', hash: existing.pinHash };
      return { source: 'generated', hash: hashPin(String(randomInt(0, 1_000_000)).padStart(6, '0')) };
    case 'given':
      if (existing?.pinSource === 'given' && existing.pinHash && pinMatches(request.pin, existing.pinHash)) {
        return { source: 'given', hash: existing.pinHash };
      }
      return { source: 'given', hash: hashPin(request.pin) };
  }
}

function holdsSameValues(stored: StoredSubscriber, next: StoredSubscriber): boolean {
  const keys = Object.keys(next.settings);
  return (
    stored.type === next.type &&
    stored.extension === next.extension &&
    stored.firstName === next.firstName &&
    stored.lastName === next.lastName &&
    stored.email === next.email &&
    stored.pinSource === next.pinSource &&
    stored.pinHash === next.pinHash &&
    keys.length === Object.keys(stored.settings).length &&
    keys.every((key) => stored.settings[key] === next.settings[key])
  );
}

/**
 * `salt:sha256(salt + pin)`. A real endpoint would use a slow hash (scrypt); the sandbox only needs the PIN to be
 * absent from the database file, and a fast hash keeps a large import quick.
 */
export function hashPin(pin: string, salt = randomBytes(8).toString('hex')): string {
  return `${salt}:${sha256(salt + pin)}`;
}

function pinMatches(pin: string, stored: string): boolean {
  const [salt, digest] = stored.split(':');
  if (salt === undefined || digest === undefined || digest.length !== 64) return false;
  return timingSafeEqual(Buffer.from(sha256(salt + pin), 'hex'), Buffer.from(digest, 'hex'));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
