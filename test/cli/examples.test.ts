/**
 * The project's own example files through the built CLI, as a user runs them from the repository: the clean
 * example is clean whatever the tenant's PIN notification setting (its Location rows have no Email, which the page
 * allows: it makes the column mandatory, not each cell).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { CLI_BUNDLE, runCli } from './cliHarness';

const ROOT = resolve(__dirname, '../..');
const CLEAN_EXAMPLE = 'examples/clean.subscribers.csv';

describe('examples/clean.subscribers.csv', () => {
  for (const pinNotification of ['none', 'display', 'email', 'email-and-display']) {
    test(`passes check --pin-notification ${pinNotification}`, () => {
      assert.ok(existsSync(CLI_BUNDLE), 'run `npm run build` before these tests');
      const run = runCli(['check', '--pin-notification', pinNotification, CLEAN_EXAMPLE], ROOT);
      assert.equal(run.stderr, '');
      assert.equal(run.code, 0, run.stdout);
      assert.match(run.stdout, /^0 errors, 0 warnings(, \d+ hints)? in 1 file$/m);
    });
  }

  test('lists no error or warning in JSON under --pin-notification email', () => {
    const run = runCli(['check', '--format', 'json', '--pin-notification', 'email', CLEAN_EXAMPLE], ROOT);
    assert.equal(run.code, 0);
    const [file] = JSON.parse(run.stdout).files as { diagnostics: { severity: string; code: string }[] }[];
    assert.deepEqual(
      file.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.code]),
      [
        ['hint', 'pin-email-sent'],
        ['hint', 'pin-email-sent'],
      ],
    );
  });
});
