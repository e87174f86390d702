/**
 * The server never goes down: malformed files (an unterminated quote, binary garbage, nothing at all) become
 * diagnostics, requests for documents it does not know get empty answers, and afterwards it still answers,
 * logs no errors, and shuts down cleanly.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COLUMNS } from '@subscriber-csv/language-service';
import { codesAndRanges, completionItems, expected, hoverText, lines, LspClient, range } from './helpers/lspClient';

/** Looks like a zip file opened as text: control characters, replacement characters, a lone surrogate, quotes. */
const BINARY_GARBAGE =
  '\u0000\u0001\u0002PK\u0003\u0004\u0014\u0000\u0006\u0000\ufffd\ufffd"\u0007,\r' +
  '\u001b[0m\ud800\n' +
  '\u00ff\u00fe,,,"';

describe('robustness', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { subscriberCsv: {} } });
  });
  after(async () => {
    await client.stop();
  });

  /** The server still answers: a hover on a well-formed document's header. */
  async function assertStillAnswers() {
    const uri = 'file:///work/alive.subscribers.csv';
    if (!client.publishesFor(uri).length) await client.open(uri, 'subscriber-csv', lines('Type,LastName', 'User,Lee'));
    assert.ok(hoverText(await client.hover(uri, { line: 0, character: 1 })).includes('**Type**'));
  }

  test('an unterminated quote: one diagnostic from the quote to the end of its line', async () => {
    const uri = 'file:///work/quote.subscribers.csv';
    const published = await client.open(uri, 'subscriber-csv', lines('Type,LastName,VM', 'User,"Lee,y', 'User,Kim,n'));
    assert.deepEqual(codesAndRanges(published.diagnostics), [expected('unterminated-quote', 1, 5, 1, 11)]);
    assert.equal(hoverText(await client.hover(uri, { line: 2, character: 6 })), '');
    assert.ok(Array.isArray(await client.completion(uri, { line: 2, character: 9 })));
    await assertStillAnswers();
  });

  test('binary garbage: diagnostics, not a crash', async () => {
    const uri = 'file:///work/garbage.subscribers.csv';
    const published = await client.open(uri, 'subscriber-csv', BINARY_GARBAGE);
    assert.deepEqual(codesAndRanges(published.diagnostics), [
      expected('missing-header', 0, 0, 0, 16),
      expected('nul-character', 0, 0, 0, 1),
      expected('replacement-character', 0, 11, 0, 12),
      expected('unterminated-quote', 2, 5, 2, 6),
    ]);
    for (const line of [0, 1, 2]) {
      await client.hover(uri, { line, character: 3 });
      await client.completion(uri, { line, character: 3 });
    }
    await client.codeActions(uri, range(0, 0, 2, 6), published.diagnostics);
    await assertStillAnswers();
  });

  test('an empty file, and one holding only a byte order mark: empty-file', async () => {
    const empty = await client.open('file:///work/empty.subscribers.csv', 'subscriber-csv', '');
    assert.deepEqual(codesAndRanges(empty.diagnostics), [expected('empty-file', 0, 0, 0, 0)]);
    const bom = await client.open('file:///work/bom.subscribers.csv', 'subscriber-csv', '\ufeff');
    assert.deepEqual(codesAndRanges(bom.diagnostics), [expected('empty-file', 0, 0, 0, 1)]);
    // An empty file is all header to be: the whole header, then every column, is offered.
    const offered = completionItems(
      await client.completion('file:///work/empty.subscribers.csv', range(0, 0, 0, 0).start),
    );
    assert.equal(offered.length, 2 + COLUMNS.length);
    await assertStillAnswers();
  });

  test('editing a file into garbage and back', async () => {
    const uri = 'file:///work/mangled.subscribers.csv';
    const clean = lines('Type,LastName', 'User,Lee');
    await client.open(uri, 'subscriber-csv', clean);
    const mangled = await client.change(uri, { text: BINARY_GARBAGE });
    assert.notDeepEqual(mangled.diagnostics, []);
    const restored = await client.change(uri, { range: range(0, 0, 2, 6), text: clean });
    assert.equal(client.document(uri).getText(), clean);
    assert.deepEqual(restored.diagnostics, []);
  });

  test('requests for an unknown document get empty answers', async () => {
    const uri = 'file:///work/never-opened.subscribers.csv';
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
    assert.deepEqual(await client.completion(uri, { line: 0, character: 0 }), []);
    assert.deepEqual(await client.codeActions(uri, range(0, 0, 0, 4), []), []);
    assert.equal(await client.hover('not a uri', { line: 0, character: 0 }), null);
    await assertStillAnswers();
  });

  test('positions past the end of a document get answers, not errors', async () => {
    const uri = 'file:///work/short.subscribers.csv';
    await client.open(uri, 'subscriber-csv', lines('Type,LastName', 'User,Lee'));
    await client.hover(uri, { line: 99, character: 99 });
    await client.completion(uri, { line: 99, character: 0 });
    await client.hover(uri, { line: 0, character: 999 });
    await assertStillAnswers();
  });

  test('a large file is validated within the timeout', async (t) => {
    const rows = Array.from({ length: 5000 }, (_, index) => `User,Name${index},${1000 + index},y`);
    const started = Date.now();
    const published = await client.open(
      'file:///work/large.subscribers.csv',
      'subscriber-csv',
      lines('Type,LastName,Extension,VM', ...rows),
    );
    t.diagnostic(`5,000 rows opened and validated in ${Date.now() - started} ms`);
    assert.deepEqual(published.diagnostics, []);
  });

  test('after all of it: no errors logged, and a clean exit on shutdown', async () => {
    await assertStillAnswers();
    assert.deepEqual(client.serverErrors(), []);
    assert.equal(await client.stop(), 0, 'exit code after shutdown and exit');
  });
});
