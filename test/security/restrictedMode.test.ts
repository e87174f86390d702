/**
 * Restricted Mode, as far as the language server is concerned: the manifest restricts `filePatterns` and the tenant
 * lists (so VS Code ignores a workspace's values of them), and the client's middleware does not rely on that alone:
 * in an untrusted workspace it answers the server's `workspace/configuration` with the user's values or the
 * defaults, and announces changes without any value. Run on the fake `vscode`.
 */
import './helpers/vscodeHook';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, test } from 'node:test';
import type { CancellationToken, ConfigurationParams } from 'vscode-languageserver-protocol';
import { restrictedKeys } from '../../client/src/import/trustedValues';
import { trustedConfigurationMiddleware } from '../../client/src/restrictedSettings';
import { fake } from './helpers/fakeVscode';

const MANIFEST: unknown = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
const middleware = trustedConfigurationMiddleware(restrictedKeys(MANIFEST, 'subscriberCsv'));
const token = { isCancellationRequested: false } as CancellationToken;

/** What a hostile workspace's settings make of the merged section. */
const FROM_WORKSPACE = {
  pinNotification: 'email',
  filePatterns: ['**'],
  tenant: {
    callProfiles: [{ id: '1' }, { id: '2' }, { id: '3' }],
    keyProfiles: [{ id: '4' }],
    holdAnnouncements: [{ id: '5' }],
    siteZones: [{ id: '6' }],
    extensionsInUse: ['100'],
  },
};

beforeEach(() => {
  fake.reset();
  fake.inspected = {
    'subscriberCsv.filePatterns': { workspaceValue: ['**'], defaultValue: ['**/*.subscribers.csv'] },
    'subscriberCsv.tenant.callProfiles': {
      globalValue: [{ id: '1' }],
      workspaceValue: [{ id: '2' }],
      defaultValue: [],
    },
    'subscriberCsv.tenant.keyProfiles': { workspaceValue: [{ id: '4' }], defaultValue: [] },
    'subscriberCsv.tenant.holdAnnouncements': { workspaceValue: [{ id: '5' }], defaultValue: [] },
    'subscriberCsv.tenant.siteZones': { workspaceValue: [{ id: '6' }], defaultValue: [] },
    'subscriberCsv.tenant.extensionsInUse': { workspaceValue: ['100'], defaultValue: [] },
  };
});

function ask(items: ConfigurationParams['items']): Promise<unknown> {
  const next = (params: ConfigurationParams) =>
    params.items.map((item) =>
      item.section === 'subscriberCsv' ? structuredClone(FROM_WORKSPACE) : { subscriberCsv: FROM_WORKSPACE },
    );
  return Promise.resolve(middleware.configuration!({ items }, token, next));
}

test("untrusted: the server gets the user's values or the defaults of filePatterns and the tenant lists", async () => {
  fake.trusted = false;
  const expected = {
    pinNotification: 'email',
    filePatterns: ['**/*.subscribers.csv'],
    tenant: {
      callProfiles: [{ id: '1' }],
      keyProfiles: [],
      holdAnnouncements: [],
      siteZones: [],
      extensionsInUse: [],
    },
  };
  assert.deepEqual(await ask([{ scopeUri: 'file:///work/a.csv', section: 'subscriberCsv' }]), [expected]);
  assert.deepEqual(await ask([{ section: undefined }]), [{ subscriberCsv: expected }]);
  assert.deepEqual(await ask([{ section: 'subscriberCsv.tenant' }]), [null], 'a part of the section: nothing');
});

test('trusted: the configuration is passed on as it is', async () => {
  fake.trusted = true;
  assert.deepEqual(await ask([{ section: 'subscriberCsv' }]), [FROM_WORKSPACE]);
});

test('a configuration change is announced without values, trusted or not', async () => {
  const sent: (string[] | undefined)[] = [];
  await middleware.didChangeConfiguration!(['subscriberCsv'], async (sections) => void sent.push(sections));
  assert.deepEqual(sent, [undefined]);
});
