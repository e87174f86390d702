/**
 * The upload core's pure policies: which endpoint URLs the token may go to, how long to wait before a retry, and
 * what is scrubbed from messages.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay, parseRetryAfter } from '../../common/importClient/backoff';
import { checkEndpointUrl, scrub } from '../../common/importClient';
import { routeUrl } from '../../common/importClient/endpointUrl';
import { secretValuesOf } from './helpers/sandbox';

test('https endpoints are allowed, http only to loopback', () => {
  const allowed = [
    'https://pbx.example.com/api/v1/tenants/acme',
    'http://127.0.0.1:7357/api/v1/tenants/acme',
    'http://127.8.9.10/x',
    'http://127.1/x',
    'http://localhost:7357/x',
    'http://LOCALHOST/x',
    'http://[::1]:7357/x',
  ];
  for (const url of allowed) assert.equal(checkEndpointUrl(url).ok, true, url);

  const refused: [string, RegExp][] = [
    ['http://pbx.example.com/api', /plain http:\/\/ to pbx\.example\.com.*unencrypted.*Use https/],
    ['http://128.0.0.1/api', /plain http/],
    ['http://localhost.evil.example/api', /plain http/],
    ['http://[::2]/api', /plain http/],
    ['ftp://pbx.example.com/api', /must be an https:\/\/ URL, not ftp:/],
    ['file:///etc/passwd', /must be an https:\/\/ URL/],
    ['https://user:secret@pbx.example.com/api', /must not hold a user name or password/],
    ['https://pbx.example.com/api?tenant=acme', /base URL/],
    ['pbx.example.com/api', /not a valid URL/],
  ];
  for (const [url, message] of refused) {
    const checked = checkEndpointUrl(url);
    assert.ok(!checked.ok, url);
    assert.match(checked.message, message, url);
    assert.ok(!checked.message.includes('secret'), 'a password in the URL is not repeated');
  }
});

test('routes are resolved under the endpoint, with or without a trailing slash', () => {
  assert.equal(routeUrl('https://h.example/api/t/acme', 'import').href, 'https://h.example/api/t/acme/import');
  assert.equal(routeUrl('https://h.example/api/t/acme/', 'tenant').href, 'https://h.example/api/t/acme/tenant');
});

test('backoff grows exponentially, capped, with up to half taken off at random', () => {
  assert.deepEqual(
    [2, 3, 4, 5].map((attempt) => backoffDelay(attempt, 500, 30_000, () => 1)),
    [500, 1000, 2000, 4000],
  );
  assert.deepEqual(
    [2, 3, 4].map((attempt) => backoffDelay(attempt, 500, 30_000, () => 0)),
    [250, 500, 1000],
  );
  assert.equal(
    backoffDelay(20, 500, 8000, () => 1),
    8000,
  );
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  assert.equal(parseRetryAfter('3'), 3000);
  assert.equal(parseRetryAfter(null), undefined);
  assert.equal(parseRetryAfter('soon'), undefined);
  const now = Date.parse('2025-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now), 10_000);
  assert.equal(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now), 0);
});

test('the PIN column is found whatever its case and position', () => {
  const text = 'Type,LastName,pin\nUser,Lee,4821\nUser,Ng,\nUser,Oz,"9 9"\nUser,Ek,4821\n';
  assert.deepEqual(secretValuesOf(text), ['4821', '9 9']);
  assert.deepEqual(secretValuesOf('Type,LastName\nUser,Lee\n'), []);
});

test('scrub replaces the token and PINs, but not digits that merely contain a PIN', () => {
  const secrets = { token: 'sbx_secret', pins: ['4821', '12'] };
  assert.equal(
    scrub('Bearer sbx_secret failed for PIN 4821 on line 12 and 112', secrets),
    'Bearer [token] failed for PIN [PIN] on line [PIN] and 112',
  );
  assert.equal(scrub('PIN "48211" is long', secrets), 'PIN "48211" is long');
});
