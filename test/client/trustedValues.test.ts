/**
 * The configuration the server may see in an untrusted workspace (client/src/import/trustedValues.ts): the restricted
 * keys come from the manifest, and each holds the user's value or the default, never the workspace's.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { restrictedKeys, withTrustedValues, type Inspect } from '../../client/src/import/trustedValues';

const MANIFEST: unknown = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));

describe('trusted values', () => {
  it("the restricted keys of the section are read from the manifest's restrictedConfigurations", () => {
    assert.deepEqual(restrictedKeys(MANIFEST, 'subscriberCsv').sort(), [
      'filePatterns',
      'import.retries',
      'import.timeoutSeconds',
      'tenant.callProfiles',
      'tenant.extensionsInUse',
      'tenant.holdAnnouncements',
      'tenant.keyProfiles',
      'tenant.siteZones',
    ]);
    assert.deepEqual(restrictedKeys({}, 'subscriberCsv'), []);
    assert.deepEqual(
      restrictedKeys({ capabilities: { untrustedWorkspaces: { restrictedConfigurations: 'x' } } }, 's'),
      [],
    );
  });

  it("each restricted key holds the user's value or the default; the others are left as they are", () => {
    // What the editor merged: the workspace's values win over the user's.
    const merged = {
      pinNotification: 'email',
      filePatterns: ['**/*.csv'],
      tenant: { callProfiles: [{ id: '9', name: 'From the workspace' }], keyProfiles: [{ id: '4' }] },
    };
    const user: Record<string, { globalValue?: unknown; defaultValue?: unknown }> = {
      filePatterns: { defaultValue: ['**/*.subscribers.csv'] },
      'tenant.callProfiles': { globalValue: [{ id: '1', name: 'Local only' }], defaultValue: [] },
      'tenant.keyProfiles': { defaultValue: [] },
    };
    const inspect: Inspect = (key) => user[key];
    const keys = ['filePatterns', 'tenant.callProfiles', 'tenant.keyProfiles', 'tenant.siteZones'];
    assert.deepEqual(withTrustedValues(merged, keys, inspect), {
      pinNotification: 'email',
      filePatterns: ['**/*.subscribers.csv'],
      tenant: { callProfiles: [{ id: '1', name: 'Local only' }], keyProfiles: [] },
    });
    assert.deepEqual(merged.filePatterns, ['**/*.csv'], 'the answer it was given is not changed');
    assert.equal(withTrustedValues('not an object', keys, inspect), 'not an object');
  });
});
