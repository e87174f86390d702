/**
 * `subscriber-csv import` asks before it imports, as the editor does: it prints the warnings and what the
 * endpoint's preview says the import would do, then asks on the terminal. `--yes` imports without asking (CI);
 * without a terminal and without `--yes` it refuses at once, before reading or sending anything. In-process with
 * a scripted terminal, and as a real process whose stdin is a pipe (no TTY).
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { runImport, type ImportIo } from '../../cli/src/importCommand';
import { HEADER, PINS, findLeak, startTestSandbox, type TestSandbox } from './helpers/sandbox';

const CLI_BUNDLE = resolve(__dirname, '../../dist/cli.js');

let test_: TestSandbox;
let dir: string;
const printed: string[] = [];

before(async () => {
  test_ = await startTestSandbox();
  dir = mkdtempSync(join(tmpdir(), 'subscriber-import-confirm-'));
  const file = (name: string, ...rows: string[]) => writeFileSync(join(dir, name), [HEADER, ...rows, ''].join('\n'));
  file(
    'asked.csv',
    `User,Ann,Lee,ann@example.com,241,1,-1,,,${PINS[0]},n`,
    'User,Bo,Tan,bo@example.com,242,99,-1,,,,n',
  );
  file('declined.csv', 'User,Cy,Ng,cy@example.com,243,1,-1,,,,n');
  file('taken.csv', 'User,Dee,Ray,dee@example.com,110,1,-1,,,,n');
  file('ci.csv', 'User,Eve,Ho,eve@example.com,244,1,-1,,,,n');
  file('process.csv', 'User,Flo,Ito,flo@example.com,245,1,-1,,,,n');
});
after(async () => {
  await test_.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the command with a terminal that answers `answers` in turn, and records the requests and questions. */
async function cli(args: string[], terminal: { interactive: boolean; answers?: string[]; staleTenant?: boolean }) {
  let stdout = '';
  let stderr = '';
  const questions: string[] = [];
  const requests: string[] = [];
  const answers = [...(terminal.answers ?? [])];
  const io: ImportIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: dir,
    env: { SUBSCRIBER_CSV_TOKEN: test_.sandbox.token },
    interactive: terminal.interactive,
    ask: async (question) => {
      questions.push(question);
      return answers.shift() ?? '';
    },
    fetch: async (input, init) => {
      const route = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname.replace(/^.*\/acme/, '')}`;
      requests.push(route);
      const response = await fetch(input, init);
      if (!terminal.staleTenant || route !== 'GET /tenant') return response;
      // Tenant data fetched before call profile 99 was removed: the file looks clean here, not to the endpoint.
      const tenant = (await response.json()) as { callProfiles: { id: string; name: string }[] };
      tenant.callProfiles.push({ id: '99', name: 'Retired' });
      return Response.json(tenant);
    },
  };
  const code = await runImport([...args, '--endpoint', test_.sandbox.endpoint], io);
  printed.push(stdout, stderr, ...questions);
  return { code, stdout, stderr, questions, requests };
}

test('without a terminal and without --yes nothing is read or sent: exit 2 and what to pass', async () => {
  const run = await cli(['ci.csv'], { interactive: false });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /not importing: the import asks before it imports, and there is no terminal to ask on/);
  assert.match(run.stderr, /Pass --yes to import without asking \(as in CI\), or --dry-run/);
  assert.deepEqual(run.requests, []);
  assert.equal(test_.sandbox.db.findByExtension('244'), undefined);
});

test('--yes imports without asking, with or without a terminal', async () => {
  const run = await cli(['ci.csv', '--yes'], { interactive: true, answers: ['n'] });
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(run.questions, []);
  assert.deepEqual(run.requests, ['GET /tenant', 'POST /import']);
  assert.ok(test_.sandbox.db.findByExtension('244'));
});

test('on a terminal: the preview figures and the rows that would fail, then the question; y imports', async () => {
  const run = await cli(['asked.csv'], { interactive: true, answers: ['y'], staleTenant: true });
  assert.equal(run.code, 1, 'a row failed');
  assert.deepEqual(run.requests, ['GET /tenant', 'POST /import/preview', 'POST /import']);
  const host = new URL(test_.sandbox.endpoint).host;
  assert.deepEqual(run.questions, [`Import 2 users and 0 locations from asked.csv to ${host}? [y/N] `]);
  const refusal =
    "asked.csv:3:32: error import-failed CallProfile: This tenant's data lists no call permission group with ID 99. " +
    'Known: 1 (Local only), 2 (National), 3 (International).';
  assert.deepEqual(run.stdout.trimEnd().split('\n'), [
    refusal,
    'Preview: 1 to be created, 0 to be updated, 0 unchanged, 1 to fail.',
    refusal,
    `Imported asked.csv to ${host}: 1 created, 0 updated, 1 failed.`,
  ]);
  assert.ok(test_.sandbox.db.findByExtension('241'));
});

test('an answer other than y declines: nothing is imported, exit 1', async () => {
  const run = await cli(['declined.csv'], { interactive: true, answers: ['no'] });
  assert.equal(run.code, 1);
  assert.equal(run.questions.length, 1);
  assert.deepEqual(run.requests, ['GET /tenant', 'POST /import/preview']);
  assert.match(
    run.stdout,
    /^Preview: 1 to be created, 0 to be updated, 0 unchanged, 0 to fail\.\nImport declined: nothing was sent\.\n$/,
  );
  assert.equal(test_.sandbox.db.findByExtension('243'), undefined);
});

test('when the preview says the import would be refused, it is not asked and not sent', async () => {
  // Extension 110 is held by a seeded user: the tenant data says so, so the local check refuses it first.
  const run = await cli(['taken.csv'], { interactive: true, answers: ['y'] });
  assert.equal(run.code, 1);
  assert.deepEqual(run.questions, []);
  assert.ok(!run.requests.includes('POST /import'));
});

test('as a real process with a pipe for stdin: refused without --yes, imported with it', async () => {
  const env = { ...process.env, SUBSCRIBER_CSV_TOKEN: test_.sandbox.token };
  const command = (...extra: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const child = execFile(
        process.execPath,
        [CLI_BUNDLE, 'import', 'process.csv', '--endpoint', test_.sandbox.endpoint, ...extra],
        { cwd: dir, env, timeout: 60_000 },
        (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
      child.stdin?.end();
    });
  const refused = await command();
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /there is no terminal to ask on/);
  assert.equal(test_.sandbox.db.findByExtension('245'), undefined);
  const imported = await command('--yes');
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /^Imported process\.csv to 127\.0\.0\.1:\d+: 1 created, 0 updated, 0 failed\.\n$/);
  printed.push(refused.stdout, refused.stderr, imported.stdout, imported.stderr);
});

test('nothing printed or asked holds the token or a PIN', () => {
  assert.equal(findLeak(printed, [...Object.values(test_.sandbox.tokens), ...PINS]), undefined);
});
