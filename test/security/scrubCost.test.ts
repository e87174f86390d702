/**
 * Keeping secrets out of messages must not cost the editor its responsiveness: every message and every row's
 * reason is scrubbed of every PIN of the file, so the cost must not grow with PINs × reasons. A file of 5,000 users
 * with PINs, every row refused with a reason, is the case that froze the extension host for minutes when each PIN
 * was a regular expression of its own.
 */
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { scrub, uploadImport } from '../../common/importClient';
import { HEADER, secretValuesOf } from '../import/helpers/sandbox';
import { MAX_LOOP_GAP_MS, leakIn, stringsIn, watchEventLoop } from './helpers/faultProbes';
import { closeAll, sendJson, startHostileServer } from './helpers/hostileServer';

after(closeAll);

const ROWS = 5000;
const pinOf = (i: number) => String(700000 + i);
const FILE = [
  HEADER,
  ...Array.from({ length: ROWS }, (_, i) => `User,Kim,Row${i},,${10000 + i},99,-1,,,${pinOf(i)},n`),
  '',
].join('\n');

test('scrubbing keeps the same meaning: the token, whole-number PINs, and PINs that are not numbers', () => {
  const secrets = { token: 'tok_9', pins: ['4821', '12', '9 9', 'ab1'] };
  assert.equal(
    scrub('tok_9: PIN 4821, 48211, x4821y, line 12, 112, "9 9", ab1, ab12', secrets),
    '[token]: PIN [PIN], 48211, x[PIN]y, line [PIN], 112, "[PIN]", [PIN], [PIN]2',
  );
  assert.equal(scrub('nothing secret', { token: '', pins: [] }), 'nothing secret');
  assert.equal(scrub('a.b*c', { token: '', pins: ['.', 'b*'] }), 'a[PIN][PIN]c', 'PINs are text, not patterns');
});

test('a PIN stands as a whole value: the same digits inside an address or a decimal are left alone', () => {
  const secrets = { token: 'tok_9', pins: ['0', '5', '1234'] };
  assert.equal(
    scrub('Could not reach 127.0.0.1:7357 (tried 1.5 s); PIN 0, "5", 1234. Version 10.0.5, line 50', secrets),
    'Could not reach 127.0.0.1:7357 (tried 1.5 s); PIN [PIN], "[PIN]", [PIN]. Version 10.0.5, line 50',
  );
});

test(`an answer refusing all ${ROWS} rows of a file of ${ROWS} PINs is scrubbed without stalling the loop`, async (t) => {
  const reasons = Array.from({ length: ROWS }, (_, i) => ({
    row: i + 1,
    line: i + 2,
    status: 'failed',
    column: 'CallProfile',
    // A careless endpoint quoting the PIN of the row, and numbers that merely look like one.
    reason: `The tenant has no call permission group with ID 99 (PIN ${pinOf(i)}, line ${i + 2}, ext ${10000 + i}).`,
  }));
  const host = await startHostileServer((_request, response) =>
    sendJson(response, 200, { created: 0, updated: 0, failed: ROWS, rows: reasons }),
  );
  // Found before the upload, as the extension has them from the server's verdict.
  const secretValues = secretValuesOf(FILE);
  const loop = watchEventLoop();
  const started = performance.now();
  let setUpGap: number | undefined;
  // Judged from the request on: before it the upload only sets up.
  const onProgress = () => {
    setUpGap ??= loop.restart();
  };
  const result = await uploadImport(host.endpoint, 'tok_scrub', FILE, 'x.csv', {
    retries: 0,
    onProgress,
    secretValues,
  });
  const elapsedMs = performance.now() - started;
  const gap = loop.stop();
  t.diagnostic(
    `settled in ${Math.round(elapsedMs)} ms; longest loop stall ${gap} ms ` +
      `(by the clock ${loop.longestWallMs()} ms; set-up ${setUpGap} ms)`,
  );
  assert.ok(result.ok, JSON.stringify(result).slice(0, 300));
  assert.equal(result.rows.length, ROWS);
  assert.equal(
    result.rows[0].reason,
    'The tenant has no call permission group with ID 99 (PIN [PIN], line 2, ext 10000).',
  );
  assert.equal(
    leakIn(
      stringsIn(result),
      Array.from({ length: ROWS }, (_, i) => pinOf(i)),
    ),
    undefined,
  );
  assert.ok(elapsedMs < 2000, `took ${Math.round(elapsedMs)} ms`);
  assert.ok(gap <= MAX_LOOP_GAP_MS, `the event loop stalled for ${gap} ms`);
});
