import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CLEAN_FILE, csv, runCli, workspace } from './cliHarness';

function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

describe('--format json', () => {
  let dir: string;
  let remove: () => void;
  before(() => {
    ({ dir, remove } = workspace({
      'clean.csv': CLEAN_FILE,
      // Lowercase header names on purpose: `column` is still the canonical name.
      'mixed.csv': csv('type,lastname,email,syspin,extention', 'User,Lee,,y,101', 'Location,Lobby'),
      'multiline.csv': csv('Type,LastName,Email', 'User,Lee,"lee', '@example.com"'),
    }));
  });
  after(() => remove());

  test('lists a clean file with no diagnostics', () => {
    const run = runCli(['check', '--format', 'json', 'clean.csv'], dir);
    assert.equal(run.code, 0);
    assert.deepEqual(JSON.parse(run.stdout), { files: [{ path: 'clean.csv', diagnostics: [] }] });
  });

  test('gives each diagnostic its 1-based line, canonical column (or null), LSP range, severity, code and message', () => {
    const run = runCli(['check', '--format', 'json', 'mixed.csv'], dir);
    assert.equal(run.code, 1);
    assert.deepEqual(JSON.parse(run.stdout), {
      files: [
        {
          path: 'mixed.csv',
          diagnostics: [
            {
              line: 1,
              column: null,
              range: range(0, 27, 0, 36),
              severity: 'error',
              code: 'misspelt-column',
              message:
                '"extention" is not an import column: did you mean Extension? As written, its values would not be imported.',
            },
            {
              line: 2,
              column: 'SysPIN',
              range: range(1, 10, 1, 11),
              severity: 'error',
              code: 'syspin-needs-email',
              message: 'SysPIN = y needs a valid Email on this row, and this row has none.',
            },
            {
              line: 3,
              column: null,
              range: range(2, 0, 2, 14),
              severity: 'warning',
              code: 'too-few-fields',
              message: 'This row has 2 cells but the header has 5 columns; the missing 3 cells read as empty.',
            },
          ],
        },
      ],
    });
  });

  test('gives the line a problem starts on when its range spans lines', () => {
    const run = runCli(['check', '--format', 'json', 'multiline.csv'], dir);
    assert.deepEqual(JSON.parse(run.stdout).files[0].diagnostics, [
      {
        line: 2,
        column: 'Email',
        range: range(1, 9, 2, 13),
        severity: 'error',
        code: 'invalid-email',
        message: '"lee\n@example.com" is not a valid email address (expected name@example.com).',
      },
    ]);
  });

  test('keeps the files in the order named, with their paths as given', () => {
    const run = runCli(['check', '--format', 'json', 'clean.csv', './mixed.csv'], dir);
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: unknown[] }[] };
    assert.deepEqual(
      report.files.map((file) => [file.path, file.diagnostics.length]),
      [
        ['clean.csv', 0],
        ['./mixed.csv', 3],
      ],
    );
  });
});
