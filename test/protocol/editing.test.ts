/**
 * Diagnostics follow incremental edits (`textDocument/didChange` with ranges and version bumps), and only the
 * latest version's result is ever the final word: a burst of edits, or an edit made while the server is still
 * validating, never leaves a stale publish behind.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { codesAndRanges, expected, lines, LspClient, range } from './helpers/lspClient';

describe('diagnostics follow edits', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { subscriberCsv: {} } });
  });
  after(async () => {
    await client.stop();
  });

  test('a range edit introduces an error and a second one fixes it', async () => {
    const uri = 'file:///work/edit.subscribers.csv';
    const opened = await client.open(uri, 'subscriber-csv', lines('Type,LastName,VM', 'User,Lee,y'));
    assert.deepEqual(opened.diagnostics, []);

    const broken = await client.change(uri, { range: range(1, 9, 1, 10), text: 'Yes' });
    assert.equal(broken.version, 2);
    assert.deepEqual(codesAndRanges(broken.diagnostics), [expected('not-yes-no', 1, 9, 1, 12)]);

    const fixed = await client.change(uri, { range: range(1, 9, 1, 12), text: 'n' });
    assert.equal(fixed.version, 3);
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(client.document(uri).getText(), lines('Type,LastName,VM', 'User,Lee,n'));
  });

  test('several changes in one notification apply in order', async () => {
    const uri = 'file:///work/multi.subscribers.csv';
    await client.open(uri, 'subscriber-csv', lines('Type,LastName,VM', 'User,Lee,y'));
    const published = await client.change(
      uri,
      { range: range(1, 10, 1, 10), text: '\nLocation,Hall,maybe' },
      { range: range(1, 5, 1, 8), text: '' },
    );
    assert.deepEqual(codesAndRanges(published.diagnostics), [
      expected('required-value', 1, 5, 1, 5),
      expected('not-yes-no', 2, 14, 2, 19),
    ]);
  });

  test('edits that join and split CRLF lines keep ranges right', async () => {
    const uri = 'file:///work/crlf.subscribers.csv';
    const text = 'Type,LastName,VM\r\nUser,Lee,Yes\r\nUser,"Kim, Jr.",Y\r\n';
    const opened = await client.open(uri, 'subscriber-csv', text);
    assert.deepEqual(codesAndRanges(opened.diagnostics), [
      expected('not-yes-no', 1, 9, 1, 12),
      expected('value-case', 2, 16, 2, 17),
    ]);
    // Delete the line break between the rows: one long row with too many cells.
    const joined = await client.change(uri, { range: range(1, 12, 2, 0), text: '' });
    assert.deepEqual(codesAndRanges(joined.diagnostics), [
      expected('not-yes-no', 1, 9, 1, 16),
      expected('too-many-fields', 1, 16, 1, 29),
    ]);
    // Put it back: the diagnostics of the original text again.
    const split = await client.change(uri, { range: range(1, 12, 1, 12), text: '\r\n' });
    assert.equal(client.document(uri).getText(), text);
    assert.deepEqual(codesAndRanges(split.diagnostics), codesAndRanges(opened.diagnostics));
  });

  test('many rapid edits: the final publish is the last version’s', async () => {
    const uri = 'file:///work/rapid.subscribers.csv';
    const opened = await client.open(uri, 'subscriber-csv', lines('Type,LastName,Extension', 'User,Lee,1'));
    const afterOpen = client.publishesFor(uri).indexOf(opened) + 1;

    // Type 29 characters at the end of the Extension cell, one edit each; the 11th is a letter, so versions
    // 12 to 30 are wrong. The last edit deletes the letter: only version 31 is clean.
    const burst = Array.from({ length: 29 }, (_, index) => (index === 10 ? 'x' : String(index % 10)));
    burst.forEach((char, index) => client.sendChange(uri, { range: range(1, 10 + index, 1, 10 + index), text: char }));
    const last = client.document(uri).version + 1;
    const final = client.nextDiagnostics(uri, { version: last });
    client.sendChange(uri, { range: range(1, 20, 1, 21), text: '' });
    assert.equal((await final).version, 31);
    assert.deepEqual((await final).diagnostics, []);

    // One more edit, awaited: anything stale would have arrived between the two.
    const fence = await client.change(uri, { range: range(1, 9, 1, 10), text: 'x' });
    assert.deepEqual(codesAndRanges(fence.diagnostics), [expected('not-digits', 1, 9, 1, 38)]);
    const versions = client
      .publishesFor(uri)
      .slice(afterOpen)
      .map((params) => params.version);
    // The edits arrive within a few milliseconds, well inside the typing delay: one publish for the burst.
    assert.deepEqual(versions, [31, 32]);
  });

  test('an edit made while the server validates drops the older result', async () => {
    const uri = 'file:///work/race.subscribers.csv';
    await client.open(uri, 'subscriber-csv', lines('Type,LastName,VM', 'User,Lee,Yes'));

    // A configuration change makes the server validate again, asking for settings first; hold the answer,
    // edit the document meanwhile, then answer.
    const release = client.holdConfiguration();
    const asked = client.nextConfigurationRequest();
    client.changeSettings({ subscriberCsv: {} });
    await asked;
    const edited = client.change(uri, { range: range(1, 9, 1, 12), text: 'y' });
    const firstPublish = client.nextDiagnostics(uri);
    release();

    const published = await firstPublish;
    assert.equal(published.version, 2, 'the result for version 1 was published after version 2 arrived');
    assert.deepEqual(published.diagnostics, []);
    assert.equal(await edited, published);
  });

  test('a document closed and reopened while validating never gets the old text’s diagnostics', async () => {
    const uri = 'file:///work/reopen.subscribers.csv';
    const release = client.holdConfiguration();
    const asked = client.nextConfigurationRequest();
    client.sendOpen(uri, 'subscriber-csv', lines('Type,LastName,VM', 'User,Lee,Yes'));
    await asked;
    const cleared = client.close(uri);
    const reopened = client.nextDiagnostics(uri, { version: 1 });
    client.sendOpen(uri, 'subscriber-csv', lines('Type,LastName,VM', 'User,Lee,y'));
    release();

    assert.deepEqual((await cleared).diagnostics, []);
    // Same uri, same version 1, different text: the first version-1 publish must be about the new text.
    assert.deepEqual((await reopened).diagnostics, []);
  });
});
