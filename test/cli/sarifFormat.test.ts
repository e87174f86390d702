import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Log } from 'sarif';
import { version } from '../../package.json';
import { CATALOG } from '@subscriber-csv/language-service';
import { CLEAN_FILE, FILE_WITH_ERRORS, runCli, workspace } from './cliHarness';

const CATALOG_URL = 'https://github.com/officesuite-tools/subscriber-csv/blob/main/docs/diagnostics.md';

function region(startLine: number, startColumn: number, endLine: number, endColumn: number) {
  return { startLine, startColumn, endLine, endColumn };
}

describe('--format sarif', () => {
  let dir: string;
  let remove: () => void;
  before(() => {
    ({ dir, remove } = workspace({ 'clean.csv': CLEAN_FILE, 'errors.csv': FILE_WITH_ERRORS }));
    mkdirSync(join(dir, 'sub dir'));
    writeFileSync(join(dir, 'sub dir', 'errors.csv'), FILE_WITH_ERRORS);
  });
  after(() => remove());

  function sarif(...files: string[]): Log {
    const run = runCli(['check', '--format', 'sarif', ...files], dir);
    assert.equal(run.stderr, '');
    return JSON.parse(run.stdout) as Log;
  }

  test('is a SARIF 2.1.0 log with one run of the subscriber-csv tool', () => {
    const log = sarif('clean.csv');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'subscriber-csv');
    assert.equal(driver.version, version);
    assert.equal(driver.informationUri, 'https://github.com/officesuite-tools/subscriber-csv');
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/` } });
    assert.deepEqual(log.runs[0].artifacts, [{ location: { uri: 'clean.csv', uriBaseId: '%SRCROOT%' } }]);
    assert.deepEqual(log.runs[0].results, []);
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: true }]);
  });

  test('describes every catalog code as a rule, with its title, link and default level', () => {
    const rules = sarif('clean.csv').runs[0].tool.driver.rules ?? [];
    assert.deepEqual(
      rules.map((rule) => rule.id),
      Object.keys(CATALOG),
    );
    const levels = Object.fromEntries(rules.map((rule) => [rule.id, rule.defaultConfiguration?.level]));
    assert.equal(levels['required-value'], 'error');
    assert.equal(levels['too-few-fields'], 'warning');
    assert.equal(levels['pin-overrides-syspin'], 'note');
    assert.equal(levels['pin-email-sent'], 'note');
    assert.deepEqual(
      rules.find((rule) => rule.id === 'value-case'),
      {
        id: 'value-case',
        shortDescription: { text: 'The value differs from an allowed value only in letter case.' },
        helpUri: `${CATALOG_URL}#value-case`,
        defaultConfiguration: { level: 'error' },
      },
    );
  });

  test('gives each result its rule, level, message and a 1-based region in a relative artifact', () => {
    const run = sarif('errors.csv').runs[0];
    const location = (startColumn: number, endColumn: number) => [
      {
        physicalLocation: {
          artifactLocation: { uri: 'errors.csv', uriBaseId: '%SRCROOT%', index: 0 },
          region: region(2, startColumn, 2, endColumn),
        },
      },
    ];
    const ruleIndex = (code: string) => Object.keys(CATALOG).indexOf(code);
    assert.deepEqual(run.results, [
      {
        ruleId: 'required-value',
        ruleIndex: ruleIndex('required-value'),
        level: 'error',
        message: { text: 'LastName is mandatory; this row has none.' },
        locations: location(6, 6),
        properties: { column: 'LastName' },
      },
      {
        ruleId: 'value-case',
        ruleIndex: ruleIndex('value-case'),
        level: 'error',
        message: { text: 'Privacy takes lowercase y or n, not "Y".' },
        locations: location(7, 8),
        properties: { column: 'Privacy' },
      },
      {
        ruleId: 'above-maximum',
        ruleIndex: ruleIndex('above-maximum'),
        level: 'warning',
        message: { text: 'MaxDevices is described as a single digit (0–9); 12 may be refused by the import.' },
        locations: location(9, 11),
        properties: { column: 'MaxDevices' },
      },
    ]);
  });

  test('names artifacts by relative URI, encoded, and points results at them by index', () => {
    const run = sarif('clean.csv', 'sub dir/errors.csv').runs[0];
    assert.deepEqual(run.artifacts, [
      { location: { uri: 'clean.csv', uriBaseId: '%SRCROOT%' } },
      { location: { uri: 'sub%20dir/errors.csv', uriBaseId: '%SRCROOT%' } },
    ]);
    assert.deepEqual(
      run.results?.map((result) => result.locations?.[0].physicalLocation?.artifactLocation),
      Array(3).fill({ uri: 'sub%20dir/errors.csv', uriBaseId: '%SRCROOT%', index: 1 }),
    );
  });
});
