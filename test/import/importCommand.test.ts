/**
 * `subscriber-csv import` (runImport) against the sandbox in-process: the exit codes, the lines it prints as `check`
 * prints them (`file:line:column: severity code message`, a refused row on its cell), a file with errors never
 * sent, and no token or PIN in anything it prints. Runs here pass --yes; asking is tested in importConfirm.test.ts.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runImport, type ImportIo } from '../../cli/src/importCommand';
import { uploadImport } from '../../common/importClient';
import { CLEAN_FILE, HEADER, PINS, findLeak, startTestSandbox, type TestSandbox } from './helpers/sandbox';

let test_: TestSandbox;
let dir: string;
const printed: string[] = [];

before(async () => {
  test_ = await startTestSandbox();
  dir = mkdtempSync(join(tmpdir(), 'subscriber-import-cli-'));
  writeFileSync(join(dir, 'clean.csv'), CLEAN_FILE);
  writeFileSync(join(dir, 'errors.csv'), [HEADER, `User,Ann,,ann@example,210,1,-1,,,${PINS[1]}x,n`, ''].join('\n'));
  writeFileSync(join(dir, 'later.csv'), [HEADER, 'User,Kim,Cho,,220,1,-1,,,,n', ''].join('\n'));
  // A language the page does not list is a warning: the file may be imported, and the warning is printed first.
  writeFileSync(
    join(dir, 'warned.csv'),
    ['Type,FirstName,LastName,Extension,Language', 'User,Lou,Park,230,fr', ''].join('\n'),
  );
});
after(async () => {
  await test_.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(
  args: string[],
  overrides: Partial<ImportIo> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runImport(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: dir,
    env: { SUBSCRIBER_CSV_TOKEN: test_.sandbox.token },
    ...overrides,
  });
  printed.push(stdout, stderr);
  return { code, stdout, stderr };
}

test('a clean file is imported: exit 0 and a summary', async () => {
  const run = await cli(['clean.csv', '--endpoint', test_.sandbox.endpoint, '--yes']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Imported clean\.csv to 127\.0\.0\.1:\d+: 3 created, 0 updated, 0 failed\.\n$/);
  assert.ok(test_.sandbox.db.findByExtension('203'));
});

test('a file with errors is refused before anything is sent: exit 1, one line per error', async () => {
  const imports = test_.sandbox.db.countImports();
  const run = await cli(['errors.csv', '--endpoint', test_.sandbox.endpoint, '--yes']);
  assert.equal(run.code, 1);
  assert.deepEqual(run.stdout.trimEnd().split('\n'), [
    'errors.csv:2:10: error required-value LastName is mandatory; this row has none.',
    'errors.csv:2:11: error invalid-email "ann@example" is not a valid email address (expected name@example.com).',
    'errors.csv:2:34: error not-digits PIN takes digits only; this value has other characters.',
    'Import refused: errors.csv has 3 errors; nothing was sent. Fix them (see "subscriber-csv check") and import again.',
  ]);
  assert.equal(test_.sandbox.db.countImports(), imports, 'no upload reached the endpoint');
});

test('warnings are printed before the upload, as check prints them', async () => {
  const run = await cli(['warned.csv', '--endpoint', test_.sandbox.endpoint, '--yes']);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2, run.stdout);
  assert.match(lines[0], /^warned\.csv:2:19: warning \S+ .*"fr"/);
  assert.match(lines[1], /^Imported warned\.csv to 127\.0\.0\.1:\d+: 1 created, 0 updated, 0 failed\.$/);
});

test('rows the endpoint refuses are printed on their cell, naming the column once, exit 1', async () => {
  // Another import takes extension 220 between the CLI's check and its upload.
  const racing: typeof fetch = async (input, init) => {
    if (init?.method === 'POST') {
      const text = [HEADER, 'User,Eve,Race,,220,1,-1,,,,n', ''].join('\n');
      await uploadImport(test_.sandbox.endpoint, test_.sandbox.tokens.telcoAdmin, text, 'race.csv');
    }
    return fetch(input, init);
  };
  const run = await cli(['later.csv', '--endpoint', test_.sandbox.endpoint, '--yes'], { fetch: racing });
  assert.equal(run.code, 1);
  assert.equal(
    run.stdout,
    'later.csv:2:15: error import-conflict Extension 220 is already in use on this tenant, as its tenant data lists it.\n',
  );
  assert.match(run.stderr, /Nothing was imported \(409\)/);
});

test('usage, token and endpoint problems exit 2', async () => {
  const endpoint = test_.sandbox.endpoint;
  const cases: [string[], Partial<ImportIo>, RegExp][] = [
    [['clean.csv'], {}, /--endpoint URL is required/],
    [[], {}, /exactly one FILE/],
    [['clean.csv', '--endpoint', endpoint, '--yes'], { env: {} }, /SUBSCRIBER_CSV_TOKEN/],
    [['clean.csv', '--endpoint', 'http://pbx.example.com/api'], {}, /plain http:\/\//],
    [['missing.csv', '--endpoint', endpoint, '--yes'], {}, /cannot read missing\.csv: no such file/],
    [['clean.csv', '--endpoint', endpoint, '--retries', 'many'], {}, /--retries/],
    [['clean.csv', '--endpoint', endpoint, '--format', 'json'], {}, /--format applies to --dry-run only/],
    [['clean.csv', '--endpoint', endpoint, '--dry-run', '--format', 'xml'], {}, /--format must be one of/],
    [
      ['clean.csv', '--endpoint', endpoint, '--yes'],
      { env: { SUBSCRIBER_CSV_TOKEN: 'wrong' } },
      /refused the API token \(401\)/,
    ],
  ];
  for (const [args, io, message] of cases) {
    const run = await cli(args, io);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
  }
});

test('an endpoint that does not answer in time is a network-class failure: exit 2', async () => {
  test_.sandbox.setFaults({ hang: 10 });
  try {
    const run = await cli([
      'clean.csv',
      '--endpoint',
      test_.sandbox.endpoint,
      '--yes',
      '--timeout',
      '1',
      '--retries',
      '0',
    ]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /did not answer within 1 s/);
  } finally {
    test_.sandbox.clearFaults();
  }
});

test('--help prints the usage', async () => {
  const run = await cli(['--help']);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^Usage: subscriber-csv import FILE --endpoint URL/);
});

test('nothing printed holds the token or a PIN', () => {
  assert.equal(findLeak(printed, [...Object.values(test_.sandbox.tokens), ...PINS]), undefined);
});
