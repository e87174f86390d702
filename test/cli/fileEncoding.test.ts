/**
 * Files as Excel saves them, through the built CLI in every format: Windows-1252 and UTF-16 (both byte orders, and
 * Excel's tab-separated "Unicode Text") are read in their encoding and checked in full. Each gets `file-encoding`
 * once and the content's own diagnostics at the same places as its UTF-8 twin; every file named is listed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Log } from 'sarif';
import type { JsonReport } from '../../cli/src/formatJson';
import { ENCODING_FIXTURES } from '../fixtures/encodings/generate';
import { runCli, workspace } from './cliHarness';

const FIXTURES = join(__dirname, '../fixtures/encodings');
const NOT_UTF8 = ['windows-1252.subscribers.csv', 'utf-16le-bom.subscribers.csv', 'utf-16be-bom.subscribers.csv'];
const LABELS: Record<string, string> = {
  'windows-1252.subscribers.csv': 'Windows-1252',
  'utf-16le-bom.subscribers.csv': 'UTF-16 LE',
  'utf-16be-bom.subscribers.csv': 'UTF-16 BE',
};
/** The one mistake of the fixtures' rows: Privacy "Y" on line 3, column 18 (a warning: the page is silent on case). */
const VALUE_CASE =
  'warning value-case The page gives Privacy as lowercase y or n; the import may not recognise "Y". Write y.';

describe('encodings through the CLI', () => {
  let dir: string;
  let remove: () => void;
  before(() => {
    const files = Object.fromEntries(
      Object.keys(ENCODING_FIXTURES).map((name) => [name, readFileSync(join(FIXTURES, name))]),
    );
    ({ dir, remove } = workspace(files));
  });
  after(() => remove());

  test('text: the encoding once, then the content checked as in UTF-8', () => {
    for (const name of NOT_UTF8) {
      const run = runCli(['check', name], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '');
      const lines = run.stdout.trimEnd().split('\n');
      assert.match(
        lines[0],
        new RegExp(`^${name}:1:1: warning file-encoding This file is saved as ${LABELS[name]}\\b`),
      );
      assert.deepEqual(lines.slice(1), [`${name}:3:18: ${VALUE_CASE}`, '0 errors, 2 warnings in 1 file']);
    }
    const utf8 = runCli(['check', 'utf-8.subscribers.csv', 'utf-8-bom.subscribers.csv'], dir);
    assert.deepEqual(utf8.stdout.trimEnd().split('\n'), [
      `utf-8.subscribers.csv:3:18: ${VALUE_CASE}`,
      `utf-8-bom.subscribers.csv:3:18: ${VALUE_CASE}`,
      '0 errors, 2 warnings in 2 files',
    ]);
  });

  test('json: every file named is listed with its diagnostics, the missing one with its error', () => {
    const run = runCli(['check', '--format', 'json', ...NOT_UTF8, 'missing.csv', 'utf-8.subscribers.csv'], dir);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'subscriber-csv: cannot read missing.csv: no such file.\n');
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((file) => [
        file.path,
        file.error,
        file.diagnostics.map((d) => `${d.line} ${d.code} ${d.severity}`),
      ]),
      [
        ...NOT_UTF8.map((name) => [name, undefined, ['1 file-encoding warning', '3 value-case warning']]),
        ['missing.csv', 'cannot read missing.csv: no such file.', []],
        ['utf-8.subscribers.csv', undefined, ['3 value-case warning']],
      ],
    );
    const windows = report.files[0].diagnostics[0];
    assert.deepEqual(windows.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 31 } });
    assert.equal(windows.column, null);
  });

  test('sarif: a file-encoding result per file, each pointing at its artifact', () => {
    const run = runCli(['check', '--format', 'sarif', ...NOT_UTF8], dir);
    assert.equal(run.code, 0);
    const [sarifRun] = (JSON.parse(run.stdout) as Log).runs;
    assert.deepEqual(
      sarifRun.artifacts?.map((artifact) => artifact.location?.uri),
      NOT_UTF8,
    );
    assert.deepEqual(
      sarifRun.results?.map((result) => {
        const location = result.locations?.[0].physicalLocation;
        return [result.ruleId, result.level, location?.artifactLocation?.index, location?.region?.startLine];
      }),
      NOT_UTF8.flatMap((_, index) => [
        ['file-encoding', 'warning', index, 1],
        ['value-case', 'warning', index, 3],
      ]),
    );
    assert.deepEqual(sarifRun.invocations, [{ executionSuccessful: true }]);
  });

  test("Excel's Unicode Text (UTF-16, tab-separated) is read and gets the delimiter's diagnostics too", () => {
    const run = runCli(['check', '--format', 'json', 'unicode-text.subscribers.csv'], dir);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(
      report.files[0].diagnostics.map((d) => d.code),
      ['missing-header', 'file-encoding', 'wrong-delimiter'],
    );
  });
});
