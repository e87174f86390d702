/**
 * The sandbox on its own, spoken to with plain fetch: the contract's routes and answers, the token rules, the role,
 * the size cap, idempotency, and a database that survives a restart and never holds a PIN.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getLanguageService } from '@subscriber-csv/language-service';
import {
  CLEAN_FILE,
  FILE_WITH_TAKEN_EXTENSION,
  FILE_WITH_TELCO_COLUMNS,
  HEADER,
  PINS,
  findLeak,
  startTestSandbox,
  type TestSandbox,
} from './helpers/sandbox';

let test_: TestSandbox;
const service = getLanguageService();

before(async () => {
  test_ = await startTestSandbox();
});
after(() => test_.dispose());

function form(text: string | Uint8Array, field = 'file'): FormData {
  const body = new FormData();
  body.append(field, new Blob([text], { type: 'text/csv' }), 'users.csv');
  return body;
}

async function post(
  text: string | Uint8Array,
  /** null sends no Authorization header. */
  token: string | null = test_.sandbox.token,
  headers: Record<string, string> = {},
  endpoint = test_.sandbox.endpoint,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${endpoint}/import`, {
    method: 'POST',
    headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...headers },
    body: form(text),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

async function get(path: string, token?: string): Promise<Response> {
  return fetch(path, { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
}

test('GET /tenant answers the seeded tenant with the role of the token', async () => {
  const response = await get(`${test_.sandbox.endpoint}/tenant`, test_.sandbox.tokens.telcoAdmin);
  assert.equal(response.status, 200);
  const body = (await response.json()) as Record<string, unknown>;
  assert.deepEqual(body.tenant, { id: 'acme', name: 'Acme Corp' });
  assert.equal(body.role, 'telcoAdmin');
  assert.equal(body.pinNotification, 'display');
  assert.deepEqual(body.keyProfiles, [
    { id: '4', name: 'Reception' },
    { id: '5', name: 'Executive' },
  ]);
  assert.deepEqual(body.extensionsInUse, ['100', '110', '111']);
});

test('tokens: none, a wrong one or another scheme is 401; a read-only token reads but may not import (403)', async () => {
  const none = await post(CLEAN_FILE, null);
  assert.equal(none.status, 401);
  assert.equal(none.body.error, 'unauthorized');
  assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
  assert.equal((await post(CLEAN_FILE, `${test_.sandbox.token}x`)).status, 401);
  const basic = await fetch(`${test_.sandbox.endpoint}/tenant`, {
    headers: { Authorization: `Basic ${test_.sandbox.token}` },
  });
  assert.equal(basic.status, 401);
  const readOnly = test_.sandbox.tokens.readOnly;
  assert.equal((await get(`${test_.sandbox.endpoint}/tenant`, readOnly)).status, 200);
  const refused = await post(CLEAN_FILE, readOnly);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error, 'forbidden');
  assert.equal(test_.sandbox.db.countSubscribers(), 3);
});

test('the fault hooks need a token that may import', async () => {
  const url = `${test_.sandbox.url}/__sandbox/faults`;
  assert.equal((await fetch(url, { method: 'POST', body: '{"fail500":1}' })).status, 401);
  const readOnly = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${test_.sandbox.tokens.readOnly}` },
    body: '{"fail500":1}',
  });
  assert.equal(readOnly.status, 403);
  const wrong = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${test_.sandbox.token}` },
    body: '{"explode":1}',
  });
  assert.equal(wrong.status, 400);
  const set = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${test_.sandbox.token}` },
    body: '{"fail500":1,"on":"tenant"}',
  });
  assert.deepEqual(await set.json(), { faults: { fail500: 1, on: 'tenant' } });
  assert.equal((await get(`${test_.sandbox.endpoint}/tenant`, test_.sandbox.token)).status, 500);
  assert.equal((await get(`${test_.sandbox.endpoint}/tenant`, test_.sandbox.token)).status, 200);
});

test('an extension taken on the tenant or used twice in the file is a 409 and nothing is imported', async () => {
  const taken = await post(FILE_WITH_TAKEN_EXTENSION);
  assert.equal(taken.status, 409);
  assert.deepEqual(taken.body.rows, [
    {
      row: 2,
      line: 3,
      type: 'User',
      extension: '110',
      status: 'failed',
      column: 'Extension',
      reason: 'Extension 110 is already in use on this tenant, as its tenant data lists it.',
    },
  ]);
  const twice = await post([HEADER, 'User,A,One,,150,1,-1,,,,n', 'User,B,Two,,150,1,-1,,,,n', ''].join('\n'));
  assert.equal(twice.status, 409);
  assert.deepEqual(
    (twice.body.rows as { line: number }[]).map((row) => row.line),
    [2, 3],
  );
  assert.equal(test_.sandbox.db.countSubscribers(), 3);
  assert.equal(test_.sandbox.db.findByExtension('401'), undefined);
});

test('a file broken as a whole, a form without the file, and bytes that are not UTF-8 are 400', async () => {
  const broken = await post('FirstName,Email\nAnn,ann@example.com\n');
  assert.equal(broken.status, 400);
  assert.equal(broken.body.error, 'invalid_file');
  assert.deepEqual(
    (broken.body.problems as { code: string }[]).map((problem) => problem.code),
    ['missing-column', 'missing-column'],
  );
  const noFile = await fetch(`${test_.sandbox.endpoint}/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${test_.sandbox.token}` },
    body: form(CLEAN_FILE, 'attachment'),
  });
  assert.equal(noFile.status, 400);
  const latin1 = await post(new Uint8Array([...Buffer.from(`${HEADER}\nUser,Bruno,M`), 0xfc, 0x0a]));
  assert.equal(latin1.status, 400);
  assert.match(String(latin1.body.message), /UTF-8/);
});

// The severity policy: warnings and notes never fail a row. Every row here has only those (an extra column, a value
// in another letter case, a phone number the page calls a "phone number" written with punctuation, an unusual
// number, a nameless trailing column, trailing empty cells); the last row has an error and fails on its own.
test('rows with only warnings are imported; a row with an error fails alone', async () => {
  const text = [
    'Type,FirstName,LastName,Extension,IncomingDID,HomePhone,VM,Department,',
    'user,Gil,Warner,801,+1 617-555-0100,61755501,Y,Sales,',
    'Location,,Warning Lobby,802,(617) 555-0199,,n,,,,',
    'User,Hal,Shifted,803,,,y,Sales,Jr.,x',
    '',
  ].join('\n');
  const found = service.doValidation(service.parse(TextDocument.create('file:///w.csv', 'csv', 1, text)), {
    ...DEFAULT_SETTINGS,
    assumeSubscriberFile: true,
  });
  const severities = (line: number) =>
    found.filter((diagnostic) => diagnostic.range.start.line === line).map((diagnostic) => diagnostic.severity);
  assert.ok(severities(0).length > 0 && severities(1).length > 0 && severities(2).length > 0, 'the rows warn');
  for (const line of [0, 1, 2]) assert.ok(!severities(line).includes(DiagnosticSeverity.Error), `line ${line + 1}`);
  assert.ok(severities(3).includes(DiagnosticSeverity.Error), 'the last row has an error');

  const response = await post(text);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  assert.deepEqual(
    (response.body.rows as { row: number; status: string; extension: string }[]).map((row) => [
      row.row,
      row.status,
      row.extension,
    ]),
    [
      [1, 'created', '801'],
      [2, 'created', '802'],
      [3, 'failed', '803'],
    ],
  );
  assert.equal(test_.sandbox.db.findByExtension('801')?.lastName, 'Warner');
  assert.equal(test_.sandbox.db.findByExtension('802')?.type, 'Location');
  assert.equal(test_.sandbox.db.findByExtension('803'), undefined);
});

test('the upload size is capped (413) while it streams', async () => {
  const small = await startTestSandbox({ maxBytes: 600 });
  try {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `User,A,Name${i},,${700 + i},1,-1,,,,n`);
    const fits = [HEADER, ...rows(10), ''].join('\n');
    assert.ok(Buffer.byteLength(fits) <= 600);
    assert.equal((await post(fits, small.sandbox.token, {}, small.sandbox.endpoint)).status, 200);
    const tooLarge = await post([HEADER, ...rows(5000)].join('\n'), small.sandbox.token, {}, small.sandbox.endpoint);
    assert.equal(tooLarge.status, 413);
    assert.deepEqual(tooLarge.body.limitBytes, 600);
    assert.equal(small.sandbox.db.countSubscribers(), 3 + 10);
  } finally {
    await small.dispose();
  }
});

test('telco-only columns are dropped for a tenant admin and kept for a telco admin', async () => {
  const asTenantAdmin = await post(FILE_WITH_TELCO_COLUMNS);
  assert.equal(asTenantAdmin.status, 200);
  assert.deepEqual((asTenantAdmin.body.rows as { ignoredColumns?: string[] }[])[0].ignoredColumns, [
    'Dsite',
    'DsiteZone',
  ]);
  const dropped = test_.sandbox.db.findByExtension('501');
  assert.deepEqual(dropped?.settings, { CallProfile: '1', KeyProfile: '-1' });

  const asTelco = await post(FILE_WITH_TELCO_COLUMNS.replace(',501,', ',502,'), test_.sandbox.tokens.telcoAdmin);
  assert.equal(asTelco.status, 200);
  assert.equal((asTelco.body.rows as { ignoredColumns?: string[] }[])[0].ignoredColumns, undefined);
  const kept = test_.sandbox.db.findByExtension('502');
  assert.deepEqual(kept?.settings, { CallProfile: '1', KeyProfile: '-1', Dsite: 'y', DsiteZone: '2' });
});

test('Idempotency-Key: the same file is answered again without importing; another file is refused', async () => {
  const key = { 'Idempotency-Key': 'a7d5e2f0-0c43-4c57-8f5e-4d0c4b1c9a10' };
  const text = [HEADER, 'User,Noa,Fox,,601,1,-1,,,,n', ''].join('\n');
  const first = await post(text, test_.sandbox.token, key);
  assert.equal(first.status, 200);
  const countAfterFirst = test_.sandbox.db.countSubscribers();
  const again = await post(text, test_.sandbox.token, key);
  assert.equal(again.status, 200);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(again.body, first.body);
  assert.equal(test_.sandbox.db.countSubscribers(), countAfterFirst);
  const other = await post(text.replace('601', '602'), test_.sandbox.token, key);
  assert.equal(other.status, 409);
  assert.equal(other.body.error, 'idempotency_conflict');
  assert.equal(test_.sandbox.db.countSubscribers(), countAfterFirst);
  const badKey = await post(text, test_.sandbox.token, { 'Idempotency-Key': 'no spaces allowed' });
  assert.equal(badKey.status, 400);
});

test('unknown routes are 404 and wrong methods 405', async () => {
  assert.equal((await get(`${test_.sandbox.url}/api/v1/tenants/other/tenant`, test_.sandbox.token)).status, 404);
  assert.equal((await get(`${test_.sandbox.endpoint}/import`, test_.sandbox.token)).status, 405);
});

test('the database survives a restart, is not seeded twice, and never holds a PIN', async () => {
  const first = await startTestSandbox();
  const dbPath = first.dbPath;
  const response = await post(CLEAN_FILE, first.sandbox.token, {}, first.sandbox.endpoint);
  assert.equal(response.status, 200);
  await first.sandbox.close();

  const second = await startTestSandbox({ dbPath });
  try {
    assert.equal(second.sandbox.db.countSubscribers(), 3 + 3);
    assert.equal(second.sandbox.db.findByExtension('201')?.firstName, 'Ann');
    const tenant = await get(`${second.sandbox.endpoint}/tenant`, second.sandbox.token);
    const body = (await tenant.json()) as { extensionsInUse: string[]; callProfiles: unknown[] };
    assert.deepEqual(body.extensionsInUse, ['100', '110', '111', '201', '202', '203']);
    assert.equal(body.callProfiles.length, 3);
    assert.equal(readFileSync(dbPath).includes(PINS[0]), false, 'the PIN is not in the database file');
  } finally {
    await second.dispose();
    await first.dispose().catch(() => {});
  }
});

test('no log line holds a token or a PIN', () => {
  assert.ok(test_.logs.length > 10);
  assert.equal(findLeak(test_.logs, [...Object.values(test_.sandbox.tokens), ...PINS]), undefined);
});
