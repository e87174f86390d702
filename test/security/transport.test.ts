/**
 * Where the token may travel: only over https (with a certificate that verifies), or plain http to this machine.
 * An endpoint that is not allowed is refused before any network I/O at all (no DNS lookup, no socket, no request),
 * by the upload, the tenant fetch and the CLI alike; and where the token is sent, it is only in the Authorization
 * header, never in the URL or the body.
 */
import * as assert from 'node:assert/strict';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { runImport } from '../../cli/src/importCommand';
import { checkEndpointUrl, fetchTenant, uploadImport } from '../../common/importClient';
import { CLEAN_FILE } from '../import/helpers/sandbox';
import { watchNetwork } from './helpers/faultProbes';
import { EMPTY_IMPORT_ANSWER, TENANT_ANSWER, closeAll, sendJson, startHostileServer } from './helpers/hostileServer';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from './helpers/selfSignedCert';

const TOKEN = 'sbx_transport_test_token';

after(closeAll);

/** Endpoints the token must never be sent to, each with the reason it is refused. */
const REFUSED: [string, RegExp][] = [
  ['http://pbx.example.com/api/v1/tenants/acme', /plain http:\/\/ to pbx\.example\.com/],
  ['http://10.0.0.7/api', /plain http:\/\//],
  ['http://192.168.1.10:7357/api', /plain http:\/\//],
  ['http://169.254.169.254/latest/meta-data', /plain http:\/\//],
  ['http://0.0.0.0:7357/api', /plain http:\/\//],
  ['http://[::ffff:127.0.0.1]/api', /plain http:\/\//],
  ['http://127.0.0.1.nip.io/api', /plain http:\/\//],
  ['http://localhost.pbx.example.com/api', /plain http:\/\//],
  ['ws://pbx.example.com/api', /must be an https:\/\/ URL, not ws:/],
  ['file:///etc/passwd', /must be an https:\/\/ URL, not file:/],
  ['javascript:alert(1)', /must be an https:\/\/ URL/],
  ['https://admin:hunter2@pbx.example.com/api', /must not hold a user name or password/],
  ['https://pbx.example.com/api?tenant=acme', /base URL/],
  ['', /not a valid URL/],
];

test('an endpoint that is not allowed is refused before any network I/O: upload, tenant and CLI', async () => {
  for (const [endpoint, reason] of REFUSED) {
    const network = watchNetwork();
    const upload = await uploadImport(endpoint, TOKEN, CLEAN_FILE, 'x.csv');
    const tenant = await fetchTenant(endpoint, TOKEN);
    let stderr = '';
    const code = await runImport(['clean.csv', '--endpoint', endpoint, '--yes'], {
      stdout: () => {},
      stderr: (text) => (stderr += text),
      cwd: '/nonexistent',
      env: { SUBSCRIBER_CSV_TOKEN: TOKEN },
    });
    assert.equal(network.stop(), 0, `${endpoint}: network I/O happened`);
    for (const result of [upload, tenant]) {
      assert.ok(!result.ok && result.kind === 'invalidEndpoint', `${endpoint}: ${JSON.stringify(result)}`);
      assert.equal(result.attempts, 0);
      assert.match(result.message, reason, endpoint);
    }
    assert.equal(code, 2, endpoint);
    assert.match(stderr, reason, endpoint);
    const said = [stderr, upload.ok ? '' : upload.message, tenant.ok ? '' : tenant.message];
    assert.ok(!said.join(' ').includes('hunter2'), 'a password in the URL is not echoed');
  }
});

test('plain http to this machine is allowed, and goes where it says', async () => {
  const host = await startHostileServer((_request, response) => sendJson(response, 200, EMPTY_IMPORT_ANSWER));
  for (const endpoint of [host.endpoint, host.endpoint.replace('127.0.0.1', 'localhost')]) {
    const result = await uploadImport(endpoint, TOKEN, CLEAN_FILE, 'x.csv', { retries: 0 });
    assert.ok(result.ok, `${endpoint}: ${JSON.stringify(result)}`);
  }
  assert.equal(host.requests.length, 2);
});

test('the token travels only in the Authorization header: not in the URL, another header or the body', async () => {
  const host = await startHostileServer((request, response) =>
    sendJson(response, 200, request.url?.endsWith('/tenant') ? TENANT_ANSWER : EMPTY_IMPORT_ANSWER),
  );
  assert.ok((await uploadImport(host.endpoint, TOKEN, CLEAN_FILE, 'x.csv')).ok);
  assert.ok((await fetchTenant(host.endpoint, TOKEN)).ok);
  assert.equal(host.requests.length, 2);
  for (const request of host.requests) {
    assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
    assert.ok(!request.path.includes(TOKEN), request.path);
    assert.ok(!request.body.includes(TOKEN), 'the body does not hold the token');
    const otherHeaders = Object.entries(request.headers).filter(([name]) => name !== 'authorization');
    assert.ok(!JSON.stringify(otherHeaders).includes(TOKEN), JSON.stringify(otherHeaders));
    assert.equal(request.headers.cookie, undefined);
  }
});

test('https with a certificate that does not verify: no request is made, the message says why', async () => {
  let requests = 0;
  const server = createHttpsServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, (_request, response) => {
    requests++;
    sendJson(response, 200, EMPTY_IMPORT_ANSWER);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/tenants/acme`;
    const result = await uploadImport(endpoint, TOKEN, CLEAN_FILE, 'x.csv', { retries: 0 });
    assert.ok(!result.ok && result.kind === 'network', JSON.stringify(result));
    assert.match(result.message, /its TLS certificate is self-signed \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    assert.equal(requests, 0, 'no HTTP request, so no Authorization header, crossed the failed handshake');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a token pasted into the endpoint setting by mistake is not repeated by the refusal', () => {
  const token = 'sbx_Zq8pasted0token';
  for (const endpoint of [
    token,
    `Bearer ${token}`,
    `https://${token}:x@pbx.example.com/api`,
    `https://pbx.example.com/api?token=${token}`,
    `https://pbx.example.com/api#${token}`,
  ]) {
    const checked = checkEndpointUrl(endpoint);
    assert.ok(!checked.ok, endpoint);
    assert.ok(!checked.message.includes(token), `${endpoint}: ${checked.message}`);
  }
});
