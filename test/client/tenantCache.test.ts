/**
 * The cached tenant data: used only for the endpoint it came from, and only what has the right shape.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeTenantData, readCachedTenant } from '../../client/src/import/tenantCache';

const endpoint = 'https://pbx.example.com/api/v1/tenants/acme';
const cached = {
  endpoint,
  fetchedAt: '2026-01-02T03:04:05.000Z',
  tenant: { id: 'acme', name: 'Acme Corp' },
  data: {
    pinNotification: 'email',
    role: 'tenantAdmin',
    callProfiles: [{ id: '1', name: 'Local only' }],
    keyProfiles: [],
    extensionsInUse: ['100', '101'],
  },
};

const noWarnings = (message: string) => assert.fail(`unexpected warning: ${message}`);

describe('readCachedTenant', () => {
  it('reads the data of the same endpoint', () => {
    assert.deepEqual(readCachedTenant(cached, endpoint, noWarnings), cached);
  });

  it('ignores the data of another endpoint', () => {
    assert.equal(readCachedTenant(cached, 'https://other.example.com/api', noWarnings), undefined);
  });

  it('ignores malformed state', () => {
    assert.equal(readCachedTenant(undefined, endpoint, noWarnings), undefined);
    assert.equal(readCachedTenant({ ...cached, tenant: 'acme' }, endpoint, noWarnings), undefined);
    assert.equal(readCachedTenant({ ...cached, data: [] }, endpoint, noWarnings), undefined);
  });

  it('keeps the fields and entries of the right type, with one warning per field that is not, naming no value', () => {
    const warnings: string[] = [];
    const read = readCachedTenant(
      {
        ...cached,
        data: {
          pinNotification: 'sms-Value-Q7',
          role: 'telcoAdmin',
          callProfiles: [{ id: '1', name: 'Local' }, { id: 2 }, 'entry-Value-Q7', { id: { toString: 'Value-Q7' } }],
          keyProfiles: 'lists-Value-Q7',
          extensionsInUse: ['100', 101, { valueOf: 'Value-Q7' }],
          token: 'secret-Value-Q7',
        },
      },
      endpoint,
      (message) => warnings.push(message),
    );
    assert.deepEqual(read?.data, {
      role: 'telcoAdmin',
      callProfiles: [
        { id: '1', name: 'Local' },
        { id: '2', name: '' },
      ],
      extensionsInUse: ['100', '101'],
    });
    assert.deepEqual(warnings, [
      'cached tenant data field callProfiles[2] must be an object like {"id":"1","name":"Local"} (and 1 more like it): ignored.',
      'cached tenant data field keyProfiles must be an array, not a string: ignored.',
      'cached tenant data field extensionsInUse[2] must be digits (like "101"), not an object: ignored.',
      'cached tenant data field pinNotification must be one of none, display, email, emailAndDisplay: ignored.',
    ]);
  });
});

describe('describeTenantData', () => {
  it('counts each list that has entries', () => {
    assert.equal(describeTenantData(cached.data as never), '1 call profile, 2 extensions in use');
    assert.equal(describeTenantData({ callProfiles: [] }), 'no lists');
  });
});
