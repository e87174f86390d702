import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CLEAN_FILE, csv, FILE_WITH_ERRORS, runCli, workspace } from './cliHarness';

describe('--format text', () => {
  let dir: string;
  let remove: () => void;
  before(() => {
    ({ dir, remove } = workspace({
      'clean.csv': CLEAN_FILE,
      'errors.csv': FILE_WITH_ERRORS,
      'all-severities.csv': csv(
        'Type,LastName,Email,Dsite,PIN,SysPIN',
        'User,Lee,lee@example.com,y,4821,y',
        'User,Kim,kim@example.com,,,y',
      ),
      'bom.csv': `\uFEFF${CLEAN_FILE}`,
      'crlf.csv': 'Type,LastName\r\nUser,\r\n',
      'accents.csv': csv('Type,FirstName,LastName,Privacy', 'User,Zoë,Müller,Y'),
      'multiline.csv': csv('Type,LastName,Email', 'User,Lee,"lee', '@example.com"'),
      'no-header.csv': csv('User,Ann,Lee'),
    }));
  });
  after(() => remove());

  test('prints nothing but the summary for a clean file', () => {
    const run = runCli(['check', 'clean.csv'], dir);
    assert.equal(run.stdout, '0 errors, 0 warnings in 1 file\n');
  });

  const errorLines =
    'errors.csv:2:6: error required-value LastName is mandatory; this row has none.\n' +
    'errors.csv:2:7: error not-yes-no Privacy takes y or n; "Yes" is neither. Did you mean y?\n' +
    'errors.csv:2:11: warning above-maximum The page describes MaxDevices as "digit", which we read as 0–9; check that the tenant allows 12.\n';

  test('prints file:line:col: severity code message, 1-based, then the summary', () => {
    const run = runCli(['check', 'errors.csv'], dir);
    assert.equal(run.stdout, `${errorLines}2 errors, 1 warning in 1 file\n`);
  });

  test('counts information and hints in the summary only when there are some', () => {
    const run = runCli(['check', '--pin-notification', 'email', 'all-severities.csv'], dir);
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout,
      'all-severities.csv:2:26: warning telco-only-ignored Dsite is applied only when a telco admin imports for the tenant; ' +
        'as a tenant admin this value is ignored.\n' +
        'all-severities.csv:2:28: information pin-overrides-syspin This row gives a PIN and sets SysPIN = y: ' +
        'the given PIN is used and no PIN is generated.\n' +
        'all-severities.csv:2:33: hint pin-email-sent The PIN given on this row will be emailed to lee@example.com: ' +
        'the tenant\'s PIN notification setting is "Email".\n' +
        'all-severities.csv:3:28: hint pin-email-sent The generated PIN will be emailed to kim@example.com: ' +
        'the tenant\'s PIN notification setting is "Email".\n' +
        '0 errors, 1 warning, 1 info, 2 hints in 1 file\n',
    );
  });

  test('lists files in the order named and sums them up', () => {
    const run = runCli(['check', 'errors.csv', 'clean.csv', 'errors.csv'], dir);
    assert.equal(run.stdout, `${errorLines}${errorLines}4 errors, 2 warnings in 3 files\n`);
  });

  test('reads a file with a byte order mark', () => {
    const run = runCli(['check', 'bom.csv'], dir);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '0 errors, 0 warnings in 1 file\n');
  });

  test('counts columns from the start of the line with CRLF line ends', () => {
    const run = runCli(['check', 'crlf.csv'], dir);
    assert.equal(
      run.stdout,
      'crlf.csv:2:6: error required-value LastName is mandatory; this row has none.\n1 error, 0 warnings in 1 file\n',
    );
  });

  test('counts accented letters as one column each', () => {
    const run = runCli(['check', 'accents.csv'], dir);
    assert.equal(
      run.stdout,
      'accents.csv:2:17: warning value-case The page gives Privacy as lowercase y or n; the import may not recognise "Y". Write y.\n' +
        '0 errors, 1 warning in 1 file\n',
    );
  });

  test('keeps a message quoting a line break on one line', () => {
    const run = runCli(['check', 'multiline.csv'], dir);
    assert.equal(
      run.stdout,
      'multiline.csv:2:10: error invalid-email "lee @example.com" is not a valid email address (expected name@example.com).\n' +
        '1 error, 0 warnings in 1 file\n',
    );
  });

  test('checks a named file even when its header names no column', () => {
    const run = runCli(['check', 'no-header.csv'], dir);
    assert.equal(run.code, 1);
    assert.equal(
      run.stdout,
      'no-header.csv:1:1: error missing-header The first row names no import column: the header row (Type, LastName, ...) is missing.\n' +
        '1 error, 0 warnings in 1 file\n',
    );
  });
});
