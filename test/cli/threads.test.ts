/**
 * A large file is checked on several threads (`SUBSCRIBER_CSV_JOBS`, or by its size) with exactly the output of
 * one thread, in every format: duplicates across the parts, an unclosed quote, blank rows and a clean tail
 * included, and files before and after it in the same run.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { CLI_BUNDLE, workspace } from './cliHarness';
import { createRandom } from '../unit/helpers/random';
import { randomFile } from '../unit/helpers/randomFiles';

function check(args: readonly string[], cwd: string, jobs: number) {
  const result = spawnSync(process.execPath, [CLI_BUNDLE, 'check', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, SUBSCRIBER_CSV_JOBS: String(jobs) },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** 3,000 rows where the same extensions and emails come back far apart, so that duplicates span the parts. */
function largeFile(): string {
  const rows = ['Type,FirstName,LastName,Email,Extension,VM'];
  for (let row = 0; row < 3000; row++) {
    const extension = 100 + (row % 1400);
    const vm = row % 97 === 0 ? 'Yes' : 'y';
    rows.push(`User,Ann,Lee${row},a${row % 2500}@example.com,${extension},${vm}`);
    if (row % 500 === 250) rows.push('');
  }
  return `${rows.join('\r\n')}\r\n`;
}

describe('checking on several threads', () => {
  test('gives the output of one thread, in text, JSON and SARIF', () => {
    const random = createRandom(4242);
    const files: Record<string, string> = {
      'large.subscribers.csv': largeFile(),
      'stray-quote.subscribers.csv': largeFile().replace('User,Ann,Lee1000,', 'User,"Ann,Lee1000,'),
      'random.csv': randomFile(random, 40),
      'no-header.subscribers.csv': '\n\n',
    };
    const { dir, remove } = workspace(files);
    try {
      for (const format of ['text', 'json', 'sarif']) {
        const args = ['--format', format, ...Object.keys(files)];
        const one = check(args, dir, 1);
        assert.equal(one.code, 1, one.stderr);
        for (const jobs of [2, 3]) {
          const many = check(args, dir, jobs);
          assert.equal(many.stderr, one.stderr, `${format}, ${jobs} threads`);
          assert.equal(many.code, one.code, `${format}, ${jobs} threads`);
          assert.equal(many.stdout, one.stdout, `${format}, ${jobs} threads`);
        }
      }
      const duplicates = check(['--format', 'json', 'large.subscribers.csv'], dir, 2).stdout.match(/"duplicate-/g);
      assert.ok(duplicates && duplicates.length > 1000, 'the file has duplicates to find across the parts');
    } finally {
      remove();
    }
  });
});
