/**
 * The hostile corpus through the CLI (`node dist/cli.js check --format json`, so `npm run build` first): each file
 * gets its exit code and every diagnostic the corpus states, or a clear message on stderr when it cannot be read,
 * within its time and memory budget (the process's peak resident memory, reported by `peakMemory.cjs`).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JsonReport } from '../../cli/src/formatJson';
import { HOSTILE_CASES } from '../fixtures/hostile/generate';
import {
  countCodes,
  describeMeasurement,
  peakMemoryEnv,
  readPeakMb,
  scratchDirectory,
  sortedCounts,
  writeCase,
} from './harness';

const CLI_BUNDLE = resolve(__dirname, '../../dist/cli.js');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs the CLI without blocking the test runner, collecting output that may run to tens of megabytes. A run still
 * going after `killAfterMs` is killed (its code is then null), so that a file that hangs the CLI fails its test
 * instead of holding up the suite.
 */
function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, killAfterMs: number): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd, env });
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolvePromise({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ms: performance.now() - started,
      });
    });
  });
}

describe('hostile files through the CLI', () => {
  let scratch: ReturnType<typeof scratchDirectory>;
  before(() => {
    assert.ok(existsSync(CLI_BUNDLE), `${CLI_BUNDLE} is missing: run \`npm run build\` before these tests.`);
    scratch = scratchDirectory();
  });
  after(() => scratch.remove());

  for (const hostile of HOSTILE_CASES) {
    test(hostile.name, async (t) => {
      writeCase(scratch.dir, hostile);
      const peakFile = join(scratch.dir, `${hostile.name}.peak`);
      const { cliMs, peakMb } = hostile.budget;
      const args = ['check', '--format', 'json', hostile.name];
      const run = await runCli(args, scratch.dir, peakMemoryEnv(peakFile), 2 * cliMs);
      const peak = readPeakMb(peakFile);
      assert.notEqual(run.code, null, `killed after ${(2 * cliMs).toFixed(0)} ms, twice its budget`);
      t.diagnostic(describeMeasurement('cli', run.ms, peak, { ms: cliMs, mb: peakMb }));

      assert.equal(run.code, hostile.cli.exit, `exit code; stderr: ${run.stderr}`);
      const report = JSON.parse(run.stdout) as JsonReport;
      if (hostile.cli.exit === 2) {
        assert.match(run.stderr, hostile.cli.stderr ?? /cannot read/);
        assert.deepEqual(report.files, [
          { path: hostile.name, error: run.stderr.trim().replace(/^subscriber-csv: /, ''), diagnostics: [] },
        ]);
      } else {
        assert.equal(run.stderr, '');
        const diagnostics = report.files[0].diagnostics;
        const codes = hostile.cli.codes ?? hostile.codes;
        assert.deepEqual(countCodes(diagnostics.map((diagnostic) => diagnostic.code)), sortedCounts(codes));
        // The CLI drops a byte order mark as the editor does, so only a file that is nothing else reads otherwise.
        const ranges = hostile.cli.ranges ?? (hostile.name === 'bom-only.subscribers.csv' ? undefined : hostile.ranges);
        if (ranges) {
          const found = diagnostics.slice(0, ranges.length).map((d) => {
            const { start, end } = d.range;
            return `${d.code} ${start.line}:${start.character}-${end.line}:${end.character}`;
          });
          assert.deepEqual(found, ranges);
        }
      }
      assert.ok(run.ms <= cliMs, `the CLI took ${run.ms.toFixed(0)} ms, budget ${cliMs}`);
      assert.ok(peak !== undefined && peak <= peakMb, `peak memory ${peak?.toFixed(0)} MB, budget ${peakMb}`);
    });
  }
});
