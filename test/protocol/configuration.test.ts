/**
 * What the server learns from the client beyond the documents: `workspace/configuration` (pulled per document,
 * re-read after `workspace/didChangeConfiguration`) and the tenant data notification. Each change re-validates
 * the open documents.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { TenantDataNotification } from '../../common/protocol';
import { codesAndRanges, expected, lines, LspClient } from './helpers/lspClient';

const NO_EMAIL = lines('Type,LastName,Extension', 'User,Lee,100', 'User,Kim,101');

describe('configuration and tenant data', () => {
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  test('the client is asked for configuration and to register for its changes', async () => {
    client = await LspClient.start({ settings: { subscriberCsv: {} } });
    await client.open('file:///work/a.subscribers.csv', 'subscriber-csv', NO_EMAIL);
    assert.equal(client.configurationRequests, 1);
    // For its own section only: another extension's settings are no reason to check files again.
    assert.deepEqual(
      client.registrations.map(({ method, registerOptions }) => ({ method, registerOptions })),
      [{ method: 'workspace/didChangeConfiguration', registerOptions: { section: 'subscriberCsv' } }],
    );
  });

  test('pinNotification: email re-validates every open file', async () => {
    client = await LspClient.start({ settings: { subscriberCsv: { pinNotification: 'none' } } });
    const first = 'file:///work/first.subscribers.csv';
    const second = 'file:///work/second.csv';
    assert.deepEqual((await client.open(first, 'subscriber-csv', NO_EMAIL)).diagnostics, []);
    assert.deepEqual((await client.open(second, 'csv', NO_EMAIL)).diagnostics, []);

    const revalidated = [first, second].map((uri) => client!.nextDiagnostics(uri, { version: 1 }));
    client.changeSettings({ subscriberCsv: { pinNotification: 'email' } });
    for (const published of await Promise.all(revalidated)) {
      assert.deepEqual(codesAndRanges(published.diagnostics), [expected('missing-email-column', 0, 0, 0, 23)]);
    }

    const restored = client.nextDiagnostics(first, { version: 1 });
    client.changeSettings({ subscriberCsv: { pinNotification: 'none' } });
    assert.deepEqual((await restored).diagnostics, []);
  });

  test('fullCheckLimitMB: a file above it gets structure checks only, and full checks again below it', async () => {
    const withMistake = lines('Type,LastName,Extension', 'User,Lee,100', 'User,Kim,1O1');
    // A limit of 40 characters: the file above is longer.
    client = await LspClient.start({ settings: { subscriberCsv: { fullCheckLimitMB: 40 / (1024 * 1024) } } });
    const uri = 'file:///work/large.subscribers.csv';
    const opened = await client.open(uri, 'subscriber-csv', withMistake);
    assert.deepEqual(codesAndRanges(opened.diagnostics), [expected('structure-only', 0, 0, 0, 23)]);

    const full = client.nextDiagnostics(uri, { version: 1 });
    client.changeSettings({ subscriberCsv: {} });
    assert.deepEqual(codesAndRanges((await full).diagnostics), [expected('not-digits', 2, 9, 2, 12)]);
  });

  test('the tenant data notification changes results, and clearing it restores them', async () => {
    client = await LspClient.start({ settings: { subscriberCsv: { tenant: { extensionsInUse: ['101'] } } } });
    const uri = 'file:///work/tenant.subscribers.csv';
    const opened = await client.open(uri, 'subscriber-csv', NO_EMAIL);
    assert.deepEqual(codesAndRanges(opened.diagnostics), [expected('extension-in-use', 2, 9, 2, 12)]);

    // Tenant data from the endpoint takes precedence over the settings.
    const loaded = client.nextDiagnostics(uri, { version: 1 });
    client.notify(TenantDataNotification.type, { extensionsInUse: ['100'] });
    assert.deepEqual(codesAndRanges((await loaded).diagnostics), [expected('extension-in-use', 1, 9, 1, 12)]);

    const cleared = client.nextDiagnostics(uri, { version: 1 });
    client.notify(TenantDataNotification.type, null);
    assert.deepEqual(codesAndRanges((await cleared).diagnostics), [expected('extension-in-use', 2, 9, 2, 12)]);
  });

  test('tenant data alone (no settings) finds an extension in use', async () => {
    client = await LspClient.start({ settings: { subscriberCsv: {} } });
    const uri = 'file:///work/tenant-only.subscribers.csv';
    assert.deepEqual((await client.open(uri, 'subscriber-csv', NO_EMAIL)).diagnostics, []);
    const loaded = client.nextDiagnostics(uri, { version: 1 });
    client.notify(TenantDataNotification.type, { extensionsInUse: ['100', '101'] });
    assert.deepEqual(codesAndRanges((await loaded).diagnostics), [
      expected('extension-in-use', 1, 9, 1, 12),
      expected('extension-in-use', 2, 9, 2, 12),
    ]);
  });

  test('malformed tenant data: the settings still apply, and nothing fails', async () => {
    client = await LspClient.start({ settings: { subscriberCsv: { tenant: { extensionsInUse: ['101'] } } } });
    const uri = 'file:///work/odd-tenant.subscribers.csv';
    const opened = await client.open(uri, 'subscriber-csv', NO_EMAIL);
    // Deliberately not TenantData: what a broken endpoint might hand the client.
    for (const data of ['garbage', 42, [], { pinNotification: 'loud', role: 7 }]) {
      const published = client.nextDiagnostics(uri, { version: 1 });
      client.notify(TenantDataNotification.type, data as never);
      assert.deepEqual(codesAndRanges((await published).diagnostics), codesAndRanges(opened.diagnostics));
    }
    // Fields of the wrong type are not read; whether they hide the settings' values is not pinned down here.
    const published = client.nextDiagnostics(uri, { version: 1 });
    client.notify(TenantDataNotification.type, { callProfiles: 'x', extensionsInUse: 5 } as never);
    await published;
    assert.deepEqual(client.serverErrors(), []);
  });

  test('a client without workspace.configuration is never asked, and the defaults apply', async () => {
    client = await LspClient.start({
      configurationCapability: false,
      settings: { subscriberCsv: { pinNotification: 'email' } },
    });
    const opened = await client.open('file:///work/defaults.subscribers.csv', 'subscriber-csv', NO_EMAIL);
    assert.deepEqual(opened.diagnostics, []);
    assert.equal(client.configurationRequests, 0);
    assert.deepEqual(client.registrations, []);
  });

  test('malformed settings fall back to the defaults', async () => {
    client = await LspClient.start({
      settings: { subscriberCsv: { pinNotification: 42, role: ['x'], filePatterns: 'nope', tenant: 'none' } },
    });
    const opened = await client.open('file:///work/odd.subscribers.csv', 'subscriber-csv', NO_EMAIL);
    assert.deepEqual(opened.diagnostics, []);
    assert.deepEqual(client.serverErrors(), []);
  });
});
