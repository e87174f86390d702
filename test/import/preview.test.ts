/**
 * The preview (`POST <endpoint>/import/preview`, previewImport) against the real sandbox: it answers row by row what
 * an import would do, the same answer the import then gives, and writes nothing: every table of the SQLite file is
 * counted and read whole before and after, through a connection of the test's own.
 */
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { previewImport, uploadImport } from '../../common/importClient';
import {
  CLEAN_FILE,
  FILE_WITH_BAD_ROWS,
  FILE_WITH_TAKEN_EXTENSION,
  HEADER,
  PINS,
  findLeak,
  secretValuesOf,
  startTestSandbox,
  type TestSandbox,
} from './helpers/sandbox';

let test_: TestSandbox;
before(async () => {
  test_ = await startTestSandbox();
});
after(() => test_.dispose());

const TABLES = ['subscribers', 'imports', 'tenant_list_entries', 'meta'];

/** Every row of every table, as text: equal snapshots mean nothing was written. */
function snapshot(): { counts: Record<string, number>; content: string } {
  const db = new Database(test_.dbPath, { readonly: true });
  try {
    const counts: Record<string, number> = {};
    let content = '';
    for (const table of TABLES) {
      counts[table] = Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
      content += JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
    }
    return { counts, content };
  } finally {
    db.close();
  }
}

function preview(text: string, token = test_.sandbox.token) {
  return previewImport(test_.sandbox.endpoint, token, text, 'team.subscribers.csv', {
    secretValues: secretValuesOf(text),
  });
}

test('a preview answers row by row and writes nothing; the import then does exactly what it said', async () => {
  const before = snapshot();
  const previewed = await preview(CLEAN_FILE);
  assert.ok(previewed.ok, JSON.stringify(previewed));
  assert.equal(previewed.outcome, 'import');
  assert.deepEqual([previewed.created, previewed.updated, previewed.unchanged, previewed.failed], [3, 0, 0, 0]);
  assert.deepEqual(
    previewed.rows.map((row) => `${row.line}:${row.type}:${row.extension}:${row.status}`),
    ['2:User:201:created', '3:User:202:created', '4:Location:203:created'],
  );
  const after = snapshot();
  assert.deepEqual(after.counts, before.counts);
  assert.equal(after.content, before.content, 'no row of any table changed');
  assert.ok(test_.logs.some((line) => /POST \S+\/import\/preview 200 \d+ms preview created=3 failed=0/.test(line)));

  const imported = await uploadImport(test_.sandbox.endpoint, test_.sandbox.token, CLEAN_FILE, 'team.subscribers.csv');
  assert.ok(imported.ok, JSON.stringify(imported));
  assert.deepEqual(imported.rows, previewed.rows, 'the import does what the preview said');
  assert.equal(snapshot().counts.subscribers, before.counts.subscribers + 3);
});

test('after the import, a preview of the same file says unchanged, and of a changed row updated', async () => {
  const again = await preview(CLEAN_FILE);
  assert.ok(again.ok && again.outcome === 'import', JSON.stringify(again));
  assert.deepEqual([again.created, again.updated, again.unchanged, again.failed], [0, 0, 3, 0]);

  const before = snapshot();
  const changed = await preview(CLEAN_FILE.replace('Location,,Board Room,,203,3,', 'Location,,Board Room,,203,2,'));
  assert.ok(changed.ok && changed.outcome === 'import', JSON.stringify(changed));
  assert.deepEqual(
    changed.rows.map((row) => row.status),
    ['unchanged', 'unchanged', 'updated'],
  );
  assert.equal(snapshot().content, before.content, 'the entry the preview would update is as it was');
});

test('rows the tenant refuses fail in the preview with their reason, never quoting a PIN', async () => {
  const before = snapshot();
  const previewed = await preview(FILE_WITH_BAD_ROWS);
  assert.ok(previewed.ok && previewed.outcome === 'import', JSON.stringify(previewed));
  assert.deepEqual([previewed.created, previewed.failed], [1, 2]);
  const failed = previewed.rows.filter((row) => row.status === 'failed');
  assert.deepEqual(
    failed.map((row) => `${row.line}:${row.column}`),
    ['3:PIN', '4:CallProfile'],
  );
  assert.match(failed[1].reason ?? '', /no call permission group with ID 99/);
  assert.equal(findLeak([JSON.stringify(previewed), ...test_.logs], PINS), undefined);
  assert.equal(snapshot().content, before.content);
});

test('a file the import would refuse: 409 conflict and 400 are preview results, and nothing is written', async () => {
  const before = snapshot();
  const conflict = await preview(FILE_WITH_TAKEN_EXTENSION);
  assert.ok(conflict.ok, JSON.stringify(conflict));
  assert.equal(conflict.outcome, 'conflict');
  assert.deepEqual(
    conflict.rows.map((row) => `${row.line}:${row.status}:${row.column}`),
    ['3:failed:Extension'],
  );
  assert.match(conflict.message, /^An import would be refused \(409\): 1 row in conflict .*line 3: Extension 110 is/);

  const rejected = await preview('FirstName,Extension\nAnn,901\n');
  assert.ok(rejected.ok, JSON.stringify(rejected));
  assert.equal(rejected.outcome, 'rejected');
  assert.ok(rejected.problems.some((problem) => problem.code === 'missing-column'));
  assert.match(rejected.message, /would refuse the file as a whole \(400\)/);
  assert.equal(snapshot().content, before.content);
});

test('a preview sends no Idempotency-Key and records none; a read-only token is refused as its import would be', async () => {
  const sent: Headers[] = [];
  const recording: typeof fetch = (input, init) => {
    sent.push(new Headers(init?.headers));
    return fetch(input, init);
  };
  const text = [HEADER, 'User,Kai,Berg,kai@example.com,611,1,-1,,,,n', ''].join('\n');
  const previewed = await previewImport(test_.sandbox.endpoint, test_.sandbox.token, text, 'kai.csv', {
    fetch: recording,
  });
  assert.ok(previewed.ok);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].get('idempotency-key'), null);

  const readOnly = await preview(text, test_.sandbox.tokens.readOnly);
  assert.equal(readOnly.ok, false);
  assert.equal(!readOnly.ok && readOnly.kind, 'forbidden');
  assert.equal(test_.sandbox.db.findByExtension('611'), undefined);
});

test('an answer to a preview that does not say dryRun is not taken for one', async () => {
  const lying: typeof fetch = async () =>
    new Response(
      JSON.stringify({
        created: 1,
        updated: 0,
        unchanged: 0,
        failed: 0,
        rows: [{ row: 1, line: 2, status: 'created' }],
      }),
      {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      },
    );
  const result = await previewImport(test_.sandbox.endpoint, test_.sandbox.token, CLEAN_FILE, 'x.csv', {
    fetch: lying,
  });
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.kind, 'badResponse');
  assert.match(!result.ok ? result.message : '', /does not say it was a preview, so it may have imported the file/);
});

test('an endpoint without the preview route (404) is said to offer none', async () => {
  const old: typeof fetch = async () =>
    new Response(JSON.stringify({ error: 'not_found', message: 'No such route.' }), {
      status: 404,
      headers: { 'Content-Type': 'application/json' },
    });
  const result = await previewImport(test_.sandbox.endpoint, test_.sandbox.token, CLEAN_FILE, 'x.csv', { fetch: old });
  assert.equal(!result.ok && result.kind, 'badResponse');
  assert.match(!result.ok ? result.message : '', /offers no preview of an import/);
});
