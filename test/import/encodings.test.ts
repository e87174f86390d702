/**
 * Files as Excel saves them, imported with `subscriber-csv import` against the real sandbox: Windows-1252 and UTF-16
 * (both byte orders) are read in their encoding, checked, and uploaded as UTF-8, so that "Müller" and "O’Brien"
 * arrive as written. The sandbox reads the upload as strict UTF-8 (it refuses anything else), and the rows are read
 * back from its database.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as iconv from 'iconv-lite';
import { runImport } from '../../cli/src/importCommand';
import { HEADER, startTestSandbox, type TestSandbox } from './helpers/sandbox';

let sandbox: TestSandbox;
let dir: string;

before(async () => {
  sandbox = await startTestSandbox();
  dir = mkdtempSync(join(tmpdir(), 'subscriber-import-encodings-'));
});
after(async () => {
  await sandbox.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Two rows with letters outside ASCII, on extensions of their own. */
function rows(first: number): string {
  return [
    HEADER,
    `User,Jürgen,Müller,jurgen${first}@example.com,${first},1,-1,,,,n`,
    `User,Zoë,O’Brien,zoe${first}@example.com,${first + 1},1,-1,,,,n`,
    '',
  ].join('\r\n');
}

const ENCODED: readonly [string, number, (text: string) => Buffer][] = [
  ['windows-1252', 610, (text) => iconv.encode(text, 'windows-1252')],
  ['utf-16le', 620, (text) => iconv.encode(text, 'utf-16le', { addBOM: true })],
  ['utf-16be', 630, (text) => iconv.encode(text, 'utf-16be', { addBOM: true })],
];

for (const [encoding, first, encode] of ENCODED) {
  test(`a ${encoding} file is imported with its names as written, sent as UTF-8`, async () => {
    const name = `${encoding}.csv`;
    writeFileSync(join(dir, name), encode(rows(first)));
    const sent: Buffer[] = [];
    let stdout = '';
    let stderr = '';
    const code = await runImport([name, '--endpoint', sandbox.sandbox.endpoint, '--yes'], {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd: dir,
      env: { SUBSCRIBER_CSV_TOKEN: sandbox.sandbox.token },
      fetch: async (input, init) => {
        if (init?.method === 'POST' && init.body instanceof FormData) {
          const file = init.body.get('file');
          if (file instanceof Blob) sent.push(Buffer.from(await file.arrayBuffer()));
        }
        return fetch(input, init);
      },
    });
    assert.equal(code, 0, `${stdout}${stderr}`);
    // The CLI prints the file's warnings before it imports, as the editor shows them: here the encoding's.
    const [warning, imported, ...rest] = stdout.split('\n');
    assert.match(warning, new RegExp(`^${name}:1:1: warning file-encoding `));
    assert.match(imported, /^Imported [\w-]+\.csv to 127\.0\.0\.1:\d+: 2 created, 0 updated, 0 failed\.$/);
    assert.deepEqual(rest, ['']);
    assert.equal(sent.length, 1);
    assert.ok(sent[0].equals(Buffer.from(rows(first), 'utf8')), 'the upload is the text as UTF-8, without a mark');
    assert.deepEqual(
      [String(first), String(first + 1)].map((extension) => {
        const stored = sandbox.sandbox.db.findByExtension(extension);
        return `${stored?.firstName} ${stored?.lastName}`;
      }),
      ['Jürgen Müller', 'Zoë O’Brien'],
    );
  });
}
