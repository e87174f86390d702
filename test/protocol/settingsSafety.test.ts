/**
 * Settings that cannot hurt: whatever a workspace puts in `subscriberCsv.*` (or a broken endpoint in the tenant
 * data), the server keeps checking files. A value of the wrong type is ignored with one warning that names the
 * setting (never its value), every other setting still applies, and settings are read once per configuration
 * change, not on every request. A pathological glob in `filePatterns` costs linear time, so the server answers
 * within a bound.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { MessageType } from 'vscode-languageserver-protocol';
import { TenantDataNotification } from '../../common/protocol';
import { codesAndRanges, expected, hoverText, lines, LspClient } from './helpers/lspClient';

/** A value no log line may repeat: it stands where a setting of another type was expected. */
const MARK = 'Value-Q7x';

const ROSTER = lines('Type,LastName,Extension,CallProfile', 'User,Lee,100,1', 'User,Kim,101,2');

/** Every setting of the wrong type (or holding entries of the wrong type), beside values that are right. */
const HOSTILE = {
  subscriberCsv: {
    pinNotification: 'email',
    role: [`role-${MARK}`],
    // An object with a `toString` key is what made `String(value)` throw, and the server go silent.
    filePatterns: [{ toString: `pattern-${MARK}` }, '**/*.team.csv'],
    fullCheckLimitMB: `limit-${MARK}`,
    tenant: {
      callProfiles: [{ id: { toString: `id-${MARK}` } }, { id: '1', name: 'Local only' }, `entry-${MARK}`],
      keyProfiles: `lists-${MARK}`,
      extensionsInUse: [{ valueOf: `extension-${MARK}` }, '101'],
    },
  },
};

const IGNORED = [
  'subscriberCsv.role',
  'subscriberCsv.filePatterns',
  'subscriberCsv.fullCheckLimitMB',
  'subscriberCsv.tenant.callProfiles',
  'subscriberCsv.tenant.keyProfiles',
  'subscriberCsv.tenant.extensionsInUse',
];

function warnings(client: LspClient): string[] {
  return client.logs.filter((entry) => entry.type === MessageType.Warning).map((entry) => entry.message);
}

/** How many warnings name each setting. */
function warningsPerSetting(client: LspClient, names: readonly string[]): Record<string, number> {
  const all = warnings(client);
  return Object.fromEntries(
    names.map((name) => [name, all.filter((line) => new RegExp(`${name.replace(/\./g, '\\.')}\\b`).test(line)).length]),
  );
}

describe('settings that cannot hurt', () => {
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  test('a wrong type is ignored with one warning naming the setting, and every other setting still applies', async () => {
    client = await LspClient.start({ settings: HOSTILE });
    const roster = 'file:///work/roster.subscribers.csv';
    const opened = await client.open(roster, 'subscriber-csv', ROSTER);
    assert.deepEqual(codesAndRanges(opened.diagnostics), [
      expected('missing-email-column', 0, 0, 0, 35),
      expected('extension-in-use', 2, 9, 2, 12),
      expected('unknown-id', 2, 13, 2, 14),
    ]);
    // The good pattern still applies: a CSV whose header names no import column is checked by its name.
    const notes = await client.open('file:///work/notes.team.csv', 'csv', lines('Name,Age', 'Lee,40'));
    assert.ok(notes.diagnostics.length > 0, 'the file matched by **/*.team.csv is served');
    const other = await client.open('file:///work/notes.csv', 'csv', lines('Name,Age', 'Lee,40'));
    assert.deepEqual(other.diagnostics, []);

    assert.match(hoverText(await client.hover(roster, { line: 0, character: 1 })), /\*\*Type\*\*/);
    const completion = await client.completion(roster, { line: 1, character: 13 });
    assert.ok(Array.isArray(completion) && completion.some((item) => item.label === '1'), 'call profile 1 offered');
    assert.deepEqual(client.serverErrors(), []);
    assert.deepEqual(warningsPerSetting(client, IGNORED), Object.fromEntries(IGNORED.map((name) => [name, 1])));
    assert.deepEqual(
      warnings(client).filter((line) => line.includes(MARK)),
      [],
      'no warning repeats the value',
    );
  });

  test('settings are read once per configuration change, not on every hover, completion or validation', async () => {
    client = await LspClient.start({ settings: HOSTILE });
    const uri = 'file:///work/once.subscribers.csv';
    await client.open(uri, 'subscriber-csv', ROSTER);
    for (let i = 0; i < 3; i++) {
      await client.hover(uri, { line: 1, character: 1 });
      await client.completion(uri, { line: 1, character: 13 });
      await client.change(uri, {
        range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } },
        text: 'x',
      });
    }
    assert.equal(client.configurationRequests, 1);
    assert.deepEqual(warningsPerSetting(client, IGNORED), Object.fromEntries(IGNORED.map((name) => [name, 1])));

    const revalidated = client.nextDiagnostics(uri);
    client.changeSettings(HOSTILE);
    await revalidated;
    await client.hover(uri, { line: 1, character: 1 });
    assert.equal(client.configurationRequests, 2);
    assert.deepEqual(warningsPerSetting(client, IGNORED), Object.fromEntries(IGNORED.map((name) => [name, 2])));
  });

  test('tenant data of the wrong type is ignored with one warning, and the settings apply in its place', async () => {
    client = await LspClient.start({
      settings: { subscriberCsv: { tenant: { extensionsInUse: ['101'], callProfiles: [{ id: '1' }, { id: '2' }] } } },
    });
    const uri = 'file:///work/tenant.subscribers.csv';
    const opened = await client.open(uri, 'subscriber-csv', ROSTER);
    assert.deepEqual(codesAndRanges(opened.diagnostics), [expected('extension-in-use', 2, 9, 2, 12)]);

    const published = client.nextDiagnostics(uri, { version: 1 });
    client.notify(TenantDataNotification.type, {
      callProfiles: `profiles-${MARK}`,
      extensionsInUse: [{ toString: `extension-${MARK}` }, '100'],
      role: { toString: MARK },
    } as never);
    assert.deepEqual(codesAndRanges((await published).diagnostics), [expected('extension-in-use', 1, 9, 1, 12)]);
    assert.deepEqual(client.serverErrors(), []);
    const said = warnings(client);
    assert.deepEqual(
      ['callProfiles', 'extensionsInUse', 'role'].map((field) => said.filter((line) => line.includes(field)).length),
      [1, 1, 1],
      said.join('\n'),
    );
    assert.deepEqual(
      said.filter((line) => line.includes(MARK)),
      [],
    );
  });

  test('a pathological glob in filePatterns: the server still answers within a bound', async () => {
    // Backtracking matchers take O(n^k) on this: `*a` twelve times against a name of 60 a's.
    const pathological = '**/' + '*a'.repeat(12) + '*b';
    const tooLong = '**/' + 'x'.repeat(100_000) + '.csv';
    client = await LspClient.start({
      settings: { subscriberCsv: { filePatterns: [pathological, tooLong, '**/*.team.csv'] } },
    });
    const started = Date.now();
    const name = 'a'.repeat(60);
    const opened = await client.open(`file:///work/${name}.csv`, 'csv', lines('Name,Age', 'Lee,40'), 1);
    assert.deepEqual(opened.diagnostics, [], 'no pattern matches the name');
    const matched = await client.open('file:///work/x.team.csv', 'csv', lines('Name,Age', 'Lee,40'));
    assert.ok(matched.diagnostics.length > 0, 'the other patterns still apply');
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 2000, `answered in ${elapsed} ms`);
    assert.deepEqual(client.serverErrors(), []);
    assert.equal(
      warnings(client).filter((line) => line.includes('subscriberCsv.filePatterns')).length,
      1,
      warnings(client).join('\n'),
    );
  });
});
