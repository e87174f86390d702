/**
 * The sandbox database's tables, and how a file made by an older sandbox is brought up to date. The version is
 * kept in `meta.schemaVersion`; a file from a newer sandbox is refused rather than guessed at.
 */
import type BetterSqlite3 from 'better-sqlite3';

export const SCHEMA_VERSION = '2';

const TABLES = `
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
  created_at TEXT NOT NULL
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
  created_at TEXT NOT NULL,
  updated_import_id INTEGER REFERENCES imports (id),
  updated_at TEXT
);
`;

/**
 * Keys are per tenant (one tenant per database): two tokens of the tenant sending the same key get one import.
 * Entries without an extension are found again by type and name (docs/import-api.md, "Importing again").
 */
const INDEXES = `
CREATE UNIQUE INDEX IF NOT EXISTS imports_by_key ON imports (idempotency_key);
CREATE INDEX IF NOT EXISTS subscribers_without_extension
  ON subscribers (type, last_name, first_name, email) WHERE extension IS NULL;
`;

/** Version 1 kept keys per token and could not update an entry. */
const FROM_VERSION_1 = `
ALTER TABLE subscribers ADD COLUMN updated_import_id INTEGER REFERENCES imports (id);
ALTER TABLE subscribers ADD COLUMN updated_at TEXT;
UPDATE imports SET idempotency_key = NULL
  WHERE idempotency_key IS NOT NULL
    AND id NOT IN (SELECT min(id) FROM imports WHERE idempotency_key IS NOT NULL GROUP BY idempotency_key);
`;

/**
 * Creates the tables of a new file, or migrates an older one, in the caller's transaction. Returns true when the
 * file is new (and is to be seeded).
 */
export function prepareSchema(db: BetterSqlite3.Database): boolean {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  const row = hasMeta
    ? (db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").get() as { value: string } | undefined)
    : undefined;
  const version = row?.value;
  if (version !== undefined && Number(version) > Number(SCHEMA_VERSION)) {
    throw new Error(`it was made by a newer sandbox (schema ${version}; this one knows ${SCHEMA_VERSION})`);
  }
  db.exec(TABLES);
  if (version === '1') db.exec(FROM_VERSION_1);
  db.exec(INDEXES);
  if (version !== undefined && version !== SCHEMA_VERSION) {
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schemaVersion'").run(SCHEMA_VERSION);
  }
  return version === undefined;
}
