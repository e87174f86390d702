/**
 * The CLI takes the token from SUBSCRIBER_CSV_TOKEN only (never an option: command lines end up in shell history
 * and process lists) and never prints it: not in help, not in a usage error (even when the token itself was typed
 * where a path or a URL goes), not for any failure of the endpoint, not on success. In-process through `run` for
 * every case, and as a real process (cli/src/main.ts) for help and errors.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { FaultPlan } from '../../sandbox/src/faults';
import { run } from '../../cli/src/run';
import { HEADER, PINS, startTestSandbox, type TestSandbox } from '../import/helpers/sandbox';
import { leakIn } from './helpers/faultProbes';
import { closeAll, startHostileServer } from './helpers/hostileServer';

let test_: TestSandbox;
let dir: string;
let token: string;
const printed: string[] = [];

before(async () => {
  test_ = await startTestSandbox({ maxBytes: 2048 });
  token = test_.sandbox.token;
  dir = mkdtempSync(join(tmpdir(), 'subscriber-cli-token-'));
  let extension = 8000;
  for (const name of ['clean', 'a', 'b', 'c', 'd', 'e', 'f', 'g']) {
    const rows = [
      `User,Ann,Lee,,${extension++},1,-1,,,${PINS[0]},n`,
      `User,Bo,Tan,,${extension++},1,-1,,,${PINS[1]},n`,
    ];
    writeFileSync(join(dir, `${name}.csv`), [HEADER, ...rows, ''].join('\n'));
  }
  writeFileSync(join(dir, 'taken.csv'), [HEADER, `User,Dana,Again,,110,1,-1,,,${PINS[0]},n`, ''].join('\n'));
  const big = Array.from({ length: 100 }, (_, i) => `User,A,Name${i},,${8500 + i},1,-1,,,${PINS[1]},n`);
  writeFileSync(join(dir, 'big.csv'), [HEADER, ...big, ''].join('\n'));
});
after(async () => {
  await test_.dispose();
  await closeAll();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = { SUBSCRIBER_CSV_TOKEN: token }) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: dir,
    env,
  });
  printed.push(stdout, stderr);
  return { code, stdout, stderr };
}

test('help and usage errors never print the token, even where the token was typed by mistake', async () => {
  const endpoint = test_.sandbox.endpoint;
  const cases: [string[], number][] = [
    [['--help'], 0],
    [['import', '--help'], 0],
    [['import'], 2],
    [['import', 'clean.csv'], 2],
    [['import', token, '--endpoint', endpoint, '--yes'], 2],
    [['import', `${token}.csv`, '--endpoint', endpoint, '--yes'], 2],
    [['import', 'clean.csv', '--endpoint', token], 2],
    [['import', 'clean.csv', '--endpoint', `http://${token}.example.com/api`], 2],
    [['import', 'clean.csv', '--endpoint', `${endpoint}?token=${token}`], 2],
    [['import', 'clean.csv', '--endpoint', endpoint, '--timeout', token], 2],
    [['import', 'clean.csv', 'clean.csv', '--endpoint', endpoint], 2],
  ];
  for (const [args, expected] of cases) {
    const { code, stdout, stderr } = await cli(args);
    assert.equal(code, expected, `${args.join(' ')}: ${stderr}`);
    assert.equal(leakIn([stdout, stderr], [token]), undefined, `${args.join(' ')} printed the token`);
  }
});

test('check and the command line itself never repeat a token typed as an argument, in the environment or not', async () => {
  const cases: string[][] = [
    [token],
    ['check', token],
    ['check', 'clean.csv', token],
    ['check', '--format', token, 'clean.csv'],
    ['check', `--format=${token}`, 'clean.csv'],
    ['check', '--role', token, 'clean.csv'],
    ['check', '--pin-notification', token, 'clean.csv'],
    ['check', '--tenant', token, 'clean.csv'],
    ['check', `--${token}`, 'clean.csv'],
  ];
  const environments: Record<string, string>[] = [{ SUBSCRIBER_CSV_TOKEN: token }, {}];
  for (const env of environments) {
    for (const args of cases) {
      const { code, stdout, stderr } = await cli(args, env);
      const what = `${args.join(' ')} (token ${'SUBSCRIBER_CSV_TOKEN' in env ? 'in' : 'not in'} the environment)`;
      assert.equal(code, 2, `${what}: ${stderr}`);
      assert.match(stderr, /^subscriber-csv: \S/, `${what} says what is wrong`);
      assert.equal(leakIn([stdout, stderr], [token]), undefined, `${what} printed the token`);
    }
  }
  // A file name is still named; one that only ends like one is scrubbed when the token is in the environment.
  assert.match((await cli(['check', 'missing.csv'], {})).stderr, /cannot read missing\.csv: no such file/);
  const named = await cli(['check', `${token}.csv`]);
  assert.equal(leakIn([named.stdout, named.stderr], [token]), undefined);
});

test('the token is not an option: --token is refused without repeating its value', async () => {
  for (const args of [
    ['import', 'clean.csv', '--endpoint', test_.sandbox.endpoint, '--token', token],
    ['import', 'clean.csv', '--endpoint', test_.sandbox.endpoint, `--token=${token}`],
  ]) {
    const { code, stdout, stderr } = await cli(args, {});
    assert.equal(code, 2);
    assert.match(stderr, /Unknown option '--token'/);
    assert.equal(leakIn([stdout, stderr], [token]), undefined);
  }
  assert.equal(test_.sandbox.db.countImports(), 0, 'nothing was sent with a token from the command line');
});

test('no failure of the endpoint and no success prints the token or a PIN', async () => {
  const endpoint = test_.sandbox.endpoint;
  printed.length = 0;
  const echo = await startHostileServer((request, response, recorded) => {
    if (request.url?.endsWith('/tenant')) {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ tenant: { id: 'a', name: 'A' }, pinNotification: 'none', role: 'tenantAdmin' }));
      return;
    }
    const said = `${recorded.headers.authorization} ${recorded.body.toString('utf8')}`;
    response.writeHead(409, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        error: said,
        message: said,
        rows: [{ row: 1, line: 2, status: 'failed', column: said, reason: said }],
      }),
    );
  });
  const cases: {
    file: string;
    expected: number;
    faults?: FaultPlan;
    env?: Record<string, string>;
    at?: string;
    args?: string[];
  }[] = [
    { file: 'clean.csv', expected: 0 },
    { file: 'a.csv', expected: 2, env: { SUBSCRIBER_CSV_TOKEN: `${token}x` } },
    { file: 'a.csv', expected: 2, env: { SUBSCRIBER_CSV_TOKEN: test_.sandbox.tokens.readOnly } },
    { file: 'b.csv', expected: 2, faults: { fail500: 10, on: 'import' }, args: ['--retries', '0'] },
    { file: 'c.csv', expected: 2, faults: { drop: 10, on: 'import' }, args: ['--retries', '0'] },
    { file: 'd.csv', expected: 2, faults: { hang: 10, on: 'import' }, args: ['--retries', '0', '--timeout', '1'] },
    { file: 'e.csv', expected: 2, faults: { rateLimit: 10, retryAfterSeconds: 600, on: 'import' } },
    { file: 'f.csv', expected: 2, faults: { fail500: 10, on: 'tenant' }, args: ['--retries', '0'] },
    { file: 'taken.csv', expected: 1 },
    { file: 'big.csv', expected: 1 },
    { file: 'g.csv', expected: 1, at: echo.endpoint },
  ];
  for (const { file, expected, faults, env, at, args = [] } of cases) {
    test_.sandbox.setFaults(faults ?? {});
    const { code, stderr } = await cli(['import', file, '--endpoint', at ?? endpoint, '--yes', ...args], env);
    test_.sandbox.clearFaults();
    assert.equal(code, expected, `${file}: ${stderr}`);
  }
  const secrets = [...Object.values(test_.sandbox.tokens), `${token}x`, ...PINS];
  assert.equal(leakIn(printed, secrets), undefined, `printed: ${leakIn(printed, secrets)}`);
});

test('as a real process: help and errors with the token in the environment never print it', async () => {
  const root = resolve(__dirname, '../..');
  const env = { ...process.env, SUBSCRIBER_CSV_TOKEN: token };
  const clean = join(dir, 'clean.csv');
  const runs: [string[], number][] = [
    [['--help'], 0],
    [['import', '--help'], 0],
    [['import', token, '--endpoint', test_.sandbox.endpoint, '--yes'], 2],
    [['import', clean, '--endpoint', 'http://pbx.example.com/api'], 2],
    [['import', clean, '--endpoint', test_.sandbox.endpoint, '--token', token], 2],
    [[token], 2],
    [['check', token], 2],
  ];
  for (const [args, expected] of runs) {
    const child = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/src/main.ts', ...args], {
      cwd: root,
      env,
    }).then(
      (done) => ({ code: 0, ...done }),
      (failed: { code: number; stdout: string; stderr: string }) => failed,
    );
    assert.equal(child.code, expected, `${args.join(' ')}: ${child.stderr}`);
    assert.match(child.stdout + child.stderr, /subscriber-csv/, `${args.join(' ')} printed its usage or error`);
    assert.equal(leakIn([child.stdout, child.stderr], [token]), undefined, `${args.join(' ')} printed the token`);
  }
});
