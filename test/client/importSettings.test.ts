/**
 * The import's settings, bounded whatever was typed; wording helpers.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_RETRIES, DEFAULT_TIMEOUT_SECONDS, importTiming } from '../../client/src/import/importSettings';
import { endpointHost, listInWords, plural } from '../../client/src/import/text';

describe('importTiming', () => {
  it('reads the settings', () => {
    assert.deepEqual(importTiming(30, 1), { timeoutSeconds: 30, timeoutMs: 30_000, retries: 1 });
  });

  it('falls back to the defaults for values that are not numbers', () => {
    assert.deepEqual(importTiming('30', null), {
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
      timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
      retries: DEFAULT_RETRIES,
    });
  });

  it('a value that is not a number: the default, and one warning naming the setting, not the value', () => {
    const warnings: string[] = [];
    assert.deepEqual(
      importTiming('30-Value-Q7', { n: 1 }, (message) => warnings.push(message)),
      importTiming(undefined, undefined),
    );
    assert.deepEqual(warnings, [
      'subscriberCsv.import.timeoutSeconds is not a number: the default (60) applies.',
      'subscriberCsv.import.retries is not a number: the default (2) applies.',
    ]);
    const none: string[] = [];
    importTiming(30, undefined, (message) => none.push(message));
    assert.deepEqual(none, [], 'a value of the right type, or none, is not warned about');
  });

  it('bounds values out of range', () => {
    assert.deepEqual(importTiming(0, 99), { timeoutSeconds: 5, timeoutMs: 5000, retries: 5 });
    assert.deepEqual(importTiming(1e9, -1), { timeoutSeconds: 600, timeoutMs: 600_000, retries: 0 });
  });
});

describe('wording', () => {
  it('pluralizes counts', () => {
    assert.equal(plural(1, 'user'), '1 user');
    assert.equal(plural(0, 'user'), '0 users');
    assert.equal(plural(2, 'entry', 'entries'), '2 entries');
  });

  it('lists in words', () => {
    assert.equal(listInWords(['a']), 'a');
    assert.equal(listInWords(['a', 'b']), 'a and b');
    assert.equal(listInWords(['a', 'b', 'c']), 'a, b and c');
  });

  it('names an endpoint by its host only', () => {
    assert.equal(endpointHost('https://pbx.example.com:8443/api/v1/tenants/acme'), 'pbx.example.com:8443');
    assert.equal(endpointHost('not a url'), 'not a url');
  });
});
