/**
 * The hostile corpus through the language server over stdio: each file, opened in a fresh server, gets its
 * diagnostics published within its budget (at most 1,000 and a summary, as the editor shows), a hover sent while
 * it is checked is answered, and afterwards the server still answers hovers, logs no error, and shuts down cleanly
 * within its memory budget (the server's peak resident memory, reported by `peakMemory.cjs` as it exits).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HOSTILE_CASES, type HostileCase } from '../fixtures/hostile/generate';
import { hoverText, LspClient } from '../protocol/helpers/lspClient';
import {
  countCodes,
  describeMeasurement,
  peakMemoryEnv,
  rangeOf,
  readPeakMb,
  scratchDirectory,
  sortedCounts,
} from './harness';

/** What the editor is sent: VS Code lists at most this many diagnostics a file (`diagnosticLimit.ts`). */
const PUBLISHED_LIMIT = 1000;
/** `HOSTILE_ALL=1` sends the CLI-only files (the million rows) through the server too. */
const ALL = process.env.HOSTILE_ALL === '1';

/** Starts a server whose peak memory is written to `peakFile` when it exits. */
async function startMeasuredServer(peakFile: string): Promise<LspClient> {
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, HOSTILE_PEAK_FILE: process.env.HOSTILE_PEAK_FILE };
  Object.assign(process.env, peakMemoryEnv(peakFile));
  try {
    return await LspClient.start({ settings: { subscriberCsv: {} } });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** The published codes must be the expected ones, or (past the limit) a summary and 1,000 of them. */
function assertPublishedCodes(hostile: HostileCase, codes: string[]): void {
  const expected = sortedCounts(hostile.codes);
  const total = Object.values(expected).reduce((sum, count) => sum + count, 0);
  const published = countCodes(codes);
  if (total <= PUBLISHED_LIMIT) {
    assert.deepEqual(published, expected);
    return;
  }
  assert.equal(codes.length, PUBLISHED_LIMIT + 1, 'the editor gets 1,000 diagnostics and a summary');
  assert.equal(published['too-many-problems'], 1);
  for (const [code, count] of Object.entries(published)) {
    if (code !== 'too-many-problems') assert.ok(count <= (expected[code] ?? 0), `${count} ${code}`);
  }
}

test('half a surrogate pair in an Email cell is an invalid email, not a failed validation', async () => {
  // The email check (validator's isEmail) threw on it, and the server published nothing for the whole file.
  const client = await LspClient.start({ settings: { subscriberCsv: {} } });
  try {
    const uri = 'file:///hostile/surrogate.subscribers.csv';
    const { diagnostics } = await client.open(
      uri,
      'subscriber-csv',
      'Type,LastName,Email\nUser,Lee,ann\ud83d@example.com\n',
    );
    assert.deepEqual(diagnostics.map(rangeOf), ['invalid-email 1:9-1:25']);
    assert.deepEqual(client.serverErrors(), []);
  } finally {
    await client.stop();
  }
});

describe('hostile files through the language server', () => {
  let scratch: ReturnType<typeof scratchDirectory>;
  before(() => {
    scratch = scratchDirectory();
  });
  after(() => scratch.remove());

  for (const hostile of HOSTILE_CASES.filter((candidate) => ALL || !candidate.cliOnly)) {
    test(hostile.name, async (t) => {
      // The editor decodes the file as UTF-8 (the default): bytes that are not UTF-8 arrive as U+FFFD.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(hostile.bytes());
      const peakFile = join(scratch.dir, `${hostile.name}.peak`);
      const { serverMs, peakMb } = hostile.budget;
      const client = await startMeasuredServer(peakFile);
      let publishMs = 0;
      try {
        const uri = `file:///hostile/${hostile.name}`;
        const started = performance.now();
        const published = client.nextDiagnostics(uri, { version: 1, timeoutMs: serverMs * 2 });
        client.sendOpen(uri, 'subscriber-csv', text);
        // A hover sent right behind the file is answered while the file is checked.
        const duringCheck = await client.hover(uri, { line: 0, character: 1 });
        const hoverMs = performance.now() - started;
        const { diagnostics } = await published;
        publishMs = performance.now() - started;
        t.diagnostic(`first hover answered after ${hoverMs.toFixed(0)} ms`);

        assertPublishedCodes(
          hostile,
          diagnostics.map((diagnostic) => String(diagnostic.code)),
        );
        if (hostile.ranges && diagnostics.length <= PUBLISHED_LIMIT) {
          assert.deepEqual(diagnostics.slice(0, hostile.ranges.length).map(rangeOf), hostile.ranges);
        }
        // After the check the server still answers: on this file, and on a well-formed one.
        assert.deepEqual(await client.hover(uri, { line: 0, character: 1 }), duringCheck);
        const alive = 'file:///hostile/alive.subscribers.csv';
        await client.open(alive, 'subscriber-csv', 'Type,LastName\nUser,Lee\n');
        assert.match(hoverText(await client.hover(alive, { line: 0, character: 1 })), /\*\*Type\*\*/);
        assert.deepEqual(client.serverErrors(), [], 'the server logged errors');
      } finally {
        assert.equal(await client.stop(), 0, 'the server exits cleanly');
      }
      const peak = readPeakMb(peakFile);
      t.diagnostic(describeMeasurement('server', publishMs, peak, { ms: serverMs, mb: peakMb }));
      assert.ok(publishMs <= serverMs, `diagnostics took ${publishMs.toFixed(0)} ms, budget ${serverMs}`);
      assert.ok(peak !== undefined && peak <= peakMb, `peak memory ${peak?.toFixed(0)} MB, budget ${peakMb}`);
    });
  }
});
