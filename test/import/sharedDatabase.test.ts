/**
 * The sandbox's file locks are SQLite's own, so other connections may share the file: a second sandbox on the same
 * file sees the first one's imports (and their keys), and a writer that holds the database longer than the busy
 * timeout makes an import answer 503 with Retry-After, which the client's retry, with the same key, outlasts.
 */
import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { after, before, test } from 'node:test';
import { uploadImport } from '../../common/importClient';
import { HEADER, startTestSandbox, type TestSandbox } from './helpers/sandbox';

let first: TestSandbox;
let second: TestSandbox;
before(async () => {
  first = await startTestSandbox();
  second = await startTestSandbox({ dbPath: first.dbPath });
});
after(async () => {
  await second.dispose();
  await first.dispose();
});

const FILE = [HEADER, 'User,Uma,Berg,uma@example.com,3301,1,-1,,,,n', 'Location,,Atrium,,,1,-1,,,,n', ''].join('\n');

test('two sandboxes on one file: each sees the imports and the keys of the other', async () => {
  const idempotencyKey = 'shared-file-key';
  const imported = await uploadImport(first.sandbox.endpoint, first.sandbox.token, FILE, 'x.csv', { idempotencyKey });
  assert.ok(imported.ok && imported.created === 2, JSON.stringify(imported));
  const replayed = await uploadImport(second.sandbox.endpoint, second.sandbox.token, FILE, 'x.csv', {
    idempotencyKey,
  });
  assert.ok(replayed.ok && replayed.replayed && replayed.created === 2, JSON.stringify(replayed));
  const again = await uploadImport(second.sandbox.endpoint, second.sandbox.token, FILE, 'x.csv');
  assert.ok(again.ok && again.unchanged === 2 && again.created === 0, JSON.stringify(again));
  assert.equal(first.sandbox.db.countSubscribers(), 3 + 2);
  assert.equal(second.sandbox.db.countSubscribers(), 3 + 2);
});

test('a writer holding the database past the busy timeout: 503 with Retry-After, then the retry imports', async (t) => {
  const other = new Database(first.dbPath);
  t.after(() => other.close());
  other.exec('BEGIN IMMEDIATE');
  const waits: string[] = [];
  const result = await uploadImport(
    first.sandbox.endpoint,
    first.sandbox.token,
    FILE.replace('3301', '3302').replace('Atrium', 'Annex'),
    'x.csv',
    {
      retries: 2,
      timeoutMs: 30_000,
      onProgress: (event) => {
        if (event.kind !== 'waiting') return;
        waits.push(event.reason);
        other.exec('ROLLBACK');
      },
    },
  );
  assert.ok(result.ok && result.created === 2, JSON.stringify(result));
  assert.equal(result.attempts, 2);
  assert.deepEqual(waits, ['The endpoint failed (HTTP 503)']);
  assert.ok(
    first.logs.some((line) => / 503 .*database busy/.test(line)),
    first.logs.join('\n'),
  );
});
