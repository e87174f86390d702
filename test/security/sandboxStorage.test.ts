/**
 * What the sandbox keeps and where it can be reached. Its files (the SQLite database and anything next to it) hold
 * no PIN and no token after imports of every outcome (rows created, rows refused, a PIN with letters, a conflict, a
 * file refused whole, a replay); a PIN is stored as a salted SHA-256, different for two rows with the same PIN; and
 * it listens on 127.0.0.1 only.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { uploadImport } from '../../common/importClient';
import { HEADER, startTestSandbox, type TestSandbox } from '../import/helpers/sandbox';
import { leakIn } from './helpers/faultProbes';

let test_: TestSandbox;
before(async () => {
  test_ = await startTestSandbox();
});
after(() => test_.dispose());

/** Each PIN appears in exactly one kind of import below. */
const PIN = {
  created: '461937',
  sameAsCreated: '461937',
  refusedRow: '550123',
  withLetters: '7788x9',
  conflict: '663301',
  rejectedFile: '902144',
};

/** Every byte of every file in a folder and below, as text (SQLite stores text as UTF-8). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'));
}

test('after imports of every outcome, the files of the sandbox hold no PIN and no token', async () => {
  const { endpoint, token, tokens } = test_.sandbox;
  const send = (rows: string[], key?: string) =>
    uploadImport(endpoint, token, [HEADER, ...rows, ''].join('\n'), 'x.csv', { idempotencyKey: key });
  const imported = await send(
    [
      `User,Ann,Lee,ann@example.com,2101,1,-1,,,${PIN.created},n`,
      `User,Ari,Lee,ari@example.com,2102,1,-1,,,${PIN.sameAsCreated},n`,
      `User,Bo,Tan,bo@example,2103,1,-1,,,${PIN.refusedRow},n`,
      `User,Cy,Ng,cy@example.com,2104,1,-1,,,${PIN.withLetters},n`,
      'User,Di,Oz,di@example.com,2105,1,-1,,,,y',
    ],
    'storage-test-key-1',
  );
  assert.ok(imported.ok && imported.created === 3 && imported.failed === 2, JSON.stringify(imported));
  const replayed = await send(
    [
      `User,Ann,Lee,ann@example.com,2101,1,-1,,,${PIN.created},n`,
      `User,Ari,Lee,ari@example.com,2102,1,-1,,,${PIN.sameAsCreated},n`,
      `User,Bo,Tan,bo@example,2103,1,-1,,,${PIN.refusedRow},n`,
      `User,Cy,Ng,cy@example.com,2104,1,-1,,,${PIN.withLetters},n`,
      'User,Di,Oz,di@example.com,2105,1,-1,,,,y',
    ],
    'storage-test-key-1',
  );
  assert.ok(replayed.ok && replayed.replayed);
  const conflict = await send([`User,Dana,Again,,110,1,-1,,,${PIN.conflict},n`]);
  assert.ok(!conflict.ok && conflict.kind === 'conflict');
  const rejected = await uploadImport(endpoint, token, `Type,Extention,PIN\nUser,2201,${PIN.rejectedFile}\n`, 'x.csv');
  assert.ok(!rejected.ok && rejected.kind === 'rejected');

  const ann = test_.sandbox.db.findByExtension('2101');
  const ari = test_.sandbox.db.findByExtension('2102');
  const di = test_.sandbox.db.findByExtension('2105');
  for (const stored of [ann, ari, di]) assert.match(stored?.pinHash ?? '', /^[0-9a-f]{16}:[0-9a-f]{64}$/);
  assert.notEqual(ann?.pinHash, ari?.pinHash, 'salted: the same PIN hashes differently');
  assert.equal(di?.pinSource, 'generated');

  const files = filesUnder(dirname(test_.dbPath));
  assert.ok(files.join('').includes('Ann'), 'the check reads the stored rows');
  const leak = leakIn(files, [...Object.values(PIN), ...Object.values(tokens), 'Bearer']);
  assert.equal(leak === undefined ? undefined : 'a file of the sandbox', undefined, 'holds a PIN or a token');
  assert.equal(leakIn(test_.logs, [...Object.values(PIN), ...Object.values(tokens)]), undefined);
});

test('the sandbox listens on 127.0.0.1 only', async (t) => {
  assert.match(test_.sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === 'IPv4');
  if (!external) {
    t.skip('this machine has no address but loopback');
    return;
  }
  const outcome = await new Promise<string>((resolve) => {
    const socket = connect({ host: external.address, port: test_.sandbox.port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
  assert.equal(outcome, 'ECONNREFUSED', `${external.address}:${test_.sandbox.port}`);
});
