import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Log } from 'sarif';
import { version } from '../../cli/package.json';
import { CATALOG } from '@subscriber-csv/language-service';
import { ruleHelp } from '../../cli/src/sarifHelp';
import { CLEAN_FILE, FILE_WITH_ERRORS, runCli, workspace } from './cliHarness';

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
    // No home page to name: SARIF wants an absolute URI there, and the project has no public one.
    assert.equal(driver.informationUri, undefined);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/` } });
    assert.deepEqual(log.runs[0].artifacts, [{ location: { uri: 'clean.csv', uriBaseId: '%SRCROOT%' } }]);
    assert.deepEqual(log.runs[0].results, []);
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: true }]);
  });

  test('describes every catalog code as a rule, with its title, help and default level', () => {
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
        help: {
          text:
            'The value differs from an allowed value only in letter case.\n\nExample: Privacy: Y\n\n' +
            `Why this severity: ${CATALOG['value-case'].why}`,
          markdown:
            'The value differs from an allowed value only in letter case.\n\n**Example:** `Privacy: Y`\n\n' +
            `**Why this severity:** ${CATALOG['value-case'].why}`,
        },
        defaultConfiguration: { level: 'warning' },
      },
    );
  });

  test('carries each rule’s help itself, why and our choice included, and no help link', () => {
    const rules = sarif('clean.csv').runs[0].tool.driver.rules ?? [];
    for (const rule of rules) {
      const info = CATALOG[rule.id as keyof typeof CATALOG];
      assert.equal(rule.helpUri, undefined, rule.id);
      assert.ok(rule.help?.text.startsWith(`${info.title}\n\nExample: `), rule.id);
      assert.ok(rule.help?.text.includes(`Why this severity: ${info.why}`), rule.id);
      assert.equal(rule.help?.text.includes(`Our choice: ${info.choice}`), info.choice !== undefined, rule.id);
      assert.equal(rule.help?.markdown?.includes(`**Our choice:** ${info.choice}`), info.choice !== undefined);
    }
    // An example holding a backtick or a line break stays one piece of inline code.
    const help = ruleHelp({ ...CATALOG['value-case'], example: 'Type\nUser,`x`', choice: undefined });
    assert.equal(
      help.markdown,
      `${CATALOG['value-case'].title}\n\n**Example:** \`\` Type\\nUser,\`x\` \`\`\n\n**Why this severity:** ${CATALOG['value-case'].why}`,
    );
  });

  test('names no URI that is not absolute, other than artifacts against %SRCROOT%', () => {
    const log = sarif('errors.csv');
    const uris: { key: string; value: string; parent: Record<string, unknown> }[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (/uri$/i.test(key) && typeof child === 'string') uris.push({ key, value: child, parent: value as never });
          walk(child);
        }
      }
    };
    walk(log);
    for (const { key, value, parent } of uris) {
      if (key === 'uri' && parent.uriBaseId === '%SRCROOT%') continue;
      assert.match(value, /^[a-z][a-z0-9+.-]*:/i, `${key} ${value} is not absolute`);
    }
    assert.ok(!JSON.stringify(log).includes('github.com'));
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
        ruleId: 'not-yes-no',
        ruleIndex: ruleIndex('not-yes-no'),
        level: 'error',
        message: { text: 'Privacy takes y or n; "Yes" is neither. Did you mean y?' },
        locations: location(7, 10),
        properties: { column: 'Privacy' },
      },
      {
        ruleId: 'above-maximum',
        ruleIndex: ruleIndex('above-maximum'),
        level: 'warning',
        message: {
          text: 'The page describes MaxDevices as "digit", which we read as 0–9; check that the tenant allows 12.',
        },
        locations: location(11, 13),
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
