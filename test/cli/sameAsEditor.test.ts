/**
 * The CLI and the editor give the same diagnostics on the same bytes: random files checked by the built CLI
 * (`--format json`, which reads each file twice as a stream) list exactly what the rules library's validation of the
 * whole text lists, in the same order, with the column each diagnostic names in its data.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, getLanguageService, type DiagnosticData } from '@subscriber-csv/language-service';
import type { JsonReport } from '../../cli/src/formatJson';
import { createRandom } from '../unit/helpers/random';
import { randomFile } from '../unit/helpers/randomFiles';
import { runCli, workspace } from './cliHarness';

const SEVERITIES = ['', 'error', 'warning', 'information', 'hint'];

describe('the CLI and the editor', () => {
  test('list the same diagnostics for random files, in the same order', () => {
    const random = createRandom(1010);
    const files: Record<string, string> = {};
    for (let index = 0; index < 30; index++) {
      files[`random-${index}.csv`] = randomFile(random, Math.floor(random() * 20));
    }
    const { dir, remove } = workspace(files);
    try {
      const run = runCli(['check', '--format', 'json', ...Object.keys(files)], dir);
      const report = JSON.parse(run.stdout) as JsonReport;
      const service = getLanguageService();
      // Files named on the command line are subscriber files by the user's say-so.
      const settings = { ...DEFAULT_SETTINGS, assumeSubscriberFile: true };
      for (const file of report.files) {
        const text = files[file.path];
        const parsed = service.parse(TextDocument.create(`file:///${file.path}`, 'subscriber-csv', 1, text));
        const expected = service.doValidation(parsed, settings).map((diagnostic) => ({
          line: diagnostic.range.start.line + 1,
          column: (diagnostic.data as DiagnosticData | undefined)?.column ?? null,
          range: diagnostic.range,
          severity: SEVERITIES[diagnostic.severity ?? 1],
          code: String(diagnostic.code),
          message: diagnostic.message,
        }));
        assert.deepEqual(file.diagnostics, expected, file.path);
      }
      assert.equal(report.files.length, 30);
    } finally {
      remove();
    }
  });
});
