import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { version } from '../../cli/package.json';
import { USAGE } from '../../cli/src/args';
import { BIN_SHIM, CLEAN_FILE, csv, FILE_WITH_ERRORS, runCli, workspace } from './cliHarness';

const HELP_HINT = 'Run "subscriber-csv --help" for usage.\n';

describe('exit codes', () => {
  let dir: string;
  let remove: () => void;
  before(() => {
    ({ dir, remove } = workspace({
      'clean.csv': CLEAN_FILE,
      'errors.csv': FILE_WITH_ERRORS,
      'warnings-only.csv': csv('Type,LastName,Dsite', 'User,Lee,y'),
      'latin1.csv': Buffer.concat([Buffer.from('Type,LastName\nUser,M'), Buffer.from([0xfc]), Buffer.from('ller\n')]),
    }));
  });
  after(() => remove());

  /** What each format prints when the only file named, missing.csv, could not be read: JSON and SARIF still list it. */
  const missingOutput: Record<string, (stdout: string) => void> = {
    text: (stdout) => assert.equal(stdout, '0 errors, 0 warnings in 0 files\n'),
    json: (stdout) =>
      assert.deepEqual(JSON.parse(stdout), {
        files: [{ path: 'missing.csv', error: 'cannot read missing.csv: no such file.', diagnostics: [] }],
      }),
    sarif: (stdout) => {
      const run = JSON.parse(stdout).runs[0];
      assert.deepEqual(run.results, []);
      const location = { uri: 'missing.csv', uriBaseId: '%SRCROOT%' };
      assert.deepEqual(run.artifacts, [{ location }]);
      assert.deepEqual(run.invocations, [
        {
          executionSuccessful: false,
          toolExecutionNotifications: [
            {
              level: 'error',
              message: { text: 'cannot read missing.csv: no such file.' },
              locations: [{ physicalLocation: { artifactLocation: { ...location, index: 0 } } }],
            },
          ],
        },
      ]);
    },
  };

  for (const format of ['text', 'json', 'sarif']) {
    describe(`--format ${format}`, () => {
      test('a clean file exits 0', () => {
        const run = runCli(['check', '--format', format, 'clean.csv'], dir);
        assert.equal(run.code, 0);
        assert.equal(run.stderr, '');
      });

      test('a file with errors exits 1', () => {
        const run = runCli(['check', '--format', format, 'errors.csv'], dir);
        assert.equal(run.code, 1);
        assert.equal(run.stderr, '');
      });

      test('a missing file exits 2 with a message on stderr', () => {
        const run = runCli(['check', '--format', format, 'missing.csv'], dir);
        assert.equal(run.code, 2);
        assert.equal(run.stderr, 'subscriber-csv: cannot read missing.csv: no such file.\n');
        missingOutput[format](run.stdout);
      });

      test('a bad flag exits 2 and prints nothing on stdout', () => {
        const run = runCli(['check', '--format', format, '--fromat', 'json', 'clean.csv'], dir);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '');
        assert.equal(run.stderr, `subscriber-csv: unknown option '--fromat'.\n${HELP_HINT}`);
      });
    });
  }

  test('warnings alone exit 0', () => {
    const run = runCli(['check', 'warnings-only.csv'], dir);
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout,
      'warnings-only.csv:2:10: warning telco-only-ignored Dsite is applied only when a telco admin imports for the tenant; ' +
        'as a tenant admin this value is ignored.\n' +
        '0 errors, 1 warning in 1 file\n',
    );
  });

  test('an unreadable file exits 2 even when another file has errors, and the other file is still checked', () => {
    const run = runCli(['check', 'missing.csv', 'errors.csv'], dir);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'subscriber-csv: cannot read missing.csv: no such file.\n');
    assert.equal(run.stdout.split('\n').at(-2), '2 errors, 1 warning in 1 file');
  });

  test('a directory exits 2', () => {
    const run = runCli(['check', '.'], dir);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'subscriber-csv: cannot read .: it is a directory.\n');
  });

  test('a file that is not UTF-8 is read as Windows-1252 and checked, not refused', () => {
    const run = runCli(['check', 'latin1.csv'], dir);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^latin1\.csv:1:1: warning file-encoding This file is saved as Windows-1252/);
    assert.equal(run.stdout.split('\n').at(-2), '0 errors, 1 warning in 1 file');
  });

  const usageErrors: [string, string[], string][] = [
    ['no command', [], 'missing command: expected "check", "fix" or "import".'],
    ['an unknown command', ['lint', 'clean.csv'], 'unknown command: expected "check", "fix" or "import".'],
    ['a misspelt command', ['chekc', 'clean.csv'], 'unknown command: did you mean "check"?'],
    ['a misspelt fix', ['fiz', 'clean.csv'], 'unknown command: did you mean "fix"?'],
    ['no files', ['check'], 'no files to check: name at least one FILE.'],
    ['no files to fix', ['fix'], 'no files to fix: name at least one FILE.'],
    [
      '--fix with --fix-dry-run',
      ['check', '--fix', '--fix-dry-run', 'clean.csv'],
      '--fix and --fix-dry-run: choose one.',
    ],
    [
      '--fix-dry-run with a format',
      ['check', '--fix-dry-run', '--format', 'json', 'clean.csv'],
      '--fix-dry-run prints a diff: --format does not apply.',
    ],
    ['--out on check', ['check', '--out', 'x.csv', 'clean.csv'], '--out is an option of fix, not of check.'],
    ['--fix on fix', ['fix', '--fix', 'clean.csv'], '--fix is an option of check; fix always writes a clean copy.'],
    [
      '--out for two files',
      ['fix', '--out', 'x.csv', 'clean.csv', 'errors.csv'],
      '--out names one copy: name one FILE.',
    ],
    ['an unknown format', ['check', '--format', 'xml', 'clean.csv'], '--format must be one of text, json, sarif.'],
    ['a flag without its value', ['check', 'clean.csv', '--format'], "Option '--format <value>' argument missing."],
    [
      'an unknown PIN notification',
      ['check', '--pin-notification', 'emailAndDisplay', 'clean.csv'],
      '--pin-notification must be one of none, display, email, email-and-display.',
    ],
    ['an unknown role', ['check', '--role', 'admin', 'clean.csv'], '--role must be one of tenant-admin, telco-admin.'],
  ];
  for (const [name, args, message] of usageErrors) {
    test(`${name} exits 2 with a usage message`, () => {
      const run = runCli(args, dir);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `subscriber-csv: ${message}\n${HELP_HINT}`);
    });
  }

  test('--help prints the usage and exits 0', () => {
    for (const args of [['--help'], ['-h'], ['check', '--help']]) {
      const run = runCli(args, dir);
      assert.equal(run.code, 0);
      assert.equal(run.stdout, USAGE);
      assert.equal(run.stderr, '');
    }
  });

  test('--version prints the package version and exits 0', () => {
    const run = runCli(['--version'], dir);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  test('the bin shim is executable and runs the bundle', () => {
    assert.equal(statSync(BIN_SHIM).mode & 0o111, 0o111);
    // Run the shim itself, as npm's bin link does, so that its #! line is exercised too.
    const run = spawnSync(BIN_SHIM, ['check', 'errors.csv'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.equal(run.stdout.split('\n').at(-2), '2 errors, 1 warning in 1 file');
  });
});
