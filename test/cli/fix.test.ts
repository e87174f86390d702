/**
 * The CLI's fixes, through the built CLI: `check --fix` rewrites each file in place as UTF-8 with every automatic
 * fix, `check --fix-dry-run` prints the same change as a unified diff and writes nothing, and `fix` writes a clean
 * copy beside the original, never over it.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { applyPatch } from 'diff';
import { fixKindOf, type DiagnosticCode } from '@subscriber-csv/language-service';
import type { JsonReport } from '../../cli/src/formatJson';
import { ENCODING_FIXTURES } from '../fixtures/encodings/generate';
import { CLEAN_FILE, csv, runCli, workspace } from './cliHarness';

/** One of every automatic problem, and one that waits for a person (the unknown column's rename). */
const MESSY = csv(
  'Type,FirstName,LastName,,MobilePhone,Privacy,VM,Extention',
  ' User,Ann,Lee,,(617) 555-0100,Y,Yes,101',
  '',
  'User,Bo,Kim,,6175550101,n,n,102,,',
);
const MESSY_FIXED = csv(
  'Type,FirstName,LastName,MobilePhone,Privacy,VM,Extention',
  'User,Ann,Lee,6175550100,y,y,101',
  'User,Bo,Kim,6175550101,n,n,102',
);

describe('fixing from the command line', () => {
  let dir: string;
  let remove: () => void;
  const read = (name: string) => readFileSync(join(dir, name));
  const readText = (name: string) => read(name).toString('utf8');
  beforeEach(() => {
    ({ dir, remove } = workspace({
      'messy.csv': MESSY,
      'clean.csv': CLEAN_FILE,
      'windows-1252.csv': ENCODING_FIXTURES['windows-1252.subscribers.csv'](),
      'unicode-text.csv': ENCODING_FIXTURES['unicode-text.subscribers.csv'](),
    }));
  });
  afterEach(() => remove());

  describe('check --fix', () => {
    test('rewrites each file with every automatic fix, then reports what is left', () => {
      const run = runCli(['check', '--fix', 'messy.csv', 'clean.csv'], dir);
      assert.equal(run.code, 1);
      assert.equal(readText('messy.csv'), MESSY_FIXED);
      assert.equal(run.stderr, 'subscriber-csv: fixed messy.csv: 7 problems fixed, UTF-8.\n');
      assert.deepEqual(run.stdout.trimEnd().split('\n'), [
        'messy.csv:1:48: error misspelt-column "Extention" is not an import column: did you mean Extension? As written, its values would not be imported.',
        '1 error, 0 warnings in 2 files',
      ]);
    });

    test('writes a file in another encoding as UTF-8, even with nothing else to fix; leaves a clean UTF-8 file alone', () => {
      const cleanBefore = statSync(join(dir, 'clean.csv')).mtimeMs;
      const run = runCli(
        ['check', '--fix', '--format', 'json', 'windows-1252.csv', 'unicode-text.csv', 'clean.csv'],
        dir,
      );
      assert.equal(run.code, 0, run.stderr);
      assert.equal(
        readText('windows-1252.csv'),
        'Type,FirstName,LastName,Privacy\nUser,Jürgen,Müller,y\nUser,Zoë,O’Brien,y\n',
      );
      assert.equal(
        readText('unicode-text.csv'),
        'Type,FirstName,LastName,Privacy\r\nUser,Jürgen,Müller,y\r\nUser,Zoë,O’Brien,y\r\n',
      );
      assert.equal(statSync(join(dir, 'clean.csv')).mtimeMs, cleanBefore);
      assert.deepEqual(run.stderr.trimEnd().split('\n'), [
        'subscriber-csv: fixed windows-1252.csv: 1 problem fixed, UTF-8 (was Windows-1252).',
        'subscriber-csv: fixed unicode-text.csv: 2 problems fixed, UTF-8 (was UTF-16 LE with a byte order mark).',
      ]);
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(
        report.files.map((file) => [file.path, file.diagnostics.length]),
        [
          ['windows-1252.csv', 0],
          ['unicode-text.csv', 0],
          ['clean.csv', 0],
        ],
      );
    });

    test('a file that cannot be read is listed with its reason, and the others are still fixed', () => {
      const run = runCli(['check', '--fix', '--format', 'json', 'missing.csv', 'messy.csv'], dir);
      assert.equal(run.code, 2);
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(report.files[0], {
        path: 'missing.csv',
        error: 'cannot read missing.csv: no such file.',
        diagnostics: [],
      });
      assert.equal(readText('messy.csv'), MESSY_FIXED);
    });
  });

  describe('check --fix-dry-run', () => {
    test('prints what --fix would change as a unified diff that applies, and writes nothing', () => {
      const run = runCli(['check', '--fix-dry-run', 'messy.csv'], dir);
      assert.equal(run.code, 1);
      assert.equal(
        run.stdout,
        [
          '--- messy.csv\tUTF-8',
          '+++ messy.csv\tUTF-8, 7 problems fixed',
          '@@ -1,4 +1,3 @@',
          '-Type,FirstName,LastName,,MobilePhone,Privacy,VM,Extention',
          '- User,Ann,Lee,,(617) 555-0100,Y,Yes,101',
          '-',
          '-User,Bo,Kim,,6175550101,n,n,102,,',
          '+Type,FirstName,LastName,MobilePhone,Privacy,VM,Extention',
          '+User,Ann,Lee,6175550100,y,y,101',
          '+User,Bo,Kim,6175550101,n,n,102',
          '',
        ].join('\n'),
      );
      assert.equal(run.stderr, 'subscriber-csv: 1 of 1 file would change (7 problems fixed); nothing was written.\n');
      assert.equal(readText('messy.csv'), MESSY);
      assert.equal(applyPatch(MESSY, run.stdout), MESSY_FIXED);
    });

    test('names the encoding a file is read in and written in, and exits 0 when nothing would change', () => {
      const run = runCli(['check', '--fix-dry-run', 'windows-1252.csv'], dir);
      assert.equal(run.code, 1);
      assert.match(
        run.stdout,
        /^--- windows-1252\.csv\tWindows-1252\n\+\+\+ windows-1252\.csv\tUTF-8, 1 problem fixed\n/,
      );
      assert.ok(read('windows-1252.csv').equals(ENCODING_FIXTURES['windows-1252.subscribers.csv']()));
      const clean = runCli(['check', '--fix-dry-run', 'clean.csv'], dir);
      assert.equal(clean.code, 0);
      assert.equal(clean.stdout, '');
      assert.equal(clean.stderr, 'subscriber-csv: nothing to change in 1 file; nothing was written.\n');
    });

    test('normalises a 10,000-row HR export: the diff applies and equals what --fix writes', () => {
      const rows = ['Type,FirstName,LastName,Email,MobilePhone,VM,Privacy,Extension'];
      for (let index = 0; index < 10_000; index++) {
        const phone = `(617) 555-${String(1000 + (index % 9000))}`;
        rows.push(
          `User,Ann${index},Lee,ann${index}@example.com,${phone},${index % 3 ? 'Yes' : 'n'},${index % 2 ? 'Y' : 'n'},${10_000 + index}`,
        );
      }
      const text = `${rows.join('\r\n')}\r\n`;
      writeFileSync(join(dir, 'hr.csv'), text);
      const dryRun = runCli(['check', '--fix-dry-run', 'hr.csv'], dir);
      assert.equal(dryRun.code, 1);
      const fixed = runCli(['check', '--fix', 'hr.csv'], dir);
      assert.equal(fixed.code, 0, fixed.stdout);
      assert.equal(fixed.stdout, '0 errors, 0 warnings in 1 file\n');
      assert.equal(applyPatch(text, dryRun.stdout), readText('hr.csv'));
      assert.equal(runCli(['check', '--fix-dry-run', 'hr.csv'], dir).code, 0);
    });
  });

  describe('fix', () => {
    test('writes a clean UTF-8 copy beside the original, leaves the original alone, and checks the copy', () => {
      const run = runCli(['fix', '--format', 'json', 'messy.csv', 'windows-1252.csv'], dir);
      assert.equal(run.code, 1);
      assert.equal(readText('messy.csv'), MESSY);
      assert.equal(readText('messy.clean.csv'), MESSY_FIXED);
      assert.equal(
        readText('windows-1252.clean.csv'),
        'Type,FirstName,LastName,Privacy\nUser,Jürgen,Müller,y\nUser,Zoë,O’Brien,y\n',
      );
      assert.deepEqual(run.stderr.trimEnd().split('\n'), [
        'subscriber-csv: wrote messy.clean.csv from messy.csv: 7 problems fixed, UTF-8.',
        'subscriber-csv: wrote windows-1252.clean.csv from windows-1252.csv: 1 problem fixed, UTF-8 (was Windows-1252).',
      ]);
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(
        report.files.map((file) => [file.path, file.diagnostics.map((diagnostic) => diagnostic.code)]),
        [
          ['messy.clean.csv', ['misspelt-column']],
          ['windows-1252.clean.csv', []],
        ],
      );
      // Nothing an automatic fix could fix is left in a clean copy.
      const automatic = report.files.flatMap((file) =>
        file.diagnostics.filter((diagnostic) => fixKindOf(diagnostic.code as DiagnosticCode) === 'auto'),
      );
      assert.deepEqual(automatic, []);
    });

    test('replaces a copy that exists only with --force, and never writes over the original', () => {
      assert.equal(runCli(['fix', 'messy.csv'], dir).code, 1);
      writeFileSync(join(dir, 'messy.clean.csv'), 'kept\n');
      const refused = runCli(['fix', 'messy.csv'], dir);
      assert.equal(refused.code, 2);
      assert.equal(refused.stderr, 'subscriber-csv: messy.clean.csv exists already: pass --force to replace it.\n');
      assert.equal(readText('messy.clean.csv'), 'kept\n');
      assert.equal(runCli(['fix', '--force', 'messy.csv'], dir).code, 1);
      assert.equal(readText('messy.clean.csv'), MESSY_FIXED);

      const over = runCli(['fix', '--out', './messy.csv', 'messy.csv'], dir);
      assert.equal(over.code, 2);
      assert.match(over.stderr, /--out names messy\.csv itself: fix never writes over the original\./);
      assert.equal(readText('messy.csv'), MESSY);
    });

    test('--out names the copy', () => {
      const run = runCli(['fix', '--out', 'for-the-import-page.csv', 'unicode-text.csv'], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, '0 errors, 0 warnings in 1 file\n');
      assert.equal(
        readText('for-the-import-page.csv'),
        'Type,FirstName,LastName,Privacy\r\nUser,Jürgen,Müller,y\r\nUser,Zoë,O’Brien,y\r\n',
      );
    });
  });
});
