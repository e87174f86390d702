// The suite's side of the sandbox the runner started: its details from the environment, its SQLite file read
// directly with the real `sqlite3` shell (the extension host runs code-server's Node, for which no SQLite binding
// of the sandbox's is built; the shell reads the file safely while the sandbox runs, its file locks being real),
// and an upload that bypasses the editor, as another client of the same tenant would make.
import { execFileSync } from 'child_process';

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

/** The rows of one SELECT, through `sqlite3 -json` (which prints nothing at all for no rows). */
function query<T>(sandbox: SandboxEnv, sql: string): T[] {
  const output = execFileSync('sqlite3', ['-json', sandbox.db, sql], { encoding: 'utf8', timeout: 30_000 }).trim();
  return output === '' ? [] : (JSON.parse(output) as T[]);
}

export function countSubscribers(sandbox: SandboxEnv): number {
  return query<{ n: number }>(sandbox, 'SELECT count(*) AS n FROM subscribers')[0].n;
}

/** The stored users and locations holding these extensions, in extension order. */
export function findSubscribers(sandbox: SandboxEnv, extensions: string[]): StoredEntry[] {
  // Inlined, so only digits: the shell takes no parameters.
  if (!extensions.every((extension) => /^\d+$/.test(extension))) throw new Error('extensions are digits');
  return query<StoredEntry>(
    sandbox,
    `SELECT type, extension, first_name, last_name FROM subscribers WHERE extension IN (${extensions
      .map((extension) => `'${extension}'`)
      .join(', ')}) ORDER BY extension`,
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
