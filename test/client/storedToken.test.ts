/**
 * The stored token is bound to the origin of the endpoint it was set for.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { cleanToken, encodeStoredToken, originOf, tokenForEndpoint } from '../../client/src/import/storedToken';

const endpoint = 'https://pbx.example.com/api/v1/tenants/acme';

describe('stored token', () => {
  it('is found again for the same endpoint', () => {
    const stored = encodeStoredToken(endpoint, 'abc123');
    assert.deepEqual(tokenForEndpoint(stored, endpoint), { kind: 'token', token: 'abc123' });
  });

  it('is found for another path on the same origin', () => {
    const stored = encodeStoredToken(endpoint, 'abc123');
    assert.deepEqual(tokenForEndpoint(stored, 'https://pbx.example.com/api/v2/tenants/beta'), {
      kind: 'token',
      token: 'abc123',
    });
  });

  it('is not given to another host, scheme or port', () => {
    const stored = encodeStoredToken(endpoint, 'abc123');
    for (const other of [
      'https://evil.example.net/api',
      'http://pbx.example.com/api',
      'https://pbx.example.com:8443/api',
    ]) {
      assert.deepEqual(tokenForEndpoint(stored, other), { kind: 'otherHost', host: 'pbx.example.com' }, other);
    }
  });

  it('reads nothing from an empty or malformed secret', () => {
    assert.deepEqual(tokenForEndpoint(undefined, endpoint), { kind: 'none' });
    assert.deepEqual(tokenForEndpoint('not json', endpoint), { kind: 'none' });
    assert.deepEqual(tokenForEndpoint(JSON.stringify({ origin: 'https://pbx.example.com', token: '' }), endpoint), {
      kind: 'none',
    });
  });

  it('refuses to store a token for an endpoint that is not a URL', () => {
    assert.throws(() => encodeStoredToken('pbx.example.com', 'abc'));
    assert.equal(originOf('pbx.example.com'), undefined);
  });
});

describe('cleanToken', () => {
  it('trims what was pasted and drops a Bearer prefix', () => {
    assert.equal(cleanToken('  abc.def-123 \n'), 'abc.def-123');
    assert.equal(cleanToken('Bearer abc'), 'abc');
  });

  it('refuses an empty value or one with spaces inside', () => {
    assert.equal(cleanToken('   '), undefined);
    assert.equal(cleanToken('abc def'), undefined);
  });
});
