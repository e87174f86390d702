/**
 * Importing the same file twice never creates duplicates, users and locations alike. The endpoint recognises an
 * entry it already has (by Extension, with the same type and name; without an Extension, by type, name and email),
 * reports it `unchanged` when it holds the row's values and `updated` when it did not, and still refuses (409) a
 * row that would take another entry's extension.
 */
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { uploadImport } from '../../common/importClient';
import { HEADER, startTestSandbox, type TestSandbox } from './helpers/sandbox';

let test_: TestSandbox;
before(async () => {
  test_ = await startTestSandbox();
});
after(() => test_.dispose());

const FILE = [
  HEADER,
  'User,Ann,Lee,ann.lee@example.com,701,1,-1,,,482913,n',
  'User,Bo,Tan,bo@example.com,702,2,4,,,,y',
  'Location,,Lobby,,,3,-1,,,,n',
  'Location,,Board Room,,,,,,,,n',
  'User,Cy,Ng,cy@example.com,,1,-1,,,,n',
  '',
].join('\n');

async function upload(text: string) {
  const result = await uploadImport(test_.sandbox.endpoint, test_.sandbox.token, text, 'team.subscribers.csv');
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

test('the same file imported twice: the second import changes nothing and creates nothing', async () => {
  const before = test_.sandbox.db.countSubscribers();
  const first = await upload(FILE);
  assert.deepEqual([first.created, first.updated, first.unchanged, first.failed], [5, 0, 0, 0]);
  const generatedPin = test_.sandbox.db.findByExtension('702')?.pinHash;

  const second = await upload(FILE);
  assert.deepEqual([second.created, second.updated, second.unchanged, second.failed], [0, 0, 5, 0]);
  assert.deepEqual(
    second.rows.map((row) => row.status),
    ['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged'],
  );
  assert.equal(test_.sandbox.db.countSubscribers(), before + 5, 'no duplicates, locations included');
  assert.equal(test_.sandbox.db.findByExtension('702')?.pinHash, generatedPin, 'a generated PIN is not made up again');
});

test('a changed row updates its entry; the others are unchanged', async () => {
  const before = test_.sandbox.db.countSubscribers();
  const changed = FILE.replace('User,Ann,Lee,ann.lee@example.com,701,1,', 'User,Ann,Lee,ann.lee@example.com,701,3,')
    .replace('Location,,Lobby,,,3,', 'Location,,Lobby,,,2,')
    .replace(',482913,', ',559911,');
  const result = await upload(changed);
  assert.deepEqual([result.created, result.updated, result.unchanged, result.failed], [0, 2, 3, 0]);
  assert.deepEqual(
    result.rows.map((row) => `${row.line}:${row.status}`),
    ['2:updated', '3:unchanged', '4:updated', '5:unchanged', '6:unchanged'],
  );
  assert.equal(test_.sandbox.db.countSubscribers(), before);
  assert.equal(test_.sandbox.db.findByExtension('701')?.settings.CallProfile, '3');
});

test("a row taking another entry's extension is still a conflict (409), and nothing is imported", async () => {
  const before = test_.sandbox.db.countSubscribers();
  const result = await uploadImport(
    test_.sandbox.endpoint,
    test_.sandbox.token,
    [HEADER, 'User,Zed,Other,zed@example.com,701,1,-1,,,,n', 'Location,,Annex,,,1,-1,,,,n', ''].join('\n'),
    'x.csv',
  );
  assert.ok(!result.ok && result.kind === 'conflict', JSON.stringify(result));
  assert.deepEqual(
    result.rows.map((row) => [row.line, row.reason]),
    [[2, 'Extension 701 is already in use on this tenant, as its tenant data lists it.']],
  );
  assert.equal(test_.sandbox.db.countSubscribers(), before);
});
