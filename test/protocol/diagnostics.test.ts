/**
 * Diagnostics pushed by the server when documents open and close: exact codes and ranges (in UTF-16 characters),
 * which CSV files are served at all, and the clearing publish on close.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CATALOG, DIAGNOSTIC_SOURCE, type DiagnosticCode } from '@subscriber-csv/language-service';
import { codesAndRanges, expected, lines, LspClient, range, SERVER_PATH } from './helpers/lspClient';

/** The catalog that ships beside the server (dist/server.js → docs/diagnostics.md), which each code links to. */
const CATALOG_FILE = join(dirname(SERVER_PATH), '..', 'docs', 'diagnostics.md');

/** The link to a code's heading in that file: its file URI and the heading's 1-based line. */
function catalogLink(code: string): string {
  const line = readFileSync(CATALOG_FILE, 'utf8').split('\n').indexOf(`## ${code}`) + 1;
  assert.ok(line > 0, `docs/diagnostics.md has no heading for ${code}`);
  return `${pathToFileURL(CATALOG_FILE).href}#L${line}`;
}

/** Row 1 has an emoji (two UTF-16 units) and an accented letter before the cells that are wrong. */
const SUBSCRIBERS = lines(
  'Type,FirstName,LastName,Email,Extension,VM',
  'User,Zo\u00eb \u{1F600},Lee,zoe@example.com,101,Yes',
  'user,Ann,,ann@example,101,n',
  'Location,,Lobby',
);

const SUBSCRIBER_DIAGNOSTICS = [
  expected('duplicate-extension', 1, 32, 1, 35),
  expected('not-yes-no', 1, 36, 1, 39),
  expected('value-case', 2, 0, 2, 4),
  expected('required-value', 2, 9, 2, 9),
  expected('invalid-email', 2, 10, 2, 21),
  expected('duplicate-extension', 2, 22, 2, 25),
  expected('too-few-fields', 3, 0, 3, 15),
];

describe('diagnostics on open and close', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { subscriberCsv: {} } });
  });
  after(async () => {
    await client.stop();
  });

  test('a subscriber-csv document gets exact codes and ranges', async () => {
    const published = await client.open('file:///work/team.subscribers.csv', 'subscriber-csv', SUBSCRIBERS);
    assert.equal(published.version, 1);
    assert.deepEqual(codesAndRanges(published.diagnostics), SUBSCRIBER_DIAGNOSTICS);
    for (const diagnostic of published.diagnostics) {
      const code = diagnostic.code as DiagnosticCode;
      assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
      assert.equal(diagnostic.severity, CATALOG[code].severity, code);
      assert.deepEqual(diagnostic.codeDescription, { href: catalogLink(code) });
      assert.notEqual(diagnostic.message, '');
    }
  });

  test('a plain csv document with a subscriber header gets the same diagnostics', async () => {
    const published = await client.open('file:///work/team.csv', 'csv', SUBSCRIBERS);
    assert.deepEqual(codesAndRanges(published.diagnostics), SUBSCRIBER_DIAGNOSTICS);
  });

  test('a plain csv document with header sku,qty,price gets empty diagnostics', async () => {
    const published = await client.open('file:///work/prices.csv', 'csv', lines('sku,qty,price', 'A-1,2,9.99', ''));
    assert.equal(published.version, 1);
    assert.deepEqual(published.diagnostics, []);
  });

  test('a csv document named *.subscribers.csv is served even when its header names no column', async () => {
    const published = await client.open('file:///work/broken.subscribers.csv', 'csv', 'User,Ann,Lee');
    assert.deepEqual(codesAndRanges(published.diagnostics), [expected('missing-header', 0, 0, 0, 12)]);
  });

  test('a clean subscriber document gets empty diagnostics', async () => {
    const published = await client.open(
      'file:///work/clean.subscribers.csv',
      'subscriber-csv',
      lines('Type,FirstName,LastName,Email,Extension,VM', 'User,Ann,Lee,ann@example.com,101,y', ''),
    );
    assert.deepEqual(published.diagnostics, []);
  });

  test('closing a document publishes empty diagnostics for it', async () => {
    const uri = 'file:///work/closing.subscribers.csv';
    const opened = await client.open(uri, 'subscriber-csv', SUBSCRIBERS);
    assert.notEqual(opened.diagnostics.length, 0);
    const cleared = await client.close(uri);
    assert.deepEqual(cleared, { uri, diagnostics: [] });
  });

  test('an opened document is validated at once, not after the typing delay', async (t) => {
    // A document edited just before another opens: its validation waits for typing to pause, the open's does not.
    // The open's validation starts by asking for configuration; holding the answer shows when it started,
    // without depending on how long the validation itself takes.
    const typing = 'file:///work/typing.subscribers.csv';
    await client.open(typing, 'subscriber-csv', lines('Type,LastName', 'User,Lee'));
    const order: string[] = [];
    const release = client.holdConfiguration();
    const asked = client.nextConfigurationRequest().then(() => order.push('open started validating'));
    const typed = client
      .change(typing, { range: range(1, 8, 1, 8), text: 'x' })
      .then(() => order.push('edit published'));
    const startedAt = Date.now();
    const opened = client.open(
      'file:///work/opened.subscribers.csv',
      'subscriber-csv',
      lines('Type,LastName', 'User,Kim'),
    );
    await asked;
    t.diagnostic(`the open's validation started after ${Date.now() - startedAt} ms`);
    release();
    await Promise.all([typed, opened]);
    assert.deepEqual(order, ['open started validating', 'edit published']);
  });
});
