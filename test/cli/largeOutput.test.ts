/**
 * JSON and SARIF are written as the diagnostics are found, so the CLI's memory does not grow with their number:
 * 200,000 diagnostics come out whole and well-formed in about the memory of a clean run. (Built whole, one JSON
 * string per report, the output took 270 MB at 100,000 diagnostics and failed with "Invalid string length" past
 * about 1.15 million.)
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { peakMemoryEnv, readPeakMb, scratchDirectory } from '../hostile/harness';

const CLI_BUNDLE = resolve(__dirname, '../../dist/cli.js');
const ROWS = 200_000;
/** A clean run of the CLI peaks at about 50 MB; the diagnostics must not add their own size to that. */
const PEAK_MB = 150;

/** Runs the CLI; returns its exit code, its output, and how many times `marker` occurs in it. */
function runCounting(args: string[], cwd: string, env: NodeJS.ProcessEnv, marker: string) {
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd, env });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<{ code: number | null; output: string }>((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, output: Buffer.concat(chunks).toString('utf8') }));
  }).then(({ code, output }) => ({ code, count: output.split(marker).length - 1, output }));
}

describe('output of any size', () => {
  let scratch: ReturnType<typeof scratchDirectory>;
  before(() => {
    assert.ok(existsSync(CLI_BUNDLE), `${CLI_BUNDLE} is missing: run \`npm run build\` before these tests.`);
    scratch = scratchDirectory();
    // Every blank line under the header is a blank-row warning.
    writeFileSync(join(scratch.dir, 'blank.csv'), `Type,LastName\nUser,Lee\n${'\n'.repeat(ROWS)}`);
  });
  after(() => scratch.remove());

  for (const [format, marker] of [
    ['json', '"code": "blank-row"'],
    ['sarif', '"ruleId": "blank-row"'],
  ] as const) {
    test(`${format}: ${ROWS} diagnostics, written as they come, in flat memory`, async (t) => {
      const peakFile = join(scratch.dir, `${format}.peak`);
      const run = await runCounting(
        ['check', '--format', format, 'blank.csv'],
        scratch.dir,
        peakMemoryEnv(peakFile),
        marker,
      );
      const peakMb = readPeakMb(peakFile);
      t.diagnostic(`peak ${peakMb?.toFixed(0)} MB for ${(run.output.length / 1e6).toFixed(0)} MB of ${format}`);
      assert.equal(run.code, 0, 'warnings only');
      assert.equal(run.count, ROWS);
      const parsed = JSON.parse(run.output) as {
        files?: { diagnostics: unknown[] }[];
        runs?: { results: unknown[] }[];
      };
      const listed = format === 'json' ? parsed.files?.[0].diagnostics.length : parsed.runs?.[0].results.length;
      assert.equal(listed, ROWS);
      assert.ok(peakMb !== undefined && peakMb < PEAK_MB, `peak ${peakMb} MB`);
    });
  }
});
