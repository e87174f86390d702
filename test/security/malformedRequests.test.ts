/**
 * A sandbox that never dies on input. The real sandbox process gets requests no client would send, over raw
 * sockets to 127.0.0.1: broken request lines (`GET http://a:b/ HTTP/1.1` stopped it), broken headers, multipart
 * framing without its closing boundary (which stopped it too), odd encodings, bodies cut short, left open or
 * dripped a byte at a time. Each must end in an HTTP answer or a closed connection, never a hang, and the next
 * request must be served. Bounded: a fixed number of requests from a seeded generator, each with its own limit.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { createRandom } from '../../bench/generate';
import { HEADER } from '../import/helpers/sandbox';
import { fixedTokens, startSandboxProcess, type SandboxProcess } from '../import/helpers/sandboxProcess';
import { sendRaw, type RawDelivery, type RawOutcome } from './helpers/rawHttp';

const FUZZ_REQUESTS = 3000;
const LANES = 12;
/** The sandbox's request timeout in this test: a request still arriving after it gets 408. */
const REQUEST_TIMEOUT_S = 2;
/** What one malformed request may take at most: the request timeout, plus room for a loaded machine. */
const PER_REQUEST_MS = REQUEST_TIMEOUT_S * 1000 + 8000;

const dir = mkdtempSync(join(tmpdir(), 'subscriber-fuzz-'));
let sandbox: SandboxProcess;
let path: { import: string; tenant: string };

before(async () => {
  sandbox = await startSandboxProcess({
    dbPath: join(dir, 'sandbox.sqlite'),
    tokens: fixedTokens(),
    maxBytes: 64 * 1024,
    requestTimeoutSeconds: REQUEST_TIMEOUT_S,
  });
  const endpointPath = new URL(sandbox.endpoint).pathname;
  path = { import: `${endpointPath}/import`, tenant: `${endpointPath}/tenant` };
});
after(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The next request is served: a well-formed tenant read answers 200. */
async function assertServes(after: string): Promise<void> {
  assert.ok(sandbox.alive(), `the sandbox died after ${after}`);
  const response = await fetch(`${sandbox.endpoint}/tenant`, { headers: { Authorization: `Bearer ${sandbox.token}` } });
  await response.arrayBuffer();
  assert.equal(response.status, 200, `after ${after}`);
}

function request(head: string, body: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

function multipart(boundary: string, file: Buffer, { close = true, field = 'file' } = {}): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="x.csv"\r\n`),
    Buffer.from('Content-Type: text/csv\r\n\r\n'),
    file,
    Buffer.from(close ? `\r\n--${boundary}--\r\n` : '\r\n'),
  ]);
}

function importHead(body: Buffer, extra = ''): string {
  return (
    `POST ${path.import} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${sandbox.token}\r\n` +
    `Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: ${body.length}\r\n${extra}\r\n`
  );
}

const CSV = Buffer.from(`${HEADER}\nUser,Fuzz,Row,,4100,1,-1,,,,n\n`);

function assertEnded(outcome: RawOutcome, what: string): void {
  assert.notEqual(outcome.kind, 'hung', `${what}: no answer and no close within ${PER_REQUEST_MS} ms`);
}

test('the request line GET http://a:b/ HTTP/1.1 is answered 400, and the next request is served', async () => {
  const outcome = await sendRaw(
    sandbox.port,
    request('GET http://a:b/ HTTP/1.1\r\nHost: x\r\n\r\n'),
    { end: true },
    PER_REQUEST_MS,
  );
  assert.deepEqual(
    { kind: outcome.kind, status: outcome.kind === 'answered' ? outcome.status : 0 },
    { kind: 'answered', status: 400 },
  );
  await assertServes('GET http://a:b/');
});

test('a multipart body without its closing boundary is answered 400, and the next request is served', async () => {
  const body = multipart('XyZ', CSV, { close: false });
  const outcome = await sendRaw(sandbox.port, request(importHead(body), body), { end: true }, PER_REQUEST_MS);
  assert.equal(outcome.kind === 'answered' && outcome.status, 400);
  await assertServes('an unclosed multipart body');
});

test('a body cut short, or dripped slower than the request timeout, ends in an answer or a close; others are served meanwhile', async () => {
  const body = multipart('XyZ', CSV);
  const cut = await sendRaw(
    sandbox.port,
    request(importHead(body), body.subarray(0, 40)),
    { end: true },
    PER_REQUEST_MS,
  );
  assertEnded(cut, 'a body cut short');
  const left = await sendRaw(
    sandbox.port,
    request(importHead(body), body.subarray(0, 40)),
    { end: false },
    PER_REQUEST_MS,
  );
  assert.equal(left.kind === 'answered' && left.status, 408, `a body left unfinished: ${JSON.stringify(left)}`);

  const slow = sendRaw(
    sandbox.port,
    request(importHead(body), body),
    { end: true, drip: { bytes: 1, everyMs: 200 } },
    PER_REQUEST_MS,
  );
  const meanwhile = performance.now();
  await assertServes('while a slow body drips');
  assert.ok(performance.now() - meanwhile < 2000, 'the slow client does not hold others up');
  const dripped = await slow;
  assert.equal(dripped.kind === 'answered' && dripped.status, 408, JSON.stringify(dripped));
  assert.ok(dripped.ms < PER_REQUEST_MS);
  await assertServes('a slow body');
});

/** A malformed request from the seeded generator, and how to deliver it. */
interface Fuzzed {
  what: string;
  bytes: Buffer;
  delivery: RawDelivery;
}

function fuzzer(seed: number): () => Fuzzed {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));

  const methods = [
    'GET',
    'POST',
    'PUT',
    'DELETE',
    'OPTIONS',
    'HEAD',
    'PATCH',
    'TRACE',
    'G ET',
    'get',
    'PRI',
    '',
    'X'.repeat(300),
    'PÖST',
  ];
  const targets = () => [
    path.import, path.tenant, '/__sandbox/faults', '/', '*', 'http://a:b/', 'http://127.0.0.1:1/x', '//', '/%',
    '/%zz', `${path.import}?x=%`, `${path.import}#frag`, '/\u0000', `/${'a'.repeat(9000)}`, '/../../etc/passwd',
    'http://[::1', '/é', ' ', '', `${path.tenant}/../import`, `${path.import}%00`, '/%2e%2e/%2e%2e',
  ]; // prettier-ignore
  const versions = [
    'HTTP/1.1',
    'HTTP/1.1',
    'HTTP/1.0',
    'HTTP/2.0',
    'HTTP/1',
    'HTTP/1.1 x',
    'http/1.1',
    '',
    'HTTP/1.1\r',
    'HTTP/9.9',
  ];
  const auth = () => pick([
    `Authorization: Bearer ${sandbox.token}`, `Authorization: Bearer ${sandbox.token}`, 'Authorization: Bearer',
    `Authorization: Bearer ${'x'.repeat(10_000)}`, 'Authorization: Basic Zm9vOmJhcg==',
    `Authorization: Bearer ${sandbox.token}\r\nAuthorization: Bearer other`, `Authorization: Bearer ${sandbox.token}\u0000`,
    `Authorization: Bearer ${sandbox.tokens.readOnly}`, 'Authorization: Bearer é',
  ]); // prettier-ignore
  const contentTypes = [
    'multipart/form-data; boundary=XyZ', 'multipart/form-data; boundary=XyZ', 'multipart/form-data',
    'multipart/form-data; boundary=', `multipart/form-data; boundary="${'b'.repeat(200)}"`, 'text/csv',
    'multipart/mixed; boundary=XyZ', ';;;', 'multipart/form-data; boundary=XyZ; charset=utf-16', 'application/json',
  ]; // prettier-ignore
  const oddHeaders = [
    'NoColonHeader', ': empty name', 'Bad Name: x', 'X: a\u0000b', ' folded continuation', `X-Big: ${'y'.repeat(20_000)}`,
    'Expect: 100-continue', 'Connection: close', 'Upgrade: websocket\r\nConnection: Upgrade', 'Content-Encoding: gzip',
    'Content-Encoding: br', 'Transfer-Encoding: gzip, chunked', 'Idempotency-Key: has spaces', `Idempotency-Key: ${'k'.repeat(300)}`,
    'Idempotency-Key: ключ', 'Idempotency-Key:', 'Idempotency-Key: a\r\nIdempotency-Key: b', 'Content-Length: -1',
    'Content-Length: abc', 'Content-Length: 1e3', 'Content-Length: 5\r\nContent-Length: 6', 'Host:',
    Array.from({ length: 150 }, (_, i) => `X-N${i}: v`).join('\r\n'),
  ]; // prettier-ignore
  const files = () => [
    CSV, Buffer.alloc(0), Buffer.from(`${HEADER}\n`), Buffer.from([0xff, 0xfe, 0x54, 0x00, 0x79, 0x00]),
    Buffer.concat([CSV, Buffer.from([0xc3, 0x28, 0x00, 0xfc])]), bytes(2000), Buffer.from('Type\n' + 'User\n'.repeat(50)),
    Buffer.from(`${HEADER}\n"unclosed,${'q'.repeat(500)}`), Buffer.alloc(70 * 1024, 0x41), Buffer.from('\u0000'.repeat(100)),
  ]; // prettier-ignore
  const bodies = (): Buffer => {
    const file = pick(files());
    switch (Math.floor(random() * 9)) {
      case 0:
        return multipart('XyZ', file);
      case 1:
        return multipart('XyZ', file, { close: false });
      case 2:
        return multipart('Other', file);
      case 3:
        return Buffer.concat([multipart('XyZ', file), multipart('XyZ', file)]);
      case 4:
        return multipart('XyZ', file, { field: pick(['attachment', '', 'fi"le', 'file\r\nX: y']) });
      case 5:
        return gzipSync(multipart('XyZ', file));
      case 6:
        return Buffer.from(pick(['{', '[]', '{"hang":"x"}', '{"delayMs":1e309}', '{"__proto__":{"hang":1}}', '{"on":"nowhere"}', 'null', '{"fail500":-1}'])); // prettier-ignore
      case 7:
        return bytes(Math.floor(random() * 5000));
      default:
        return Buffer.alloc(0);
    }
  };
  const chunked = (body: Buffer): Buffer =>
    pick([
      Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]),
      Buffer.concat([Buffer.from('zz\r\n'), body]),
      Buffer.concat([Buffer.from(`${(body.length + 10).toString(16)};ext=1\r\n`), body]),
      Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n')]),
    ]);

  return () => {
    const eol = chance(0.95) ? '\r\n' : pick(['\n', '\r', '\r\r\n']);
    const body = bodies();
    const headers = ['Host: 127.0.0.1'];
    if (chance(0.8)) headers.push(auth());
    if (chance(0.7)) headers.push(`Content-Type: ${pick(contentTypes)}`);
    let payload = body;
    const framing = random();
    if (framing < 0.6) headers.push(`Content-Length: ${body.length + pick([0, 0, 0, 1, -1, 1000])}`);
    else if (framing < 0.8) {
      headers.push('Transfer-Encoding: chunked');
      payload = chunked(body);
    }
    if (chance(0.4)) for (let i = 1 + Math.floor(random() * 2); i > 0; i--) headers.push(pick(oddHeaders));
    // Most requests get past HTTP's own parser, so that the routes, the token check and the form reader meet them.
    const requestLine = chance(0.7)
      ? pick([
          `POST ${path.import} HTTP/1.1`,
          `POST ${path.import} HTTP/1.1`,
          `GET ${path.tenant} HTTP/1.1`,
          'POST /__sandbox/faults HTTP/1.1',
        ])
      : `${pick(methods)} ${pick(targets())} ${pick(versions)}`;
    const head = `${requestLine}${eol}${headers.join(eol)}${eol}${eol}`;
    let wire = Buffer.concat([Buffer.from(head, chance(0.5) ? 'latin1' : 'utf8'), payload]);
    const cut = chance(0.1);
    if (cut) wire = wire.subarray(0, Math.floor(random() * wire.length));
    // Mostly sent whole and half-closed; sometimes left open (the request timeout must end it) or dripped.
    const left = chance(0.015);
    const dripped = !left && chance(0.005);
    const delivery: RawDelivery = dripped ? { end: true, drip: { bytes: 64, everyMs: 150 } } : { end: !left };
    const what = `${JSON.stringify(requestLine.slice(0, 80))}${cut ? ' cut short' : ''}${left ? ' left open' : ''}${dripped ? ' dripped' : ''}`;
    return { what, bytes: wire, delivery };
  };
}

test(`${FUZZ_REQUESTS} malformed requests: each is answered or closed, and the sandbox serves the next one`, async (t) => {
  const next = fuzzer(20240917);
  const outcomes = { answered: 0, closed: 0, errors: 0, longestMs: 0 };
  const statuses = new Map<number, number>();
  let sent = 0;
  const started = performance.now();
  const lane = async () => {
    while (sent < FUZZ_REQUESTS) {
      sent++;
      const fuzzed = next();
      const outcome = await sendRaw(sandbox.port, fuzzed.bytes, fuzzed.delivery, PER_REQUEST_MS);
      assertEnded(outcome, fuzzed.what);
      outcomes.longestMs = Math.max(outcomes.longestMs, outcome.ms);
      if (outcome.kind === 'answered') {
        outcomes.answered++;
        if (outcome.status >= 400) outcomes.errors++;
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      } else outcomes.closed++;
      await assertServes(fuzzed.what);
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const byStatus = [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  t.diagnostic(
    `${FUZZ_REQUESTS} malformed requests in ${seconds} s: ${outcomes.answered} answered (${byStatus}), ` +
      `${outcomes.closed} closed without an answer, 0 hung (longest ${outcomes.longestMs} ms); ` +
      `every one followed by a served tenant read`,
  );
  assert.equal(outcomes.answered + outcomes.closed, FUZZ_REQUESTS);
  assert.ok(outcomes.errors > FUZZ_REQUESTS / 2, 'most of them are refused with an HTTP error');
  assert.ok(sandbox.alive());
  assert.equal(sandbox.logs.filter((line) => /internal error/.test(line)).length, 0, 'no request ended in a 500');
});
