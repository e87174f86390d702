/**
 * The hostile corpus through the rules library: each file gives exactly the diagnostics the corpus states, every
 * range inside the document, hover, completion and fixes answer, and the work stays within its time and memory
 * budget. Each file runs in a process of its own (`runLibrary.ts`), so that its peak memory is its own.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { HOSTILE_CASES } from '../fixtures/hostile/generate';
import { describeMeasurement, sortedCounts } from './harness';
import type { LibraryRun } from './runLibrary';

const RUNNER = resolve(__dirname, 'runLibrary.ts');
const CORPUS = resolve(__dirname, '../fixtures/hostile');
/** `HOSTILE_ALL=1` runs the CLI-only files (the million rows) through the library too. */
const ALL = process.env.HOSTILE_ALL === '1';

function runLibrary(name: string): LibraryRun {
  const child = spawnSync(process.execPath, ['--import', 'tsx', RUNNER, name], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(child.status, 0, `the library run of ${name} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as LibraryRun;
}

test('the committed small files are the ones generate.ts makes (`npx tsx test/fixtures/hostile/generate.ts`)', () => {
  for (const hostile of HOSTILE_CASES.filter((candidate) => candidate.committed)) {
    assert.ok(readFileSync(join(CORPUS, hostile.name)).equals(hostile.bytes()), `${hostile.name} differs`);
  }
});

describe('hostile files through the rules library', { concurrency: 2 }, () => {
  for (const hostile of HOSTILE_CASES.filter((candidate) => ALL || !candidate.cliOnly)) {
    test(hostile.name, (t) => {
      const run = runLibrary(hostile.name);
      const { libraryMs, peakMb } = hostile.budget;
      t.diagnostic(describeMeasurement('library', run.validateMs, run.peakMb, { ms: libraryMs, mb: peakMb }));
      assert.deepEqual(run.codes, sortedCounts(hostile.codes));
      if (hostile.ranges) assert.deepEqual(run.ranges.slice(0, hostile.ranges.length), hostile.ranges);
      assert.deepEqual(run.outside, [], 'ranges outside the document');
      if (hostile.fix) assert.deepEqual(run.afterFix, hostile.fix.after, `after the ${hostile.fix.code} fix`);
      assert.ok(run.validateMs <= libraryMs, `validation took ${run.validateMs.toFixed(0)} ms, budget ${libraryMs}`);
      assert.ok(run.requestsMs <= libraryMs, `requests took ${run.requestsMs.toFixed(0)} ms, budget ${libraryMs}`);
      assert.ok(run.peakMb <= peakMb, `peak memory ${run.peakMb.toFixed(0)} MB, budget ${peakMb}`);
    });
  }
});
