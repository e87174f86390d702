/**
 * The editor and the CLI share their import timing: one constant (IMPORT_DEFAULTS in common/importClient) gives
 * the defaults of the editor's settings as package.json declares them, of the editor's reading of those settings,
 * of the CLI's --timeout and --retries (and its help), and of the upload core.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseImportArgs, IMPORT_USAGE } from '../../cli/src/importArgs';
import { IMPORT_DEFAULTS } from '../../common/importClient';
import { DEFAULTS } from '../../common/importClient/requestLoop';
import { importTiming } from '../../client/src/import/importSettings';

const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
};
const properties = manifest.contributes.configuration.properties;

test("package.json's setting defaults are IMPORT_DEFAULTS", () => {
  assert.equal(properties['subscriberCsv.import.timeoutSeconds'].default, IMPORT_DEFAULTS.timeoutSeconds);
  assert.equal(properties['subscriberCsv.import.retries'].default, IMPORT_DEFAULTS.retries);
});

test('the editor reads unset settings as IMPORT_DEFAULTS', () => {
  assert.deepEqual(importTiming(undefined, undefined), {
    timeoutSeconds: IMPORT_DEFAULTS.timeoutSeconds,
    timeoutMs: IMPORT_DEFAULTS.timeoutSeconds * 1000,
    retries: IMPORT_DEFAULTS.retries,
  });
});

test('the CLI without --timeout and --retries uses IMPORT_DEFAULTS, and its help says so', () => {
  const parsed = parseImportArgs(['team.csv', '--endpoint', 'https://pbx.example.com/api/v1/tenants/acme']);
  assert.equal(parsed.kind, 'run');
  if (parsed.kind !== 'run') return;
  assert.equal(parsed.options.timeoutMs, IMPORT_DEFAULTS.timeoutSeconds * 1000);
  assert.equal(parsed.options.retries, IMPORT_DEFAULTS.retries);
  assert.match(
    IMPORT_USAGE,
    new RegExp(`--timeout SECONDS .*\\(default ${IMPORT_DEFAULTS.timeoutSeconds}, as in the editor\\)`),
  );
  assert.match(IMPORT_USAGE, new RegExp(`--retries N .*\\(default ${IMPORT_DEFAULTS.retries}\\)`));
});

test('the upload core, called without options, uses IMPORT_DEFAULTS', () => {
  assert.equal(DEFAULTS.timeoutMs, IMPORT_DEFAULTS.timeoutSeconds * 1000);
  assert.equal(DEFAULTS.retries, IMPORT_DEFAULTS.retries);
});
