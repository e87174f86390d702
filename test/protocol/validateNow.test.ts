/**
 * `subscriberCsv/validateNow`, the import's "validate this exact version": the server validates the version it has,
 * publishes it, and answers with the counts, and with the diagnostics it published when asked (the client decides
 * the import on exactly those). Sent right after an edit, it answers for the edited version.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ValidateNowRequest, type ValidateNowResult } from '../../common/protocol';
import { codesAndRanges, expected, lines, LspClient } from './helpers/lspClient';

const FILE = lines('Type,LastName,Extension,VM', 'User,Lee,100,Yes', 'Location,Desk,101,n', 'Robot,Kim,102,n');

describe('validateNow', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { subscriberCsv: {} } });
  });
  after(async () => {
    await client.stop();
  });

  const ask = (uri: string, version: number, withDiagnostics?: boolean) =>
    client.request<ValidateNowResult | null>(ValidateNowRequest.method, { uri, version, withDiagnostics });

  test('answers with the counts, and with exactly the diagnostics it publishes when asked', async () => {
    const uri = 'file:///work/verdict.subscribers.csv';
    const opened = await client.open(uri, 'subscriber-csv', FILE);
    const published = client.nextDiagnostics(uri, { version: 1 });
    const verdict = await ask(uri, 1, true);
    assert.ok(verdict);
    assert.deepEqual(verdict.diagnostics, (await published).diagnostics);
    assert.deepEqual(verdict.diagnostics, opened.diagnostics);
    const { diagnostics, ...counts } = verdict;
    assert.deepEqual(counts, {
      version: 1,
      isSubscriberFile: true,
      errors: 2,
      warnings: 0,
      publishedErrors: 2,
      publishedWarnings: 0,
      users: 1,
      locations: 1,
      otherRows: 1,
      secretValues: [],
    });
    assert.deepEqual(codesAndRanges(diagnostics ?? []), [
      expected('not-yes-no', 1, 13, 1, 16),
      expected('invalid-choice', 3, 0, 3, 5),
    ]);
    assert.equal('diagnostics' in ((await ask(uri, 1)) ?? {}), false, 'without asking, counts only');
  });

  test('sent right after an edit, it answers for the edited version', async () => {
    const uri = 'file:///work/edited.subscribers.csv';
    await client.open(uri, 'subscriber-csv', FILE);
    const version = client.sendChange(uri, {
      range: { start: { line: 1, character: 13 }, end: { line: 1, character: 16 } },
      text: 'y',
    });
    const verdict = await ask(uri, version, true);
    assert.equal(verdict?.version, version);
    assert.deepEqual(codesAndRanges(verdict?.diagnostics ?? []), [expected('invalid-choice', 3, 0, 3, 5)]);
  });

  test('a document the server does not have: null', async () => {
    assert.equal(await ask('file:///work/never-opened.csv', 1, true), null);
  });
});
