/**
 * A database made by the sandbox of version 0.1 (schema 1: keys per token, no updates) opens in this one: its
 * entries and answers are kept, a key that two tokens used is kept for the first import only, and imports go on.
 */
import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { uploadImport } from '../../common/importClient';
import { HEADER, startTestSandbox } from './helpers/sandbox';

/** The tables of schema 1, as sandbox/src/database.ts of version 0.1 created them. */
const SCHEMA_1 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE tenant_list_entries (list TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (list, id));
CREATE TABLE imports (
  id INTEGER PRIMARY KEY, token_id TEXT NOT NULL, idempotency_key TEXT, file_sha256 TEXT NOT NULL,
  status INTEGER NOT NULL, answer TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (token_id, idempotency_key)
);
CREATE TABLE subscribers (
  id INTEGER PRIMARY KEY, type TEXT NOT NULL CHECK (type IN ('User', 'Location')), extension TEXT UNIQUE,
  first_name TEXT NOT NULL DEFAULT '', last_name TEXT NOT NULL, email TEXT NOT NULL DEFAULT '',
  settings TEXT NOT NULL DEFAULT '{}', pin_source TEXT CHECK (pin_source IN ('given', 'generated')), pin_hash TEXT,
  import_id INTEGER REFERENCES imports (id), created_at TEXT NOT NULL
);
INSERT INTO meta VALUES ('schemaVersion', '1'), ('tenantId', 'acme'), ('tenantName', 'Acme Corp'),
  ('pinNotification', 'display');
INSERT INTO tenant_list_entries VALUES ('callProfiles', '1', 'Local only');
INSERT INTO imports VALUES (1, 'tenantAdmin', 'k1', 'aa', 200, '{"created":1,"updated":0,"failed":0,"rows":[]}', 't'),
  (2, 'telcoAdmin', 'k1', 'bb', 200, '{"created":1,"updated":0,"failed":0,"rows":[]}', 't');
INSERT INTO subscribers (type, extension, first_name, last_name, import_id, created_at)
  VALUES ('User', '501', 'Old', 'One', 1, 't'), ('Location', NULL, '', 'Lobby', 2, 't');
`;

test('a schema 1 database is migrated: entries and the first answer of each key kept, imports go on', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'subscriber-migrate-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const dbPath = join(dir, 'old.sqlite');
  const old = new Database(dbPath);
  old.exec(SCHEMA_1);
  old.close();

  const sandbox = await startTestSandbox({ dbPath });
  t.after(() => sandbox.sandbox.close());
  assert.equal(sandbox.sandbox.db.countSubscribers(), 2);
  assert.equal(sandbox.sandbox.db.findAnswer('k1')?.fileSha256, 'aa', 'the first import keeps the key');
  const file = [
    HEADER,
    'User,Old,One,,501,1,-1,,,,n',
    'Location,,Lobby,,,1,-1,,,,n',
    'User,New,Two,,502,1,-1,,,,n',
    '',
  ];
  const result = await uploadImport(sandbox.sandbox.endpoint, sandbox.sandbox.token, file.join('\n'), 'x.csv');
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual(
    result.rows.map((row) => row.status),
    ['updated', 'updated', 'created'],
    'the old entries are found again (their settings change: CallProfile was not stored)',
  );
  assert.equal(sandbox.sandbox.db.countSubscribers(), 3);
  const check = new Database(dbPath, { readonly: true });
  t.after(() => check.close());
  assert.equal(check.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").pluck().get(), '2');
});
