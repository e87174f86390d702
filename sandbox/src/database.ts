/**
 * The sandbox's storage: the tenant, its users and locations, and the answers to idempotent imports, in one real
 * SQLite database file.
 *
 * Why better-sqlite3: it is SQLite itself, built from source at install, with SQLite's own file locking (POSIX
 * locks that the `sqlite3` shell and any other SQLite program see) and its own crash recovery. The file is kept in
 * WAL mode: readers (another connection, the `sqlite3` shell) never block the import that writes and never see
 * half of it, and a process killed mid-write leaves a log that the next opener rolls back or completes.
 * `synchronous = FULL` makes a commit durable before the answer is sent. Several connections, in this process or
 * others, may share the file; writers take turns, waiting up to `BUSY_TIMEOUT_MS` for each other.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PinNotification, TenantEntry, TenantListName } from '@subscriber-csv/language-service';
import { prepareSchema, SCHEMA_VERSION } from './schema';
import { SEED, type SeedTenant } from './seed';

/** How long a writer waits for another one (another sandbox, a `sqlite3` shell writing) before giving up. */
const BUSY_TIMEOUT_MS = 5000;

/** One user or location as stored. The PIN is kept only as a salted hash, never as given. */
export interface StoredSubscriber {
  type: 'User' | 'Location';
  extension: string | null;
  firstName: string;
  lastName: string;
  email: string;
  /** The other applied columns by canonical name; blank cells (the defaults) are left out. */
  settings: Record<string, string>;
  pinSource: 'given' | 'generated' | null;
  pinHash: string | null;
}

/** A stored entry with its row id, for updating it. */
export interface StoredEntry extends StoredSubscriber {
  id: number;
}

/** What names an entry: its extension when it has one, else its type and name (docs/import-api.md). */
export type EntryIdentity = Pick<StoredSubscriber, 'type' | 'extension' | 'firstName' | 'lastName' | 'email'>;

export interface StoredAnswer {
  fileSha256: string;
  status: number;
  /** The answer's JSON text, as first sent. */
  body: string;
}

export interface TenantRecord {
  id: string;
  name: string;
  pinNotification: PinNotification;
  lists: Record<TenantListName, TenantEntry[]>;
  extensionsInUse: string[];
}

type Row = Record<string, unknown>;

/** A SQLite error that means "another connection holds the lock": worth retrying, not a fault of the request. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

export class SandboxDatabase {
  private readonly db: Database.Database;
  /** Prepared once per connection: an import of 100,000 rows runs the same few statements 100,000 times. */
  private readonly statements = new Map<string, Database.Statement>();

  /** Opens (creating when new) the database file, brings its schema up to date and seeds a new one. */
  constructor(path: string, seed: SeedTenant = SEED) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      this.transaction(() => {
        if (prepareSchema(this.db)) this.seed(seed);
      });
    } catch (error) {
      this.db.close();
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`${path} cannot be used as the sandbox database: ${why}`);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Runs `work` in one write transaction (BEGIN IMMEDIATE: the write lock is taken first, so what `work` reads
   * cannot change before it writes): all of its writes land, or none do.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  tenant(): TenantRecord {
    const lists: Record<TenantListName, TenantEntry[]> = {
      callProfiles: [],
      keyProfiles: [],
      holdAnnouncements: [],
      siteZones: [],
    };
    const entries = this.all('SELECT list, id, name FROM tenant_list_entries ORDER BY list, CAST(id AS INTEGER)');
    for (const row of entries)
      lists[String(row.list) as TenantListName]?.push({ id: String(row.id), name: String(row.name) });
    return {
      id: this.meta('tenantId') ?? 'tenant',
      name: this.meta('tenantName') ?? 'Tenant',
      pinNotification: (this.meta('pinNotification') ?? 'none') as PinNotification,
      lists,
      extensionsInUse: this.sql(
        'SELECT extension FROM subscribers WHERE extension IS NOT NULL ORDER BY CAST(extension AS INTEGER)',
      )
        .pluck()
        .all()
        .map(String),
    };
  }

  setPinNotification(value: PinNotification): void {
    this.transaction(() => this.setMeta('pinNotification', value));
  }

  insertSubscriber(subscriber: StoredSubscriber, importId: number | null): void {
    this.sql(
      `INSERT INTO subscribers (type, extension, first_name, last_name, email, settings, pin_source, pin_hash,
           import_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...valuesOf(subscriber), importId, new Date().toISOString());
  }

  /** Replaces every stored value of an entry (its extension included) with the row's. */
  updateSubscriber(id: number, subscriber: StoredSubscriber, importId: number): void {
    this.sql(
      `UPDATE subscribers SET type = ?, extension = ?, first_name = ?, last_name = ?, email = ?, settings = ?,
           pin_source = ?, pin_hash = ?, updated_import_id = ?, updated_at = ? WHERE id = ?`,
    ).run(...valuesOf(subscriber), importId, new Date().toISOString(), id);
  }

  countSubscribers(): number {
    return Number(this.sql('SELECT count(*) FROM subscribers').pluck().get());
  }

  findByExtension(extension: string): StoredEntry | undefined {
    const row = this.sql('SELECT * FROM subscribers WHERE extension = ?').get(extension) as Row | undefined;
    return row && entryOf(row);
  }

  /** The stored entry this identity names: by extension, or (without one) the first of that type and name. */
  findEntry(identity: EntryIdentity): StoredEntry | undefined {
    if (identity.extension !== null) return this.findByExtension(identity.extension);
    const row = this.sql(
      `SELECT * FROM subscribers WHERE extension IS NULL AND type = ? AND last_name = ? AND first_name = ?
           AND email = ? ORDER BY id LIMIT 1`,
    ).get(identity.type, identity.lastName, identity.firstName, identity.email) as Row | undefined;
    return row && entryOf(row);
  }

  /** Records an import and its answer; returns its id, which the imported rows point at. */
  recordImport(tokenId: string, idempotencyKey: string | null, fileSha256: string): number {
    const result = this.sql(
      `INSERT INTO imports (token_id, idempotency_key, file_sha256, status, answer, created_at)
           VALUES (?, ?, ?, 0, 'null', ?)`,
    ).run(tokenId, idempotencyKey, fileSha256, new Date().toISOString());
    return Number(result.lastInsertRowid);
  }

  /** Stores the answer once it is known (it names rows imported under the import's id). */
  storeAnswer(importId: number, status: number, body: string): void {
    this.sql('UPDATE imports SET status = ?, answer = ? WHERE id = ?').run(status, body, importId);
  }

  /** The answer given to this key, whichever token of the tenant sent it. */
  findAnswer(idempotencyKey: string): StoredAnswer | undefined {
    const row = this.sql('SELECT file_sha256, status, answer FROM imports WHERE idempotency_key = ?').get(
      idempotencyKey,
    ) as Row | undefined;
    if (!row) return undefined;
    return { fileSha256: String(row.file_sha256), status: Number(row.status), body: String(row.answer) };
  }

  countImports(): number {
    return Number(this.sql('SELECT count(*) FROM imports').pluck().get());
  }

  private seed(seed: SeedTenant): void {
    this.setMeta('tenantId', seed.id);
    this.setMeta('tenantName', seed.name);
    this.setMeta('pinNotification', seed.pinNotification);
    const insertEntry = this.sql('INSERT INTO tenant_list_entries (list, id, name) VALUES (?, ?, ?)');
    for (const [list, entries] of Object.entries(seed.lists)) {
      for (const entry of entries) insertEntry.run(list, entry.id, entry.name);
    }
    for (const subscriber of seed.subscribers) this.insertSubscriber(subscriber, null);
    this.setMeta('schemaVersion', SCHEMA_VERSION);
  }

  private all(sql: string): Row[] {
    return this.sql(sql).all() as Row[];
  }

  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  private meta(key: string): string | undefined {
    const value = this.sql('SELECT value FROM meta WHERE key = ?').pluck().get(key);
    return value === undefined ? undefined : String(value);
  }

  private setMeta(key: string, value: string): void {
    this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }
}

function valuesOf(subscriber: StoredSubscriber): unknown[] {
  return [
    subscriber.type,
    subscriber.extension,
    subscriber.firstName,
    subscriber.lastName,
    subscriber.email,
    JSON.stringify(subscriber.settings),
    subscriber.pinSource,
    subscriber.pinHash,
  ];
}

function entryOf(row: Row): StoredEntry {
  return {
    id: Number(row.id),
    type: row.type as 'User' | 'Location',
    extension: row.extension === null ? null : String(row.extension),
    firstName: String(row.first_name),
    lastName: String(row.last_name),
    email: String(row.email),
    settings: JSON.parse(String(row.settings)) as Record<string, string>,
    pinSource: (row.pin_source ?? null) as StoredSubscriber['pinSource'],
    pinHash: row.pin_hash === null ? null : String(row.pin_hash),
  };
}
