/**
 * `subscriber-csv import --dry-run`: what the import would do, in check's three formats (text, JSON, SARIF), with
 * the endpoint's refusals on their cells; it needs no --yes and no terminal, and writes nothing on the sandbox.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runImport } from '../../cli/src/importCommand';
import { CLEAN_FILE, HEADER, PINS, findLeak, startTestSandbox, type TestSandbox } from './helpers/sandbox';

let test_: TestSandbox;
let dir: string;
const printed: string[] = [];

before(async () => {
  test_ = await startTestSandbox();
  dir = mkdtempSync(join(tmpdir(), 'subscriber-dry-run-'));
  writeFileSync(join(dir, 'clean.csv'), CLEAN_FILE);
  writeFileSync(
    join(dir, 'mixed.csv'),
    [
      'Type,FirstName,LastName,Email,Extension,CallProfile,Language,PIN',
      `User,Ann,Lee,ann@example.com,261,1,fr,${PINS[0]}`,
      'User,Bo,Tan,bo@example.com,262,99,en,',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'errors.csv'), [HEADER, 'User,Cy,,cy@example.com,263,1,-1,,,,n', ''].join('\n'));
});
after(async () => {
  await test_.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Tenant data from before call profile 99 was retired: the file looks clean here, and the endpoint refuses row 3. */
const staleTenant: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if ((init?.method ?? 'GET') !== 'GET') return response;
  const tenant = (await response.json()) as { callProfiles: { id: string; name: string }[] };
  tenant.callProfiles.push({ id: '99', name: 'Retired' });
  return Response.json(tenant);
};

async function dryRun(file: string, ...extra: string[]) {
  let stdout = '';
  let stderr = '';
  const before = { subscribers: test_.sandbox.db.countSubscribers(), imports: test_.sandbox.db.countImports() };
  const code = await runImport([file, '--endpoint', test_.sandbox.endpoint, '--dry-run', ...extra], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: dir,
    env: { SUBSCRIBER_CSV_TOKEN: test_.sandbox.token },
    fetch: staleTenant,
    interactive: false,
  });
  printed.push(stdout, stderr);
  assert.deepEqual(
    { subscribers: test_.sandbox.db.countSubscribers(), imports: test_.sandbox.db.countImports() },
    before,
    'a dry run writes nothing',
  );
  return { code, stdout, stderr };
}

test('text: the warnings and the refused rows as check prints them, then the preview; exit 1 when a row would fail', async () => {
  const run = await dryRun('mixed.csv');
  assert.equal(run.code, 1, run.stderr);
  const host = new URL(test_.sandbox.endpoint).host;
  const lines = run.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^mixed\.csv:2:36: warning unlisted-choice .*"fr"/);
  assert.deepEqual(lines.slice(1), [
    "mixed.csv:3:32: error import-failed CallProfile: This tenant's data lists no call permission group with ID 99. Known: 1 (Local only), 2 (National), 3 (International).",
    '1 error, 1 warning in 1 file',
    `Preview of mixed.csv on ${host}: 1 to be created, 0 to be updated, 0 unchanged, 1 to fail. Nothing was imported.`,
  ]);
});

test("json: check's report with the preview beside the diagnostics, every row", async () => {
  const run = await dryRun('mixed.csv', '--format', 'json');
  assert.equal(run.code, 1, run.stderr);
  const report = JSON.parse(run.stdout) as {
    files: {
      path: string;
      diagnostics: { code: string; line: number; column: string | null; range: unknown; severity: string }[];
      preview: Record<string, unknown>;
    }[];
  };
  assert.equal(report.files.length, 1);
  const [file] = report.files;
  assert.equal(file.path, 'mixed.csv');
  const refused = file.diagnostics.find((d) => d.code === 'import-failed');
  assert.deepEqual(refused && { ...refused, message: undefined }, {
    line: 3,
    column: 'CallProfile',
    range: { start: { line: 2, character: 31 }, end: { line: 2, character: 33 } },
    severity: 'error',
    code: 'import-failed',
    message: undefined,
  });
  assert.deepEqual(
    { ...file.preview, rows: undefined },
    {
      endpoint: new URL(test_.sandbox.endpoint).host,
      outcome: 'import',
      created: 1,
      updated: 0,
      unchanged: 0,
      failed: 1,
      rows: undefined,
    },
  );
  assert.deepEqual(
    (file.preview.rows as { line: number; status: string; extension: string }[]).map(
      (row) => `${row.line}:${row.extension}:${row.status}`,
    ),
    ['2:261:created', '3:262:failed'],
  );
});

test("sarif: the refused row is a result on its cell, the preview is in the run's properties", async () => {
  const run = await dryRun('mixed.csv', '--format', 'sarif');
  assert.equal(run.code, 1, run.stderr);
  const log = JSON.parse(run.stdout) as {
    version: string;
    runs: {
      results: {
        ruleId: string;
        level: string;
        locations: { physicalLocation: { region: Record<string, number> } }[];
      }[];
      properties: { preview: { outcome: string; created: number; failed: number } };
    }[];
  };
  assert.equal(log.version, '2.1.0');
  const [sarifRun] = log.runs;
  const refused = sarifRun.results.find((result) => result.ruleId === 'import-failed');
  assert.equal(refused?.level, 'error');
  assert.deepEqual(refused?.locations[0].physicalLocation.region, {
    startLine: 3,
    startColumn: 32,
    endLine: 3,
    endColumn: 34,
  });
  assert.equal(sarifRun.results.length, 2, 'the warning and the refusal');
  assert.deepEqual(
    {
      outcome: sarifRun.properties.preview.outcome,
      created: sarifRun.properties.preview.created,
      failed: sarifRun.properties.preview.failed,
    },
    { outcome: 'import', created: 1, failed: 1 },
  );
});

test('a clean file: exit 0 in every format', async () => {
  const text = await dryRun('clean.csv');
  assert.equal(text.code, 0, text.stderr);
  assert.match(
    text.stdout,
    /^0 errors, 0 warnings in 1 file\nPreview of clean\.csv on \S+: 3 to be created, 0 to be updated, 0 unchanged, 0 to fail\. Nothing was imported\.\n$/,
  );
  for (const format of ['json', 'sarif']) assert.equal((await dryRun('clean.csv', '--format', format)).code, 0, format);
});

test('a file with errors: refused before sending, in the format asked, exit 1', async () => {
  const run = await dryRun('errors.csv', '--format', 'json');
  assert.equal(run.code, 1);
  const report = JSON.parse(run.stdout) as {
    files: { diagnostics: { code: string }[]; preview: { outcome: string } }[];
  };
  assert.deepEqual(
    report.files[0].diagnostics.map((d) => d.code),
    ['required-value'],
  );
  assert.equal(report.files[0].preview.outcome, 'refusedBeforeSending');
  const text = await dryRun('errors.csv');
  assert.match(
    text.stdout,
    /Preview of errors\.csv: the import would be refused before sending \(1 error; see "subscriber-csv check"\)\. Nothing was sent\.\n$/,
  );
});

test('nothing printed holds the token or a PIN', () => {
  assert.equal(findLeak(printed, [...Object.values(test_.sandbox.tokens), ...PINS]), undefined);
});
