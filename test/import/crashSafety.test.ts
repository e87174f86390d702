/**
 * The sandbox's database is as safe as SQLite itself. Against the real sandbox process and a real SQLite file:
 * `kill -9` at random moments of a large import (while it is judged, while its rows are written, while it
 * commits), then a restart: the real `sqlite3` shell finds the file intact and the import wholly there or wholly
 * absent, and the sandbox still writes. The `sqlite3` shell reading the file while an import is written changes
 * nothing. A client whose import was cut by a kill retries with its key and imports exactly once.
 */
import * as assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { createRandom } from '../../bench/generate';
import { uploadImport } from '../../common/importClient';
import { HEADER } from './helpers/sandbox';
import { fixedTokens, startSandboxProcess, type SandboxProcess } from './helpers/sandboxProcess';
import { requireSqliteShell, sqlite } from './helpers/sqliteShell';

/** Large enough that judging and writing take a while on a loaded machine, small enough for a few rounds. */
const ROWS = 20_000;
const KILLS = 6;

const dir = mkdtempSync(join(tmpdir(), 'subscriber-crash-'));
const dbPath = join(dir, 'sandbox.sqlite');
const tokens = fixedTokens();
let sandbox: SandboxProcess;

before(async () => {
  requireSqliteShell();
  sandbox = await startSandboxProcess({ dbPath, tokens, maxBytes: 64 * 1024 * 1024 });
});
after(async () => {
  await sandbox?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** ROWS users whose extensions start at `base`: each round imports its own range. */
function fileFrom(base: number): string {
  const rows = Array.from({ length: ROWS }, (_, i) => `User,Kim,R${base}x${i},,${base + i},1,-1,,,,n`);
  return [HEADER, ...rows, ''].join('\n');
}

/** Posts the file with plain fetch (no retries): its status, or the network error a kill causes. */
async function post(text: string, key: string): Promise<number | 'network'> {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'large.csv');
  try {
    const response = await fetch(`${sandbox.endpoint}/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.token}`, 'Idempotency-Key': key },
      body: form,
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 'network';
  }
}

async function restart(): Promise<void> {
  sandbox = await startSandboxProcess({ dbPath, tokens, port: sandbox.port, maxBytes: 64 * 1024 * 1024 });
}

async function storedIn(base: number): Promise<number> {
  return Number(
    await sqlite(
      dbPath,
      `SELECT count(*) FROM subscribers WHERE CAST(extension AS INTEGER) BETWEEN ${base} AND ${base + ROWS - 1}`,
    ),
  );
}

async function importsWithKey(key: string): Promise<number> {
  return Number(await sqlite(dbPath, `SELECT count(*) FROM imports WHERE idempotency_key = '${key}'`));
}

/**
 * The state of the database's files (the file, its write-ahead log or rollback journal): it changes when an
 * import's pages are written, not while the import is judged or read.
 */
function filesState(): string {
  return ['', '-wal', '-journal']
    .map((suffix) => {
      try {
        const stat = statSync(`${dbPath}${suffix}`);
        return `${stat.size}@${stat.mtimeMs}`;
      } catch {
        return '-';
      }
    })
    .join(' ');
}

function writingSince(state: string): () => boolean {
  return () => filesState() !== state;
}

async function waitUntil(condition: () => boolean, limitMs: number): Promise<void> {
  const end = performance.now() + limitMs;
  while (!condition() && performance.now() < end) await sleep(2);
}

async function assertIntactAndWritable(): Promise<void> {
  assert.equal(await sqlite(dbPath, 'PRAGMA integrity_check'), 'ok');
  const tenant = await fetch(`${sandbox.endpoint}/tenant`, { headers: { Authorization: `Bearer ${sandbox.token}` } });
  assert.equal(tenant.status, 200);
  await tenant.arrayBuffer();
}

test(`kill -9 at ${KILLS} random moments of a ${ROWS}-row import: the file is intact and the import all or nothing`, async (t) => {
  const random = createRandom(9);
  // How long an import takes here, now: the kills are spread over it.
  const calibrationStart = performance.now();
  assert.equal(await post(fileFrom(100_000), 'calibration'), 200);
  const importMs = performance.now() - calibrationStart;
  assert.equal(await storedIn(100_000), ROWS);

  const landed = { absent: 0, whole: 0 };
  for (let round = 0; round < KILLS; round++) {
    const base = 200_000 + round * 100_000;
    const key = `crash-round-${round}`;
    const writing = writingSince(filesState());
    const started = performance.now();
    const upload = post(fileFrom(base), key);
    // Even rounds: a random moment of the whole import. Odd rounds: a random moment once its pages are being
    // written (the files have changed), which is where a crash can tear a file.
    if (round % 2 === 0) await sleep(random() * importMs * 1.1);
    else {
      await waitUntil(writing, importMs * 3);
      await sleep(random() * 50);
    }
    const killedAfterMs = Math.round(performance.now() - started);
    await sandbox.kill9();
    const answered = await upload;
    await restart();

    await assertIntactAndWritable();
    const stored = await storedIn(base);
    const recorded = await importsWithKey(key);
    const what = `round ${round}: killed after ${killedAfterMs} ms (import ≈ ${Math.round(importMs)} ms), answer ${answered}`;
    assert.ok(
      (stored === 0 && recorded === 0) || (stored === ROWS && recorded === 1),
      `${what}: ${stored} of ${ROWS} rows and ${recorded} import records`,
    );
    if (answered === 200) assert.equal(stored, ROWS, `${what}: an answered import is there`);
    landed[stored === 0 ? 'absent' : 'whole']++;
    t.diagnostic(`${what}: ${stored === 0 ? 'wholly absent' : 'wholly there'}`);
  }
  t.diagnostic(`${KILLS} kills survived: ${landed.absent} imports wholly absent, ${landed.whole} wholly there`);

  // The sandbox still writes after all that: the first round's file imports now, once.
  assert.equal(await post(fileFrom(200_000), 'after-the-kills'), 200);
  assert.equal(await storedIn(200_000), ROWS);
  await assertIntactAndWritable();
});

test('the sqlite3 shell reading the file during an import changes nothing', async () => {
  const count = async () => Number(await sqlite(dbPath, 'SELECT count(*) FROM subscribers'));
  const before = await count();
  const base = 900_000;
  let settled = false;
  const upload = post(fileFrom(base), 'shell-reads').finally(() => {
    settled = true;
  });
  const seen: number[] = [];
  // As a person would, while the import runs: list the tables, count the rows (at most 60 reads).
  while (!settled && seen.length < 60) {
    assert.match(await sqlite(dbPath, '.tables'), /subscribers/);
    seen.push(await count());
  }
  assert.equal(await upload, 200);
  assert.ok(seen.length > 0, 'the shell read the file while the import ran');
  for (const value of seen) assert.ok(value === before || value === before + ROWS, `the shell saw ${value} rows`);

  assert.equal(await count(), before + ROWS);
  assert.equal(await storedIn(base), ROWS);
  await assertIntactAndWritable();
  // Writes go on, and a restart finds everything.
  assert.equal(await post([HEADER, 'User,Lou,Reed,,990001,1,-1,,,,n', ''].join('\n'), 'shell-reads-after'), 200);
  await sandbox.stop();
  await restart();
  assert.equal(await count(), before + ROWS + 1);
  await assertIntactAndWritable();
});

test('a client whose import a kill -9 cut retries with its key and imports exactly once', async (t) => {
  const watcher = new Database(dbPath, { readonly: true });
  t.after(() => watcher.close());
  const committed = (key: string) =>
    watcher.prepare('SELECT count(*) FROM imports WHERE idempotency_key = ?').pluck().get(key) === 1;
  const cases: { name: string; base: number; killWhen: (key: string) => () => boolean }[] = [
    { name: 'while its rows are written', base: 1_000_000, killWhen: () => writingSince(filesState()) },
    { name: 'once it committed, before the answer arrives', base: 1_100_000, killWhen: (key) => () => committed(key) },
  ];
  for (const { name, base, killWhen } of cases) {
    const idempotencyKey = randomUUID();
    const condition = killWhen(idempotencyKey);
    const upload = uploadImport(sandbox.endpoint, sandbox.token, fileFrom(base), 'large.csv', {
      idempotencyKey,
      // Enough retries to outlast a restart on a loaded machine (about a minute).
      retries: 30,
      baseDelayMs: 200,
      maxDelayMs: 2000,
      timeoutMs: 120_000,
    });
    await waitUntil(condition, 120_000);
    await sandbox.kill9();
    await restart();
    const result = await upload;
    assert.ok(result.ok, `${name}: ${JSON.stringify(result).slice(0, 300)}`);
    assert.ok(result.attempts >= 2, `${name}: the kill cut the first attempt`);
    assert.equal(result.created, ROWS, name);
    assert.equal(await storedIn(base), ROWS, `${name}: every row once`);
    assert.equal(await importsWithKey(idempotencyKey), 1, `${name}: one import`);
    t.diagnostic(`${name}: ${result.attempts} attempts, replayed: ${result.replayed}`);
  }
  await assertIntactAndWritable();
});
