/**
 * No failure kind lets the token or a PIN out. The sandbox is driven into every fault it has (and a hostile host
 * into the rest), one scenario per `FailureKind` (the Record makes a new kind fail to compile here until it has
 * one), and every string is collected: the result whole (message, problems, rows, every field), each progress event,
 * what the editor would show and mark (importSummary, rowProblems), and the sandbox's log lines.
 */
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  uploadImport,
  type FailureKind,
  type ImportResult,
  type RequestProgress,
  type UploadOptions,
} from '../../common/importClient';
import { summarizeImport } from '../../client/src/import/importSummary';
import { problemsOfFile, problemsOfRows } from '../../client/src/import/rowProblems';
import { HEADER, PINS, secretValuesOf, startTestSandbox, type TestSandbox } from '../import/helpers/sandbox';
import { leakIn, stringsIn } from './helpers/faultProbes';
import { closeAll, startHostileServer } from './helpers/hostileServer';

let test_: TestSandbox;
const transcript: string[] = [];
/** PINs of the files below, besides PINS: every one must stay out of every string. */
const MORE_PINS = ['5309', '60606'];

before(async () => {
  test_ = await startTestSandbox({ maxBytes: 64 * 1024 });
});
after(async () => {
  await test_.dispose();
  await closeAll();
});

const lines = (...rows: string[]) => [HEADER, ...rows, ''].join('\n');
let nextExtension = 2000;
/** A file the sandbox accepts, with PINs in it, on extensions not used before. */
const freshFile = () =>
  lines(
    `User,Ann,Lee,ann@example.com,${nextExtension++},1,-1,,,${PINS[0]},n`,
    `User,Bo,Tan,bo@example.com,${nextExtension++},1,-1,,,${MORE_PINS[0]},n`,
  );

async function upload(text: string, options: UploadOptions = {}, token = test_.sandbox.token): Promise<ImportResult> {
  const progress: RequestProgress[] = [];
  const result = await uploadImport(test_.sandbox.endpoint, token, text, 'team.subscribers.csv', {
    secretValues: secretValuesOf(text),
    baseDelayMs: 5,
    timeoutMs: 2000,
    ...options,
    onProgress: (event) => progress.push(event),
  });
  transcript.push(...stringsIn(result), ...stringsIn(progress));
  const host = '127.0.0.1';
  transcript.push(summarizeImport(result, { host, fileName: 'team.subscribers.csv', markedProblems: 1 }).message);
  const marked = result.ok
    ? problemsOfRows(result.rows, text, 'import-failed')
    : result.kind === 'conflict'
      ? problemsOfRows(result.rows, text, 'import-conflict')
      : result.kind === 'rejected'
        ? problemsOfFile(result.problems, text)
        : [];
  transcript.push(...stringsIn(marked));
  return result;
}

/**
 * One way to reach each failure kind, against the sandbox wherever it can produce it, and what its message says.
 */
const SCENARIOS: Record<FailureKind, { run: () => Promise<ImportResult>; says: RegExp }> = {
  invalidEndpoint: {
    says: /plain http:\/\/ to .*Use https:\/\//,
    run: () => uploadImport(`http://${test_.sandbox.token}.example.com/api`, test_.sandbox.token, freshFile(), 'x.csv'),
  },
  unauthorized: {
    says: /refused the API token \(401\): it is missing, wrong or expired/,
    run: () => upload(freshFile(), {}, `${test_.sandbox.token}_revoked`),
  },
  forbidden: {
    says: /accepted the API token, but it may not import for this tenant \(403\)/,
    run: () => upload(freshFile(), {}, test_.sandbox.tokens.readOnly),
  },
  rejected: {
    says: /refused the file as a whole \(400\).* Nothing was imported\./,
    run: () => upload(`Type,Extention,PIN\nUser,701,${MORE_PINS[1]}\nUser,702,${PINS[1]}\n`),
  },
  conflict: {
    says: /^Nothing was imported \(409\): 1 row in conflict with the tenant's data, e\.g\. line 2: Extension 110 is/,
    run: () =>
      upload(
        lines(`User,Dana,Again,dana@example.com,110,1,-1,,,${PINS[1]},n`, `User,Eve,Ng,,2999,1,-1,,,${MORE_PINS[1]},n`),
      ),
  },
  tooLarge: {
    says: /The file is too large for .* \(413; its limit is 64 KiB\)\. Nothing was imported/,
    run: () =>
      upload(lines(...Array.from({ length: 2000 }, (_, i) => `User,A,Name${i},,${30000 + i},1,-1,,,${PINS[0]},n`))),
  },
  rateLimited: {
    says: /is limiting requests \(429\) and asks to wait 600 s; gave up after 1 attempt/,
    run: () => {
      test_.sandbox.setFaults({ rateLimit: 1, retryAfterSeconds: 600 });
      return upload(freshFile());
    },
  },
  server: {
    says: /failed with HTTP 500 on 2 attempts\. Try again later\./,
    run: () => {
      test_.sandbox.setFaults({ fail500: 10 });
      return upload(freshFile(), { retries: 1 });
    },
  },
  network: {
    says: /^Could not reach 127\.0\.0\.1:\d+: .+ \(2 attempts\)\.$/,
    run: () => {
      test_.sandbox.setFaults({ drop: 10 });
      return upload(freshFile(), { retries: 1 });
    },
  },
  timeout: {
    says: /did not answer within 0\.2 s \(2 attempts\)\. It may still have imported the file/,
    run: () => {
      test_.sandbox.setFaults({ hang: 10 });
      return upload(freshFile(), { retries: 1, timeoutMs: 200 });
    },
  },
  cancelled: {
    says: /^The import was cancelled\. If the upload had already reached .+, it may have been imported\.$/,
    run: () => {
      test_.sandbox.setFaults({ delayMs: 5000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      return upload(freshFile(), { signal: controller.signal });
    },
  },
  badResponse: {
    says: /answered in a way the import API does not describe \(HTTP 200\): the answer is text\/plain, not JSON/,
    run: async () => {
      // The sandbox keeps the contract; a host that does not, and echoes everything it was sent into its answer.
      const echo = await startHostileServer((_request, response, recorded) => {
        response.writeHead(200, { 'Content-Type': 'text/plain', 'X-Echo': recorded.headers.authorization ?? '' });
        response.end(`${recorded.headers.authorization} ${recorded.body.toString('utf8')}`);
      });
      const progress: RequestProgress[] = [];
      const file = freshFile();
      const result = await uploadImport(echo.endpoint, test_.sandbox.token, file, 'x.csv', {
        secretValues: secretValuesOf(file),
        onProgress: (event) => progress.push(event),
      });
      transcript.push(...stringsIn(result), ...stringsIn(progress));
      return result;
    },
  },
};

test('every failure kind, reached for real: its message says what happened, and no string holds a secret', async () => {
  const reached: string[] = [];
  for (const [kind, scenario] of Object.entries(SCENARIOS)) {
    test_.sandbox.clearFaults();
    const result = await scenario.run();
    test_.sandbox.clearFaults();
    assert.ok(!result.ok, `${kind}: ${JSON.stringify(result)}`);
    assert.equal(result.kind, kind, `${kind}: ${result.message}`);
    assert.match(result.message, scenario.says, `${kind}: the message says what happened`);
    transcript.push(result.message);
    reached.push(result.kind);
  }
  assert.deepEqual(reached, Object.keys(SCENARIOS));
  const secrets = [...Object.values(test_.sandbox.tokens), `${test_.sandbox.token}_revoked`, ...PINS, ...MORE_PINS];
  const leak = leakIn([...transcript, ...test_.logs], secrets);
  assert.equal(leak, undefined, `a secret in ${leak}`);
});

test('an endpoint that echoes the token and the file into every field of every answer is scrubbed', async () => {
  const text = freshFile();
  const statuses = [200, 400, 401, 403, 409, 413, 429, 500];
  for (const status of statuses) {
    const host = await startHostileServer((_request, response, recorded) => {
      const echo = `${recorded.headers.authorization} ${recorded.body.toString('utf8')}`;
      const row = { row: 1, line: 2, status: 'failed', column: echo, reason: echo, type: echo, extension: echo };
      const body = {
        error: echo,
        message: echo,
        created: 0,
        updated: 0,
        failed: 1,
        rows: [row],
        problems: [{ line: 2, column: echo, code: echo, message: echo }],
        limitBytes: 1,
      };
      response.writeHead(status, { 'Content-Type': 'application/json', 'Retry-After': '600' });
      response.end(JSON.stringify(body));
    });
    const progress: RequestProgress[] = [];
    const result = await uploadImport(host.endpoint, test_.sandbox.token, text, 'x.csv', {
      secretValues: secretValuesOf(text),
      retries: 0,
      onProgress: (event) => progress.push(event),
    });
    const strings = [...stringsIn(result), ...stringsIn(progress)];
    const leak = leakIn(strings, [test_.sandbox.token, PINS[0], MORE_PINS[0]]);
    assert.equal(leak, undefined, `HTTP ${status}: a secret in ${leak}`);
  }
});
