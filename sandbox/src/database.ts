/**
 * The sandbox's storage: the tenant, its users and locations, and the answers to idempotent imports, in one real
 * SQLite database file.
 *
 * Why node-sqlite3-wasm: it is real SQLite compiled to WebAssembly whose VFS reads and writes the database file
 * through Node's fs, page by page, with SQLite's own rollback journal. So a transaction is durable the moment it
 * commits, and the file is an ordinary SQLite file any `sqlite3` shell can open. It needs no install script and no
 * binary download (better-sqlite3 would need either here). sql.js, the alternative, keeps the whole database in
 * memory and must export and rewrite the whole file after every transaction. The price: statements must be
 * finalized and the database closed by hand (its memory is not garbage-collected), and its file lock is a
 * `<file>.lock` directory, so one sandbox process per database file.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Database } from 'node-sqlite3-wasm';
import type { PinNotification, TenantEntry, TenantListName } from '@subscriber-csv/language-service';
import { SEED, type SeedTenant } from './seed';

const SCHEMA_VERSION = '1';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tenant_list_entries (
  list TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (list, id)
);
CREATE TABLE IF NOT EXISTS imports (
  id INTEGER PRIMARY KEY,
  token_id TEXT NOT NULL,
  idempotency_key TEXT,
  file_sha256 TEXT NOT NULL,
  status INTEGER NOT NULL,
  answer TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (token_id, idempotency_key)
);
CREATE TABLE IF NOT EXISTS subscribers (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('User', 'Location')),
  extension TEXT UNIQUE,
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  settings TEXT NOT NULL DEFAULT '{}',
  pin_source TEXT CHECK (pin_source IN ('given', 'generated')),
  pin_hash TEXT,
  import_id INTEGER REFERENCES imports (id),
  created_at TEXT NOT NULL
);
`;

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

export interface StoredAnswer {
  fileSha256: string;
  status: number;
  body: unknown;
}

export interface TenantRecord {
  id: string;
  name: string;
  pinNotification: PinNotification;
  lists: Record<TenantListName, TenantEntry[]>;
  extensionsInUse: string[];
}

export class SandboxDatabase {
  private readonly db: Database;

  /** Opens (creating when new) the database file and seeds a new one with the demo tenant. */
  constructor(path: string, seed: SeedTenant = SEED) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    try {
      this.db.exec(SCHEMA);
      if (this.meta('schemaVersion') === undefined) this.transaction(() => this.seed(seed));
    } catch (error) {
      this.db.close();
      if (error instanceof Error && /database is locked/.test(error.message)) {
        throw new Error(
          `${path} is locked: another sandbox is using it, or one was killed mid-write and left ${path}.lock ` +
            'behind. Stop the other sandbox, or delete that folder.',
        );
      }
      throw error;
    }
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  /** Runs `work` in one transaction: all of its writes land, or none do. */
  transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  tenant(): TenantRecord {
    const lists: Record<TenantListName, TenantEntry[]> = {
      callProfiles: [],
      keyProfiles: [],
      holdAnnouncements: [],
      siteZones: [],
    };
    for (const row of this.db.all(
      'SELECT list, id, name FROM tenant_list_entries ORDER BY list, CAST(id AS INTEGER)',
    )) {
      const list = lists[String(row.list) as TenantListName];
      list?.push({ id: String(row.id), name: String(row.name) });
    }
    return {
      id: this.meta('tenantId') ?? 'tenant',
      name: this.meta('tenantName') ?? 'Tenant',
      pinNotification: (this.meta('pinNotification') ?? 'none') as PinNotification,
      lists,
      extensionsInUse: this.db
        .all('SELECT extension FROM subscribers WHERE extension IS NOT NULL ORDER BY CAST(extension AS INTEGER)')
        .map((row) => String(row.extension)),
    };
  }

  setPinNotification(value: PinNotification): void {
    this.setMeta('pinNotification', value);
  }

  insertSubscriber(subscriber: StoredSubscriber, importId: number | null): void {
    this.db.run(
      `INSERT INTO subscribers (type, extension, first_name, last_name, email, settings, pin_source, pin_hash,
         import_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        subscriber.type,
        subscriber.extension,
        subscriber.firstName,
        subscriber.lastName,
        subscriber.email,
        JSON.stringify(subscriber.settings),
        subscriber.pinSource,
        subscriber.pinHash,
        importId,
        new Date().toISOString(),
      ],
    );
  }

  countSubscribers(): number {
    return Number(this.db.get('SELECT count(*) AS n FROM subscribers')?.n ?? 0);
  }

  findByExtension(extension: string): StoredSubscriber | undefined {
    const row = this.db.get('SELECT * FROM subscribers WHERE extension = ?', [extension]);
    if (!row) return undefined;
    return {
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

  /** Records an import and its answer; returns its id, which the imported rows point at. */
  recordImport(tokenId: string, idempotencyKey: string | null, fileSha256: string, status: number): number {
    const result = this.db.run(
      'INSERT INTO imports (token_id, idempotency_key, file_sha256, status, answer, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [tokenId, idempotencyKey, fileSha256, status, 'null', new Date().toISOString()],
    );
    return Number(result.lastInsertRowid);
  }

  /** Stores the answer once it is known (it names rows imported under the import's id). */
  storeAnswer(importId: number, status: number, body: unknown): void {
    this.db.run('UPDATE imports SET status = ?, answer = ? WHERE id = ?', [status, JSON.stringify(body), importId]);
  }

  findAnswer(tokenId: string, idempotencyKey: string): StoredAnswer | undefined {
    const row = this.db.get(
      'SELECT file_sha256, status, answer FROM imports WHERE token_id = ? AND idempotency_key = ?',
      [tokenId, idempotencyKey],
    );
    if (!row) return undefined;
    return { fileSha256: String(row.file_sha256), status: Number(row.status), body: JSON.parse(String(row.answer)) };
  }

  countImports(): number {
    return Number(this.db.get('SELECT count(*) AS n FROM imports')?.n ?? 0);
  }

  private seed(seed: SeedTenant): void {
    this.setMeta('tenantId', seed.id);
    this.setMeta('tenantName', seed.name);
    this.setMeta('pinNotification', seed.pinNotification);
    for (const [list, entries] of Object.entries(seed.lists)) {
      for (const entry of entries) {
        this.db.run('INSERT INTO tenant_list_entries (list, id, name) VALUES (?, ?, ?)', [list, entry.id, entry.name]);
      }
    }
    for (const subscriber of seed.subscribers) this.insertSubscriber(subscriber, null);
    this.setMeta('schemaVersion', SCHEMA_VERSION);
  }

  private meta(key: string): string | undefined {
    const row = this.db.get('SELECT value FROM meta WHERE key = ?', [key]);
    return row ? String(row.value) : undefined;
  }

  private setMeta(key: string, value: string): void {
    this.db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
      key,
      value,
    ]);
  }
}
