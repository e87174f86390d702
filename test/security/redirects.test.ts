/**
 * The token never follows a redirect to another origin. A second server on 127.0.0.1 (another port: another
 * origin) plays the host a hostile or misconfigured endpoint redirects to, and must see no request at all, so
 * certainly no Authorization header. Within the endpoint's own origin, a redirect is followed only where HTTP keeps
 * the method and body (307, 308, or any redirect of a GET), at most 5 times.
 */
import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, test } from 'node:test';
import { fetchTenant, uploadImport } from '../../common/importClient';
import { CLEAN_FILE } from '../import/helpers/sandbox';
import {
  EMPTY_IMPORT_ANSWER,
  TENANT_ANSWER,
  closeAll,
  sendJson,
  startHostileServer,
  type Recorded,
} from './helpers/hostileServer';

const TOKEN = 'sbx_redirect_test_token';
const STATUSES = [301, 302, 303, 307, 308] as const;

after(closeAll);

function redirect(response: ServerResponse, status: number, location: string): void {
  response.writeHead(status, { Location: location });
  response.end();
}

const operations = {
  import: (endpoint: string) => uploadImport(endpoint, TOKEN, CLEAN_FILE, 'x.csv', { retries: 2, baseDelayMs: 5 }),
  tenant: (endpoint: string) => fetchTenant(endpoint, TOKEN, { retries: 2, baseDelayMs: 5 }),
};

test('a redirect to another origin (301, 302, 303, 307, 308) is refused: that host gets no request', async () => {
  const other = await startHostileServer((_request, response) => sendJson(response, 200, EMPTY_IMPORT_ANSWER));
  for (const status of STATUSES) {
    for (const [name, run] of Object.entries(operations)) {
      const endpoint = await startHostileServer((request, response) =>
        redirect(response, status, `${other.origin}${request.url ?? '/'}`),
      );
      const result = await run(endpoint.endpoint);
      const label = `${name} ${status}`;
      assert.ok(!result.ok && result.kind === 'badResponse', `${label}: ${JSON.stringify(result)}`);
      assert.equal(result.status, status, label);
      assert.equal(result.attempts, 1, `${label}: a refused redirect is not retried`);
      assert.match(
        result.message,
        new RegExp(`a redirect to ${other.origin}; the token is never sent to another host`),
        label,
      );
      assert.equal(endpoint.requests.length, 1, label);
      assert.equal(endpoint.requests[0].headers.authorization, `Bearer ${TOKEN}`, label);
    }
  }
  assert.deepEqual(other.requests, [], 'the other origin received no request, so no Authorization header');
});

test('another origin on the same machine and port is another origin: localhost, another scheme', async () => {
  const seen: Recorded[] = [];
  const endpoint = await startHostileServer((request, response, recorded) => {
    seen.push(recorded);
    const targets = [
      `http://localhost:${endpoint.port}${request.url ?? ''}`,
      `https://127.0.0.1:${endpoint.port}${request.url ?? ''}`,
      `//127.0.0.2:${endpoint.port}/x`,
    ];
    redirect(response, 307, targets[(seen.length - 1) % targets.length]);
  });
  for (const expected of [
    `http://localhost:${endpoint.port}`,
    `https://127.0.0.1:${endpoint.port}`,
    `http://127.0.0.2:${endpoint.port}`,
  ]) {
    const before = seen.length;
    const result = await operations.import(endpoint.endpoint);
    assert.ok(!result.ok && result.kind === 'badResponse', JSON.stringify(result));
    assert.ok(result.message.includes(`a redirect to ${expected};`), result.message);
    assert.equal(seen.length, before + 1, `${expected}: only the first request was made`);
  }
});

test('a same-origin 307 or 308 of an upload is followed, with the same token, key and file', async () => {
  for (const status of [307, 308]) {
    const endpoint = await startHostileServer((request, response) => {
      if (request.url?.startsWith('/api/')) redirect(response, status, '/v2/acme/import');
      else sendJson(response, 200, EMPTY_IMPORT_ANSWER);
    });
    const result = await operations.import(endpoint.endpoint);
    assert.ok(result.ok, JSON.stringify(result));
    const [first, second] = endpoint.requests;
    assert.equal(endpoint.requests.length, 2);
    assert.equal(second.path, '/v2/acme/import');
    assert.equal(second.method, 'POST');
    assert.equal(second.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(second.headers['idempotency-key'], first.headers['idempotency-key']);
    assert.equal(second.headers['idempotency-key'], result.idempotencyKey);
    assert.ok(second.body.includes(Buffer.from(CLEAN_FILE)), 'the file was sent again, whole');
  }
});

test('a same-origin 301, 302 or 303 of an upload is not followed (it would turn the POST into a GET)', async () => {
  for (const status of [301, 302, 303]) {
    const endpoint = await startHostileServer((_request, response) => redirect(response, status, '/elsewhere'));
    const result = await operations.import(endpoint.endpoint);
    assert.ok(!result.ok && result.kind === 'badResponse', JSON.stringify(result));
    assert.equal(result.status, status);
    assert.match(result.message, /redirect/);
    assert.equal(endpoint.requests.length, 1);
  }
});

test('a same-origin redirect of the tenant GET is followed, whatever its status', async () => {
  for (const status of STATUSES) {
    const endpoint = await startHostileServer((request, response) => {
      if (request.url?.startsWith('/api/')) redirect(response, status, '/v2/acme/tenant');
      else sendJson(response, 200, TENANT_ANSWER);
    });
    const result = await operations.tenant(endpoint.endpoint);
    assert.ok(result.ok, `${status}: ${JSON.stringify(result)}`);
    assert.deepEqual(
      endpoint.requests.map((request) => [request.method, request.path, request.headers.authorization]),
      [
        ['GET', '/api/v1/tenants/acme/tenant', `Bearer ${TOKEN}`],
        ['GET', '/v2/acme/tenant', `Bearer ${TOKEN}`],
      ],
    );
  }
});

test('a redirect loop within the origin ends after 5 redirects, not never', async () => {
  const endpoint = await startHostileServer((request, response) =>
    redirect(response, 307, `/loop/${(request.url?.length ?? 0) % 7}`),
  );
  const started = performance.now();
  const result = await operations.import(endpoint.endpoint);
  assert.ok(!result.ok && result.kind === 'badResponse', JSON.stringify(result));
  assert.equal(endpoint.requests.length, 6, 'the request and 5 redirects');
  assert.ok(performance.now() - started < 1000);
});
