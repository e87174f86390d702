/**
 * "Too large" is recognised as such. The endpoint says its limit in the tenant answer and the client refuses a
 * larger file before sending any of it; a file of exactly the limit is accepted by both; and an endpoint that
 * refuses a large upload part-way (413 before the body has arrived) is read as "too large", once, not as a broken
 * connection retried four times.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fetchTenant, uploadImport } from '../../common/importClient';
import { HEADER, startTestSandbox } from './helpers/sandbox';
import { fixedTokens, startSandboxProcess } from './helpers/sandboxProcess';

const scratch = mkdtempSync(join(tmpdir(), 'subscriber-limits-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function fileOf(rows: number, base: number): string {
  return [HEADER, ...Array.from({ length: rows }, (_, i) => `User,Ada,Row${i},,${base + i},1,-1,,,,n`), ''].join('\n');
}

/** A fetch that counts the uploads it sends. */
function countingFetch(): { fetch: typeof fetch; uploads: () => number } {
  let uploads = 0;
  return {
    fetch: (input, init) => {
      if (init?.method === 'POST') uploads++;
      return fetch(input, init);
    },
    uploads: () => uploads,
  };
}

async function postRaw(endpoint: string, token: string, text: string): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'x.csv');
  const response = await fetch(`${endpoint}/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  await response.arrayBuffer();
  return response.status;
}

test('the tenant answer says how large a file the endpoint imports', async (t) => {
  const sandbox = await startTestSandbox({ maxBytes: 600 });
  t.after(() => sandbox.dispose());
  const response = await fetch(`${sandbox.sandbox.endpoint}/tenant`, {
    headers: { Authorization: `Bearer ${sandbox.sandbox.token}` },
  });
  assert.deepEqual(((await response.json()) as { limits: unknown }).limits, { importBytes: 600 });
  const tenant = await fetchTenant(sandbox.sandbox.endpoint, sandbox.sandbox.token);
  assert.ok(tenant.ok && tenant.importLimitBytes === 600, JSON.stringify(tenant));
});

test('a file larger than the limit of the tenant answer is refused before anything is sent', async (t) => {
  const sandbox = await startTestSandbox({ maxBytes: 1000 });
  t.after(() => sandbox.dispose());
  const { endpoint, token } = sandbox.sandbox;
  assert.ok((await fetchTenant(endpoint, token)).ok);
  const counting = countingFetch();
  const text = fileOf(60, 800);
  const result = await uploadImport(endpoint, token, text, 'x.csv', { fetch: counting.fetch });
  assert.ok(!result.ok && result.kind === 'tooLarge', JSON.stringify(result));
  assert.equal(counting.uploads(), 0, 'nothing was sent');
  assert.equal(result.attempts, 0);
  assert.equal(result.limitBytes, 1000);
  assert.equal(result.fileBytes, Buffer.byteLength(text));
  assert.match(
    result.message,
    /^The file \(2 KiB\) is larger than 127\.0\.0\.1:\d+ accepts \(1000 bytes, .*Nothing was sent/,
  );
  assert.equal(sandbox.sandbox.db.countSubscribers(), 3);
});

test('a file of exactly the limit is accepted, by the endpoint and by the client; one byte more is not', async (t) => {
  const text = fileOf(10, 900);
  const limit = Buffer.byteLength(text);
  const sandbox = await startTestSandbox({ maxBytes: limit });
  t.after(() => sandbox.dispose());
  const { endpoint, token } = sandbox.sandbox;
  // The endpoint alone, through a plain upload.
  assert.equal(await postRaw(endpoint, token, text), 200);
  assert.equal(await postRaw(endpoint, token, `${text}\n`), 413);
  // The client, which has read the limit.
  assert.ok((await fetchTenant(endpoint, token)).ok);
  const again = await uploadImport(endpoint, token, text.replaceAll(',90', ',91'), 'x.csv');
  assert.ok(again.ok && again.created === 10, JSON.stringify(again));
  const larger = await uploadImport(endpoint, token, `${text}\n`, 'x.csv');
  assert.ok(!larger.ok && larger.kind === 'tooLarge' && larger.attempts === 0, JSON.stringify(larger));
});

test('a large upload refused part-way by a sandbox in its own process is "too large", sent once', async (t) => {
  const sandbox = await startSandboxProcess({ dbPath: join(scratch, 'early413.sqlite'), tokens: fixedTokens() });
  t.after(() => sandbox.stop());
  // 5 MB against the default limit of 1 MiB: the sandbox answers 413 long before the body has arrived.
  const text = fileOf(140_000, 100_000);
  assert.ok(Buffer.byteLength(text) > 5_000_000);
  const counting = countingFetch();
  const result = await uploadImport(sandbox.endpoint, sandbox.token, text, 'x.csv', {
    fetch: counting.fetch,
    retries: 3,
    baseDelayMs: 5,
  });
  assert.ok(!result.ok && result.kind === 'tooLarge', JSON.stringify(result).slice(0, 300));
  assert.equal(result.limitBytes, 1024 * 1024);
  assert.equal(counting.uploads(), 1, 'not retried');
  // And the connection is still good for the next request.
  const tenant = await fetchTenant(sandbox.endpoint, sandbox.token);
  assert.ok(tenant.ok);
});
