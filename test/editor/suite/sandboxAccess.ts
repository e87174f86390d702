// The suite's side of the sandbox the runner started: its details from the environment, its SQLite file read
// directly (read-only, between requests: node-sqlite3-wasm locks the file only while a statement runs), and an
// upload that bypasses the editor, as another client of the same tenant would make.
import { Database } from 'node-sqlite3-wasm';

/** Set by test/editor/runner.js and electron.js (test/editor/sandboxProcess.js). */
export const SANDBOX_ENV = 'SUBSCRIBER_CSV_SANDBOX';

export interface SandboxEnv {
  /** The base URL to configure, e.g. `http://127.0.0.1:40123/api/v1/tenants/acme`. */
  endpoint: string;
  /** The tenant admin's token. */
  token: string;
  /** The sandbox's SQLite file. */
  db: string;
}

export function readSandboxEnv(): SandboxEnv {
  const value = process.env[SANDBOX_ENV];
  if (!value) {
    throw new Error(`${SANDBOX_ENV} is not set: run the suite through test/editor/runner.js, which starts the sandbox`);
  }
  return JSON.parse(value) as SandboxEnv;
}

export interface StoredEntry {
  type: string;
  extension: string | null;
  first_name: string;
  last_name: string;
}

function query<T>(sandbox: SandboxEnv, read: (db: Database) => T): T {
  const db = new Database(sandbox.db, { readOnly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function countSubscribers(sandbox: SandboxEnv): number {
  return query(sandbox, (db) => Number(db.get('SELECT count(*) AS n FROM subscribers')?.n));
}

/** The stored users and locations holding these extensions, in extension order. */
export function findSubscribers(sandbox: SandboxEnv, extensions: string[]): StoredEntry[] {
  const marks = extensions.map(() => '?').join(', ');
  return query(
    sandbox,
    (db) =>
      db.all(
        `SELECT type, extension, first_name, last_name FROM subscribers WHERE extension IN (${marks}) ORDER BY extension`,
        extensions,
      ) as unknown as StoredEntry[],
  );
}

/** Uploads `header` + `row` to the sandbox with plain fetch: another client taking an extension meanwhile. */
export async function uploadDirectly(sandbox: SandboxEnv, row: string, header: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([`${header}\n${row}\n`], { type: 'text/csv' }), 'other-client.subscribers.csv');
  return fetch(`${sandbox.endpoint}/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandbox.token}` },
    body: form,
  });
}
