/**
 * Endpoints that do not keep the contract: redirects (the token must not follow one to another host), answers that
 * are not the contract's JSON, and an endpoint careless enough to echo the token and the PINs back. Each is a tiny
 * local HTTP server; the sandbox plays the honest host a redirect points to.
 */
import * as assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { fetchTenant, uploadImport } from '../../common/importClient';
import { CLEAN_FILE, PINS, findLeak, secretValuesOf, startTestSandbox, type TestSandbox } from './helpers/sandbox';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let honest: TestSandbox;
const servers: Server[] = [];

before(async () => {
  honest = await startTestSandbox();
});
after(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await honest.dispose();
});

/** A one-off server on 127.0.0.1; returns its base URL. */
async function serve(handler: Handler): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => handler(request, response));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/tenants/acme`;
}

function json(response: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  response.writeHead(status, { 'Content-Type': type });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

test('a redirect to another origin is refused; the token never reaches that host', async () => {
  // Same machine, other origin: `localhost` instead of `127.0.0.1`, and another port.
  const target = honest.sandbox.endpoint.replace('127.0.0.1', 'localhost');
  const endpoint = await serve((_request, response) => {
    response.writeHead(307, { Location: `${target}/import` });
    response.end();
  });
  const requestsBefore = honest.logs.length;
  const result = await uploadImport(endpoint, honest.sandbox.token, CLEAN_FILE, 'x.csv', { retries: 0 });
  assert.ok(!result.ok && result.kind === 'badResponse', JSON.stringify(result));
  assert.equal(result.status, 307);
  assert.match(result.message, /redirect to http:\/\/localhost:\d+; the token is never sent to another host/);
  assert.equal(honest.logs.length, requestsBefore, 'the other host got no request');
});

test('a redirect within the same origin is followed', async () => {
  const endpoint = await serve((request, response) => {
    if (request.url?.startsWith('/api/v1/tenants/acme/')) {
      response.writeHead(308, { Location: '/v2/acme/import' });
      response.end();
    } else {
      assert.equal(request.headers.authorization, 'Bearer the-token');
      json(response, 200, { created: 0, updated: 0, failed: 0, rows: [] });
    }
  });
  const result = await uploadImport(endpoint, 'the-token', CLEAN_FILE, 'x.csv', { retries: 0 });
  assert.ok(result.ok, JSON.stringify(result));
});

test('answers that are not the contract are badResponse, not a crash or a false success', async () => {
  const cases: [Handler, RegExp][] = [
    [(_, response) => json(response, 200, '<html>Sign in</html>', 'text/html'), /text\/html, not JSON/],
    [(_, response) => json(response, 200, '{"created":', 'application/json'), /not valid JSON/],
    [(_, response) => json(response, 200, { created: 1, updated: 0, failed: 0 }), /rows must be a list/],
    [
      (_, response) => json(response, 200, { created: 2, updated: 0, failed: 0, rows: [] }),
      /counts 2 rows but lists 0/,
    ],
    [(_, response) => json(response, 404, { error: 'nope' }), /HTTP 404.*no import route/],
    [(_, response) => json(response, 418, { error: 'teapot' }), /unexpected status 418/],
  ];
  for (const [handler, message] of cases) {
    const endpoint = await serve(handler);
    const result = await uploadImport(endpoint, 'the-token', CLEAN_FILE, 'x.csv', { retries: 0 });
    assert.ok(!result.ok && result.kind === 'badResponse', JSON.stringify(result));
    assert.match(result.message, message);
  }
});

test('a tenant answer of the wrong shape is badResponse; a good one is typed with every list', async () => {
  const bad = await serve((_, response) => json(response, 200, { tenant: { id: 'a' }, role: 'admin' }));
  const badResult = await fetchTenant(bad, 'the-token', { retries: 0 });
  assert.ok(!badResult.ok && badResult.kind === 'badResponse');
  const good = await serve((_, response) =>
    json(response, 200, { tenant: { id: 'a', name: 'A' }, pinNotification: 'email', role: 'telcoAdmin' }),
  );
  const goodResult = await fetchTenant(good, 'the-token');
  assert.ok(goodResult.ok, JSON.stringify(goodResult));
  assert.deepEqual(goodResult.data, {
    pinNotification: 'email',
    role: 'telcoAdmin',
    callProfiles: [],
    keyProfiles: [],
    holdAnnouncements: [],
    siteZones: [],
    extensionsInUse: [],
  });
});

test('an endpoint echoing the token and PINs back: the client scrubs every message it returns', async () => {
  const token = 'sbx_echoed_token';
  const echo = `token ${token}, PINs ${PINS.join(' and ')}`;
  const answers: Handler[] = [
    (_, response) =>
      json(response, 400, { error: 'invalid_file', message: echo, problems: [{ line: 2, message: echo }] }),
    (_, response) =>
      json(response, 409, {
        error: 'conflict',
        message: echo,
        rows: [{ row: 1, line: 2, status: 'failed', reason: echo }],
      }),
    (_, response) =>
      json(response, 200, {
        created: 0,
        updated: 0,
        failed: 1,
        rows: [{ row: 1, line: 2, status: 'failed', reason: echo }],
      }),
  ];
  const texts: string[] = [];
  for (const handler of answers) {
    const endpoint = await serve(handler);
    const text = CLEAN_FILE.replace(',n\n', `,n\nUser,Z,Z,,299,1,-1,,,${PINS[1]},n\n`);
    const result = await uploadImport(endpoint, token, text, 'x.csv', {
      retries: 0,
      secretValues: secretValuesOf(text),
      onProgress: (event) => texts.push(event.message),
    });
    if (result.ok) texts.push(...result.rows.map((row) => row.reason ?? ''));
    else {
      texts.push(result.message);
      if (result.kind === 'rejected') texts.push(...result.problems.map((problem) => problem.message));
      if (result.kind === 'conflict') texts.push(...result.rows.map((row) => row.reason ?? ''));
    }
  }
  assert.ok(
    texts.some((text) => text.includes('[token]') && text.includes('[PIN]')),
    'the echo was scrubbed',
  );
  assert.equal(findLeak(texts, [token, ...PINS]), undefined);
});

test('an endpoint that is not allowed is refused before anything is sent', async () => {
  let sent = 0;
  const spy: typeof fetch = async (...args) => {
    sent++;
    return fetch(...args);
  };
  const result = await uploadImport('http://pbx.example.com/api', 'the-token', CLEAN_FILE, 'x.csv', { fetch: spy });
  assert.ok(!result.ok && result.kind === 'invalidEndpoint');
  assert.equal(result.attempts, 0);
  assert.equal(sent, 0);
});

test('a refused connection is a network failure after the retries', async () => {
  const closed = await serve(() => {});
  const server = servers[servers.length - 1];
  await new Promise((resolve) => server.close(resolve));
  const result = await uploadImport(closed, 'the-token', CLEAN_FILE, 'x.csv', { retries: 1, baseDelayMs: 5 });
  assert.ok(!result.ok && result.kind === 'network', JSON.stringify(result));
  assert.equal(result.attempts, 2);
  assert.match(result.message, /connection refused \(ECONNREFUSED\)/);
});
