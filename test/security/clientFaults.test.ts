/**
 * The upload core under the faults a real endpoint (or what stands in front of it) has: the server killed in the
 * middle of an upload, an answer that is not JSON, a huge answer, a slow-loris answer. For each one the promise
 * settles with the right typed failure within a bound, the message says what happened, the file on disk is left
 * alone, no string of the result holds the token or a PIN, and the event loop (the editor's extension host) keeps
 * ticking: no gap above MAX_LOOP_GAP_MS.
 */
import * as assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, test, type TestContext } from 'node:test';
import { fetchTenant, uploadImport, type RequestProgress } from '../../common/importClient';
import { HEADER, PINS, secretValuesOf, startTestSandbox } from '../import/helpers/sandbox';
import { MAX_LOOP_GAP_MS, fileOnDisk, leakIn, stringsIn, throttledFetch, watchEventLoop } from './helpers/faultProbes';
import { closeAll, sendJson, startHostileServer, streamHugeAnswer, trickleAnswer } from './helpers/hostileServer';

const TOKEN = 'sbx_fault_test_token_7f3a';
/** 1,500 rows (about 70 KB): an upload that takes a while when sent slowly. */
const FILE = [
  HEADER,
  `User,Ann,Lee,ann.lee@example.com,2000,1,-1,,,${PINS[0]},n`,
  ...Array.from({ length: 1500 }, (_, i) => `User,Kim,Row${i},,${2001 + i},1,-1,,,,n`),
  `User,Bo,Tan,bo@example.com,3600,1,-1,,,${PINS[1]},n`,
  '',
].join('\n');

/**
 * Loads what an extension host has loaded long before its first import (fetch, at activation, for the tenant data;
 * the CSV parser), so that the loop is measured during the fault, not while modules compile.
 */
before(async () => {
  const warm = await startHostileServer((_request, response) => sendJson(response, 200, {}));
  await fetch(warm.origin);
  secretValuesOf(FILE);
});
after(closeAll);

interface Observed<R> {
  result: R;
  elapsedMs: number;
  /** The longest stall of the event loop from the first request on (the fault), and before it (the set-up). */
  loopGapMs: number;
  setUpGapMs: number;
  progress: RequestProgress[];
}

/**
 * Runs one import (or tenant fetch) under a fault, with the file read from disk as the editor would, and checks
 * what every fault must leave true: the file is untouched, the loop kept ticking, nothing holds a secret. The loop
 * is judged from the first request on: before it, the upload core reads the file's PINs (one parse of the file,
 * reported as `setUpGapMs`, not judged here).
 */
async function underFault<R>(
  t: TestContext,
  run: (text: string, onProgress: (event: RequestProgress) => void) => Promise<R>,
  token = TOKEN,
): Promise<Observed<R>> {
  const file = fileOnDisk(FILE);
  try {
    const progress: RequestProgress[] = [];
    const loop = watchEventLoop();
    let setUpGapMs = 0;
    const started = performance.now();
    const result = await run(file.text, (event) => {
      if (progress.length === 0) setUpGapMs = loop.restart();
      progress.push(event);
    });
    const elapsedMs = performance.now() - started;
    const loopGapMs = loop.stop();
    t.diagnostic(
      `settled in ${Math.round(elapsedMs)} ms; longest loop stall ${loopGapMs} ms ` +
        `(by the clock ${loop.longestWallMs()} ms; set-up ${setUpGapMs} ms)`,
    );
    assert.ok(file.unchanged(), 'the file on disk is untouched');
    assert.equal(file.text, FILE, 'the text given to the client is the text it was given');
    assert.ok(loopGapMs <= MAX_LOOP_GAP_MS, `the event loop stalled for ${loopGapMs} ms`);
    const leak = leakIn([...stringsIn(result), ...stringsIn(progress)], [token, ...PINS]);
    assert.equal(leak, undefined, `a secret in ${leak}`);
    return { result, elapsedMs, loopGapMs, setUpGapMs, progress };
  } finally {
    file.remove();
  }
}

test('the sandbox killed in the middle of an upload: a network failure, nothing imported', async (t) => {
  const first = await startTestSandbox({ maxBytes: 4 * 1024 * 1024 });
  const { sandbox } = first;
  let closing: Promise<void> | undefined;
  // 4 KiB every 20 ms: the 70 KB upload takes about 350 ms; the sandbox is closed 100 ms into it.
  const slow = throttledFetch(4096, 20, () => {
    if (!closing) closing = new Promise((resolve) => setTimeout(() => void sandbox.close().then(resolve), 100));
  });
  const observed = await underFault(
    t,
    (text, onProgress) =>
      uploadImport(sandbox.endpoint, sandbox.token, text, 'team.subscribers.csv', {
        secretValues: secretValuesOf(text),
        fetch: slow,
        retries: 1,
        baseDelayMs: 10,
        timeoutMs: 5000,
        onProgress,
      }),
    sandbox.token,
  );
  await closing;
  const { result } = observed;
  assert.ok(!result.ok && result.kind === 'network', JSON.stringify(result));
  assert.equal(result.attempts, 2, 'the retry found the port closed');
  assert.match(
    result.message,
    /^Could not reach 127\.0\.0\.1:\d+: connection refused \(ECONNREFUSED\) \(2 attempts\)\.$/,
  );
  const firstFailure = observed.progress.find((event) => event.kind === 'waiting');
  assert.match(firstFailure?.message ?? '', /^Network error: .+; retrying in/, 'the first attempt lost its connection');
  assert.ok(observed.elapsedMs < 3000, `settled in ${observed.elapsedMs} ms`);
  assert.ok(
    first.logs.some((line) => /^POST \/api\/v1\/tenants\/acme\/import no answer/.test(line)),
    `the sandbox was mid-request when it closed: ${first.logs.join(' | ')}`,
  );

  // The same database, opened again: the interrupted upload imported nothing.
  const reopened = await startTestSandbox({ dbPath: first.dbPath });
  try {
    assert.equal(reopened.sandbox.db.countImports(), 0);
    assert.equal(reopened.sandbox.db.countSubscribers(), 3);
  } finally {
    await reopened.dispose();
    await first.dispose().catch(() => {});
  }
});

test('answers that are not JSON: badResponse saying what came instead; a 502 page is retried as a server failure', async (t) => {
  const cases: { answer: (response: import('node:http').ServerResponse) => void; kind: string; message: RegExp }[] = [
    {
      answer: (response) => {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end('<html><body>Sign in to continue</body></html>');
      },
      kind: 'badResponse',
      message: /answered in a way the import API does not describe \(HTTP 200\): the answer is text\/html, not JSON\./,
    },
    {
      answer: (response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{"created": 3, "updated": 0, "fail');
      },
      kind: 'badResponse',
      message: /\(HTTP 200\): the answer is not valid JSON\./,
    },
    {
      answer: (response) => {
        response.writeHead(200);
        response.end('\u0000\u0001binary');
      },
      kind: 'badResponse',
      message: /\(HTTP 200\): the answer is untyped, not JSON\./,
    },
    {
      answer: (response) => {
        response.writeHead(502, { 'Content-Type': 'text/html' });
        response.end('<html>Bad Gateway</html>');
      },
      kind: 'server',
      message: /failed with HTTP 502 on 2 attempts\. Try again later\./,
    },
  ];
  for (const { answer, kind, message } of cases) {
    const host = await startHostileServer((_request, response) => answer(response));
    const { result, elapsedMs } = await underFault(t, (text, onProgress) =>
      uploadImport(host.endpoint, TOKEN, text, 'team.subscribers.csv', {
        secretValues: secretValuesOf(text),
        retries: 1,
        baseDelayMs: 10,
        onProgress,
      }),
    );
    assert.ok(!result.ok && result.kind === kind, JSON.stringify(result));
    assert.match(result.message, message);
    assert.ok(elapsedMs < 2000, `settled in ${elapsedMs} ms`);
  }
});

test('a 50 MB answer: the client stops reading at its cap and fails cleanly', async (t) => {
  const total = 50 * 1024 * 1024;
  let written: Promise<number> | undefined;
  const host = await startHostileServer((_request, response) => {
    written = streamHugeAnswer(response, total);
  });
  const { result, elapsedMs } = await underFault(t, (text, onProgress) =>
    uploadImport(host.endpoint, TOKEN, text, 'team.subscribers.csv', {
      secretValues: secretValuesOf(text),
      retries: 2,
      onProgress,
    }),
  );
  assert.ok(!result.ok && result.kind === 'badResponse', JSON.stringify(result));
  assert.equal(result.attempts, 1, 'a too-large answer is not asked for again');
  assert.match(result.message, /\(HTTP 200\): the answer is too large\./);
  const sent = await written;
  assert.ok(sent !== undefined && sent < 20 * 1024 * 1024, `the client read on to ${sent} bytes`);
  assert.ok(elapsedMs < 5000, `settled in ${elapsedMs} ms`);
});

test('a compressed answer that inflates to 50 MB is capped on its inflated size', async (t) => {
  const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
  assert.ok(bomb.length < 200 * 1024, 'the bomb itself is small');
  const host = await startHostileServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    response.end(bomb);
  });
  const { result } = await underFault(t, (text, onProgress) =>
    uploadImport(host.endpoint, TOKEN, text, 'team.subscribers.csv', {
      secretValues: secretValuesOf(text),
      retries: 0,
      onProgress,
    }),
  );
  assert.ok(!result.ok && result.kind === 'badResponse', JSON.stringify(result));
  assert.match(result.message, /the answer is too large/);

  const tenantHost = await startHostileServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    response.end(bomb);
  });
  const tenant = await underFault(t, (_text, onProgress) =>
    fetchTenant(tenantHost.endpoint, TOKEN, { retries: 0, onProgress }),
  );
  assert.ok(!tenant.result.ok && tenant.result.kind === 'badResponse', JSON.stringify(tenant.result));
  assert.match(tenant.result.message, /the answer is too large/);
});

test('a slow-loris answer (a byte a second) times out within the per-attempt timeout', async (t) => {
  for (const inHeaders of [false, true]) {
    const host = await startHostileServer((_request, response) => trickleAnswer(response, 1000, inHeaders));
    const timeoutMs = 1500;
    const { result, elapsedMs } = await underFault(t, (text, onProgress) =>
      uploadImport(host.endpoint, TOKEN, text, 'team.subscribers.csv', {
        secretValues: secretValuesOf(text),
        retries: 0,
        timeoutMs,
        onProgress,
      }),
    );
    const where = inHeaders ? 'headers' : 'body';
    assert.ok(!result.ok && result.kind === 'timeout', `${where}: ${JSON.stringify(result)}`);
    assert.match(result.message, /did not answer within 1\.5 s \(1 attempt\)\. It may still have imported the file/);
    assert.ok(elapsedMs >= timeoutMs - 50 && elapsedMs < timeoutMs + 1000, `${where}: settled in ${elapsedMs} ms`);
  }
});

test('a slow-loris answer on every attempt: each attempt is bounded, and so is the whole', async (t) => {
  const host = await startHostileServer((_request, response) => trickleAnswer(response, 1000));
  const { result, elapsedMs, progress } = await underFault(t, (text, onProgress) =>
    uploadImport(host.endpoint, TOKEN, text, 'team.subscribers.csv', {
      secretValues: secretValuesOf(text),
      retries: 2,
      timeoutMs: 500,
      baseDelayMs: 20,
      maxDelayMs: 50,
      onProgress,
    }),
  );
  assert.ok(!result.ok && result.kind === 'timeout', JSON.stringify(result));
  assert.equal(result.attempts, 3);
  assert.deepEqual(
    progress.filter((event) => event.kind === 'waiting').map((event) => event.reason),
    ['No answer within 0.5 s', 'No answer within 0.5 s'],
  );
  assert.ok(elapsedMs < 3 * 500 + 2 * 50 + 1000, `settled in ${elapsedMs} ms`);
  const keys = new Set(host.requests.map((request) => request.headers['idempotency-key']));
  assert.equal(keys.size, 1, 'every attempt carried the same Idempotency-Key');
});

test('a fault on the tenant route is bounded the same way', async (t) => {
  const host = await startHostileServer((request, response) => {
    if (request.url?.endsWith('/tenant')) trickleAnswer(response, 1000);
    else sendJson(response, 404, {});
  });
  const { result, elapsedMs } = await underFault(t, (_text, onProgress) =>
    fetchTenant(host.endpoint, TOKEN, { retries: 0, timeoutMs: 500, onProgress }),
  );
  assert.ok(!result.ok && result.kind === 'timeout', JSON.stringify(result));
  assert.match(result.message, /did not answer within 0\.5 s \(1 attempt\)\.$/);
  assert.ok(elapsedMs < 1500, `settled in ${elapsedMs} ms`);
});
