/**
 * A large file is checked on several threads (`SUBSCRIBER_CSV_JOBS`, or by its size) with exactly the output of
 * one thread, in every format: duplicates across the parts, an unclosed quote, blank rows and a clean tail
 * included, and files before and after it in the same run; and so are random files whose cuts fall anywhere, in
 * a quoted line break or after an unclosed quote, with CRLF or LF, a byte order mark, or in Windows-1252.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import * as iconv from 'iconv-lite';
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

  test('gives the output of one thread on random files cut anywhere, in UTF-8 and Windows-1252', () => {
    const random = createRandom(4545);
    const files: Record<string, Buffer> = {};
    for (let index = 0; index < 30; index++) {
      let text = randomFile(random, Math.floor(random() * 120));
      const lineBreak = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
      const lines = text.split(lineBreak);
      // Quoted line breaks and unclosed quotes land near the cuts (each part's size is a fraction of the file's).
      if (index % 5 === 0) {
        // A quote that never closes: no quote after it.
        const open = 1 + Math.floor(random() * (lines.length - 1));
        lines[open] += ',"';
        for (let line = open + 1; line < lines.length; line++) lines[line] = lines[line].replace(/"/g, '');
      }
      for (let line = 1; line < lines.length; line++) if (random() < 0.03) lines[line] += `,"a${lineBreak}b"`;
      text = lines.join(lineBreak);
      const encoding = index % 3 === 2 ? 'windows-1252' : 'utf-8';
      const bom = encoding === 'utf-8' && index % 4 === 0 ? '\ufeff' : '';
      files[`random-${index}.csv`] = iconv.encode(bom + text, encoding);
    }
    const { dir, remove } = workspace(files);
    try {
      const args = ['--format', 'json', ...Object.keys(files)];
      const one = check(args, dir, 1);
      assert.ok(one.stdout.includes('"duplicate-') && one.stdout.includes('"unterminated-quote"'), one.stderr);
      assert.ok(one.stdout.includes('"file-encoding"'), 'some files are read as Windows-1252');
      for (const jobs of [2, 3]) {
        const many = check(args, dir, jobs);
        assert.equal(many.code, one.code, `${jobs} threads`);
        assert.equal(many.stderr, one.stderr, `${jobs} threads`);
        assert.equal(many.stdout, one.stdout, `${jobs} threads`);
      }
    } finally {
      remove();
    }
  });
});
