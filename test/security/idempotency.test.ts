/**
 * No double import. One Idempotency-Key per import, a fresh random UUID each time, sent unchanged with the same file
 * on every retry, whatever made the retry (500, 429, a dropped connection, a timeout, an answer lost after the
 * import); a caller may resume a failed import with its key; refusals (4xx) are never retried; and the endpoint
 * keeps keys per tenant, so two tokens of one tenant sending the same key and file import once.
 */
import * as assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { uploadImport, type UploadOptions } from '../../common/importClient';
import type { FaultPlan } from '../../sandbox/src/faults';
import { HEADER, startTestSandbox, type TestSandbox } from '../import/helpers/sandbox';

let test_: TestSandbox;
before(async () => {
  test_ = await startTestSandbox({ maxBytes: 4096 });
});
after(() => test_.dispose());
beforeEach(() => test_.sandbox.clearFaults());

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let nextExtension = 6000;
function freshFile(rows = 2): string {
  return [HEADER, ...Array.from({ length: rows }, () => `User,Ida,Row,,${nextExtension++},1,-1,,,,n`), ''].join('\n');
}

interface Sent {
  key: string | null;
  file: string;
}

/** Uploads through a fetch that records the key and the file of every request it sends. */
async function upload(text: string, options: UploadOptions = {}, token = test_.sandbox.token) {
  const sent: Sent[] = [];
  const recording: typeof fetch = async (input, init) => {
    const file = init?.body instanceof FormData ? init.body.get('file') : null;
    sent.push({
      key: new Headers(init?.headers).get('idempotency-key'),
      file: file instanceof Blob ? await file.text() : '',
    });
    return fetch(input, init);
  };
  const result = await uploadImport(test_.sandbox.endpoint, token, text, 'x.csv', {
    baseDelayMs: 5,
    timeoutMs: 1000,
    ...options,
    fetch: recording,
  });
  return { result, sent };
}

test('every retry, whatever caused it, sends the same key and the same file; the rows are imported once', async () => {
  const faults: [string, FaultPlan][] = [
    ['500', { fail500: 1 }],
    ['429', { rateLimit: 1, retryAfterSeconds: 0 }],
    ['dropped connection', { drop: 1 }],
    ['timeout', { hang: 1 }],
    ['answer lost after the import', { dropAfterImport: 1 }],
  ];
  for (const [cause, plan] of faults) {
    const text = freshFile();
    const subscribers = test_.sandbox.db.countSubscribers();
    test_.sandbox.setFaults(plan);
    const { result, sent } = await upload(text, { timeoutMs: cause === 'timeout' ? 300 : 1000 });
    assert.ok(result.ok, `${cause}: ${JSON.stringify(result)}`);
    assert.equal(result.attempts, 2, cause);
    assert.match(result.idempotencyKey, UUID_V4, cause);
    assert.deepEqual(sent, [
      { key: result.idempotencyKey, file: text },
      { key: result.idempotencyKey, file: text },
    ]);
    assert.equal(result.replayed, cause === 'answer lost after the import', cause);
    assert.equal(test_.sandbox.db.countSubscribers(), subscribers + 2, `${cause}: imported exactly once`);
  }
});

test('each import has its own random key', async () => {
  const keys = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const { result } = await upload(freshFile(1));
    assert.ok(result.ok);
    assert.match(result.idempotencyKey, UUID_V4);
    keys.add(result.idempotencyKey);
  }
  assert.equal(keys.size, 3);
});

test('a failed import resumed with its key is answered from the record, not imported again', async () => {
  const text = freshFile();
  const subscribers = test_.sandbox.db.countSubscribers();
  test_.sandbox.setFaults({ dropAfterImport: 1 });
  const lost = await upload(text, { retries: 0 });
  assert.ok(!lost.result.ok && lost.result.kind === 'network', JSON.stringify(lost.result));
  assert.equal(test_.sandbox.db.countSubscribers(), subscribers + 2, 'the first attempt did import');
  const resumed = await upload(text, { idempotencyKey: lost.result.idempotencyKey });
  assert.ok(resumed.result.ok && resumed.result.replayed, JSON.stringify(resumed.result));
  assert.equal(resumed.result.created, 2);
  assert.equal(test_.sandbox.db.countSubscribers(), subscribers + 2, 'and the resumed one did not');
});

test('refusals are never retried: 400, 401, 403, 409 and 413 are sent once', async () => {
  const big = [HEADER, ...Array.from({ length: 200 }, (_, i) => `User,A,Name${i},,${7000 + i},1,-1,,,,n`)].join('\n');
  const cases: [string, string, string?][] = [
    ['rejected', 'Type,Extention\nUser,701\n'],
    ['unauthorized', freshFile(), 'not-the-token'],
    ['forbidden', freshFile(), test_.sandbox.tokens.readOnly],
    ['conflict', [HEADER, 'User,Dana,Again,,110,1,-1,,,,n', ''].join('\n')],
    ['tooLarge', big],
  ];
  for (const [kind, text, token] of cases) {
    const { result, sent } = await upload(text, { retries: 3 }, token);
    assert.ok(!result.ok && result.kind === kind, `${kind}: ${JSON.stringify(result)}`);
    assert.equal(sent.length, 1, kind);
    assert.equal(result.attempts, 1, kind);
  }
});

test('keys are kept per tenant: the same key and file under two tokens of the tenant import once', async () => {
  const text = freshFile();
  const idempotencyKey = '0f8f3a52-7c1e-4b7a-9d1e-5b0c2a1f9e33';
  const subscribers = test_.sandbox.db.countSubscribers();
  const first = await upload(text, { idempotencyKey });
  assert.ok(first.result.ok && !first.result.replayed, JSON.stringify(first.result));
  const other = await upload(text, { idempotencyKey }, test_.sandbox.tokens.telcoAdmin);
  assert.ok(other.result.ok && other.result.replayed, JSON.stringify(other.result));
  assert.deepEqual(other.result.rows, first.result.rows, "the first import's answer");
  assert.equal(test_.sandbox.db.countSubscribers(), subscribers + 2, 'imported once');
  const otherFile = await upload(freshFile(), { idempotencyKey }, test_.sandbox.tokens.telcoAdmin);
  assert.ok(!otherFile.result.ok && otherFile.result.kind === 'conflict', JSON.stringify(otherFile.result));
  assert.equal(otherFile.result.error, 'idempotency_conflict');
});
