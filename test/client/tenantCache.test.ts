/**
 * The cached tenant data: used only for the endpoint it came from, and only what has the right shape.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeTenantData, readCachedTenant, sanitizeTenantData } from '../../client/src/import/tenantCache';

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

describe('readCachedTenant', () => {
  it('reads the data of the same endpoint', () => {
    assert.deepEqual(readCachedTenant(cached, endpoint), cached);
  });

  it('ignores the data of another endpoint', () => {
    assert.equal(readCachedTenant(cached, 'https://other.example.com/api'), undefined);
  });

  it('ignores malformed state', () => {
    assert.equal(readCachedTenant(undefined, endpoint), undefined);
    assert.equal(readCachedTenant({ ...cached, tenant: 'acme' }, endpoint), undefined);
    assert.equal(readCachedTenant({ ...cached, data: [] }, endpoint), undefined);
  });
});

describe('sanitizeTenantData', () => {
  it('keeps only well-formed fields and entries, read as every part of the project reads tenant data', () => {
    assert.deepEqual(
      sanitizeTenantData({
        pinNotification: 'sms',
        role: 'telcoAdmin',
        // A whole number is an ID's digits; an ID that is not digits, or an entry that is not an object, is dropped.
        callProfiles: [{ id: '1', name: 'Local' }, { id: 2 }, { id: 'East', name: 'x' }, 'x'],
        keyProfiles: 'none',
        extensionsInUse: ['100', 101, 'ext'],
        token: 'secret',
      }),
      {
        role: 'telcoAdmin',
        callProfiles: [
          { id: '1', name: 'Local' },
          { id: '2', name: '' },
        ],
        extensionsInUse: ['100', '101'],
      },
    );
  });
});

describe('describeTenantData', () => {
  it('counts each list that has entries', () => {
    assert.equal(describeTenantData(cached.data as never), '1 call profile, 2 extensions in use');
    assert.equal(describeTenantData({ callProfiles: [] }), 'no lists');
  });
});
