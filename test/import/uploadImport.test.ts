/**
 * The upload core against a real sandbox started in-process: results mapped to rows, every typed failure, retries
 * that honour Retry-After and never import twice, timeouts and cancellation. Every message the client produced and
 * every log line of the sandbox is kept, and the last test checks that none holds the token or a PIN.
 */
import * as assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { uploadImport, type ImportResult, type RequestProgress, type UploadOptions } from '../../common/importClient';
import {
  CLEAN_FILE,
  FILE_WITH_BAD_ROWS,
  FILE_WITH_TAKEN_EXTENSION,
  HEADER,
  PINS,
  findLeak,
  startTestSandbox,
  type TestSandbox,
} from './helpers/sandbox';

let test_: TestSandbox;
/** Every message the client produced in this file, for the leak check at the end. */
const transcript: string[] = [];
const SEEDED = 3;

before(async () => {
  test_ = await startTestSandbox();
});
after(() => test_.dispose());
beforeEach(() => test_.sandbox.clearFaults());

/** Uploads with small delays (tests must be quick) and records every message. */
async function upload(text: string, options: UploadOptions = {}, token = test_.sandbox.token): Promise<ImportResult> {
  const progress: RequestProgress[] = [];
  const result = await uploadImport(test_.sandbox.endpoint, token, text, 'team.subscribers.csv', {
    baseDelayMs: 5,
    timeoutMs: 5000,
    ...options,
    onProgress: (event) => {
      progress.push(event);
      options.onProgress?.(event);
    },
  });
  transcript.push(...progress.map((event) => event.message));
  if (result.ok) transcript.push(...result.rows.map((row) => row.reason ?? ''));
  else {
    transcript.push(result.message);
    if (result.kind === 'conflict') transcript.push(...result.rows.map((row) => row.reason ?? ''));
    if (result.kind === 'rejected') transcript.push(...result.problems.map((problem) => problem.message));
  }
  return result;
}

function count(): number {
  return test_.sandbox.db.countSubscribers();
}

test('a clean file is imported: counts, rows, and the users in the database', async () => {
  const before = count();
  const result = await upload(CLEAN_FILE);
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual(
    { created: result.created, updated: result.updated, failed: result.failed, attempts: result.attempts },
    { created: 3, updated: 0, failed: 0, attempts: 1 },
  );
  assert.deepEqual(
    result.rows.map((row) => [row.row, row.line, row.status, row.extension]),
    [
      [1, 2, 'created', '201'],
      [2, 3, 'created', '202'],
      [3, 4, 'created', '203'],
    ],
  );
  assert.equal(result.replayed, false);
  assert.equal(count(), before + 3);
  const ann = test_.sandbox.db.findByExtension('201');
  assert.equal(ann?.lastName, 'Lee');
  assert.equal(ann?.settings.CallProfile, '1');
  assert.equal(ann?.pinSource, 'given');
  assert.ok(ann?.pinHash && !ann.pinHash.includes(PINS[0]), 'the PIN is stored hashed');
  assert.equal(test_.sandbox.db.findByExtension('202')?.pinSource, 'generated');
});

test('rows with errors fail on their own, mapped to row, line, column and reason', async () => {
  const before = count();
  const result = await upload(FILE_WITH_BAD_ROWS);
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual([result.created, result.failed], [1, 2]);
  const failed = result.rows.filter((row) => row.status === 'failed');
  assert.deepEqual(
    failed.map((row) => [row.row, row.line, row.column]),
    [
      [2, 3, 'PIN'],
      [3, 4, 'CallProfile'],
    ],
  );
  assert.match(failed[1].reason ?? '', /no call permission group with ID 99/);
  assert.equal(count(), before + 1);
  assert.ok(test_.sandbox.db.findByExtension('301'));
  assert.equal(test_.sandbox.db.findByExtension('302'), undefined);
});

test('a wrong or missing token is unauthorized (401), without retries', async () => {
  for (const token of ['not-the-token', '']) {
    const result = await upload(CLEAN_FILE, {}, token);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.kind, 'unauthorized');
    assert.equal(result.attempts, 1);
  }
});

test('a read-only token is forbidden (403) and imports nothing', async () => {
  const before = count();
  const result = await upload(CLEAN_FILE, {}, test_.sandbox.tokens.readOnly);
  assert.equal(!result.ok && result.kind, 'forbidden');
  assert.equal(count(), before);
});

test('an extension already taken is a conflict (409) naming the row; nothing is imported', async () => {
  const before = count();
  const result = await upload(FILE_WITH_TAKEN_EXTENSION);
  assert.ok(!result.ok && result.kind === 'conflict', JSON.stringify(result));
  assert.equal(result.error, 'conflict');
  assert.deepEqual(
    result.rows.map((row) => [row.row, row.line, row.column, row.extension]),
    [[2, 3, 'Extension', '110']],
  );
  assert.match(result.message, /Nothing was imported/);
  assert.equal(count(), before, 'row 1 (extension 401) was not imported either');
});

test('an extension used twice in the file is a conflict too', async () => {
  const before = count();
  const text = [HEADER, 'User,A,One,,601,1,-1,,,,n', 'User,B,Two,,601,1,-1,,,,n', ''].join('\n');
  const result = await upload(text);
  assert.ok(!result.ok && result.kind === 'conflict');
  assert.deepEqual(
    result.rows.map((row) => row.row),
    [1, 2],
  );
  assert.equal(count(), before);
});

test('a file broken as a whole is rejected (400) with its problems', async () => {
  const result = await upload('Type,Extention\nUser,701\n');
  assert.ok(!result.ok && result.kind === 'rejected', JSON.stringify(result));
  const codes = result.problems.map((problem) => [problem.line, problem.code]);
  assert.deepEqual(codes, [
    [1, 'missing-column'],
    [1, 'misspelt-column'],
  ]);
  assert.equal(result.attempts, 1);
});

test('a file over the size cap is too large (413), with the limit, without retries', async () => {
  const small = await startTestSandbox({ maxBytes: 1024 });
  try {
    const rows = Array.from({ length: 60 }, (_, i) => `User,A,Name${i},,${800 + i},1,-1,,,,n`);
    const result = await uploadImport(
      small.sandbox.endpoint,
      small.sandbox.token,
      [HEADER, ...rows].join('\n'),
      'x.csv',
    );
    assert.ok(!result.ok && result.kind === 'tooLarge', JSON.stringify(result));
    assert.equal(result.limitBytes, 1024);
    assert.equal(result.attempts, 1);
    assert.match(result.message, /1 KiB/);
    assert.equal(small.sandbox.db.countSubscribers(), SEEDED);
  } finally {
    await small.dispose();
  }
});

test('429 then success: Retry-After is honoured', async () => {
  test_.sandbox.setFaults({ rateLimit: 1, retryAfterSeconds: 1 });
  const waits: number[] = [];
  const started = Date.now();
  const text = [HEADER, 'User,Rae,Lim,,901,1,-1,,,,n', ''].join('\n');
  const result = await upload(text, {
    onProgress: (event) => {
      if (event.kind === 'waiting') waits.push(event.delayMs);
    },
  });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.attempts, 2);
  assert.deepEqual(waits, [1000]);
  assert.ok(Date.now() - started >= 990, 'waited for Retry-After');
});

test('a Retry-After longer than the longest wait ends as rateLimited at once', async () => {
  test_.sandbox.setFaults({ rateLimit: 1, retryAfterSeconds: 120 });
  const result = await upload(CLEAN_FILE, { maxDelayMs: 2000 });
  assert.ok(!result.ok && result.kind === 'rateLimited', JSON.stringify(result));
  assert.equal(result.retryAfterSeconds, 120);
  assert.equal(result.attempts, 1);
});

test('500 then success', async () => {
  test_.sandbox.setFaults({ fail500: 2 });
  const result = await upload([HEADER, 'User,Sol,Park,,902,1,-1,,,,n', ''].join('\n'));
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.attempts, 3);
});

test('500 on every attempt is a server failure after all retries', async () => {
  test_.sandbox.setFaults({ fail500: 10 });
  const result = await upload(CLEAN_FILE, { retries: 2 });
  assert.ok(!result.ok && result.kind === 'server');
  assert.equal(result.status, 500);
  assert.equal(result.attempts, 3);
});

test('a dropped connection then success', async () => {
  test_.sandbox.setFaults({ drop: 1 });
  const waits: string[] = [];
  const result = await upload([HEADER, 'User,Ida,Berg,,903,1,-1,,,,n', ''].join('\n'), {
    onProgress: (event) => {
      if (event.kind === 'waiting') waits.push(event.reason);
    },
  });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.attempts, 2);
  assert.match(waits[0], /^Network error/);
});

test('a retry after a lost answer never imports twice: the endpoint replays its answer', async () => {
  test_.sandbox.setFaults({ dropAfterImport: 1 });
  const before = count();
  const importsBefore = test_.sandbox.db.countImports();
  const text = [HEADER, 'User,Lou,Hart,,904,1,-1,,,,n', 'User,Max,Hart,,905,1,-1,,,,n', ''].join('\n');
  const result = await upload(text);
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.attempts, 2);
  assert.equal(result.replayed, true, 'the second attempt was answered from the stored answer');
  assert.equal(result.created, 2);
  assert.equal(count(), before + 2, 'the rows were imported once');
  assert.equal(test_.sandbox.db.countImports(), importsBefore + 1);
});

test('the same Idempotency-Key with another file is refused (idempotency_conflict)', async () => {
  const idempotencyKey = '6f1d2c1e-5b0a-4a77-9d7b-3f1f9d5e0c11';
  const first = await upload([HEADER, 'User,Ava,Ruiz,,906,1,-1,,,,n', ''].join('\n'), { idempotencyKey });
  assert.ok(first.ok);
  const second = await upload([HEADER, 'User,Ava,Ruiz,,907,1,-1,,,,n', ''].join('\n'), { idempotencyKey });
  assert.ok(!second.ok && second.kind === 'conflict');
  assert.equal(second.error, 'idempotency_conflict');
  assert.equal(second.idempotencyKey, idempotencyKey);
});

test('no answer within the per-attempt timeout is a timeout, after the retries', async () => {
  test_.sandbox.setFaults({ hang: 10 });
  const started = Date.now();
  const result = await upload(CLEAN_FILE, { timeoutMs: 150, retries: 1 });
  assert.ok(!result.ok && result.kind === 'timeout', JSON.stringify(result));
  assert.equal(result.attempts, 2);
  assert.ok(Date.now() - started < 2000);
});

test('an AbortSignal cancels a request in flight', async () => {
  test_.sandbox.setFaults({ delayMs: 3000 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const started = Date.now();
  const result = await upload(CLEAN_FILE, { signal: controller.signal });
  assert.ok(!result.ok && result.kind === 'cancelled', JSON.stringify(result));
  assert.ok(Date.now() - started < 1000, 'cancelled at once, not after the delay');
});

test('an AbortSignal cancels the wait between attempts', async () => {
  test_.sandbox.setFaults({ fail500: 1 });
  const controller = new AbortController();
  const result = await upload(CLEAN_FILE, {
    baseDelayMs: 5000,
    signal: controller.signal,
    onProgress: (event) => {
      if (event.kind === 'waiting') controller.abort();
    },
  });
  assert.ok(!result.ok && result.kind === 'cancelled');
  assert.equal(result.attempts, 1);
});

test('no message of the client and no log line of the sandbox holds the token or a PIN', () => {
  const { tokens } = test_.sandbox;
  assert.ok(transcript.length > 20, 'the transcript is not empty');
  assert.ok(test_.logs.length > 20, 'the sandbox logged the requests');
  assert.equal(findLeak([...transcript, ...test_.logs], [...Object.values(tokens), ...PINS]), undefined);
});
