/**
 * How many threads a file is checked on: one unless asked, the number asked (at most 4), or with `auto` one a core
 * for a file of 4 MB or more.
 */
import * as assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, test } from 'node:test';
import { join } from 'node:path';
import { enableWorkers, partsFor } from '../../cli/src/parallelCheck';
import { workspace } from './cliHarness';

describe('the number of threads', () => {
  test('is one unless asked, what is asked up to 4, and one a core for a large file with auto', () => {
    const { dir, remove } = workspace({ 'small.csv': 'Type,LastName\n', 'large.csv': Buffer.alloc(4 * 1024 * 1024) });
    try {
      const small = join(dir, 'small.csv');
      const large = join(dir, 'large.csv');
      assert.equal(partsFor(large, { SUBSCRIBER_CSV_JOBS: '2' }), 1, 'no workers before main.ts enables them');
      enableWorkers(__filename);
      assert.equal(partsFor(large, {}), 1);
      assert.equal(partsFor(large, { SUBSCRIBER_CSV_JOBS: '1' }), 1);
      assert.equal(partsFor(small, { SUBSCRIBER_CSV_JOBS: '3' }), 3);
      assert.equal(partsFor(small, { SUBSCRIBER_CSV_JOBS: '9' }), 4);
      assert.equal(partsFor(small, { SUBSCRIBER_CSV_JOBS: 'many' }), 1);
      assert.equal(partsFor(small, { SUBSCRIBER_CSV_JOBS: 'auto' }), 1, 'a small file: one thread is quicker');
      assert.equal(partsFor(large, { SUBSCRIBER_CSV_JOBS: 'auto' }), Math.min(availableParallelism(), 4));
      assert.equal(partsFor(join(dir, 'missing.csv'), { SUBSCRIBER_CSV_JOBS: 'auto' }), 1);
    } finally {
      remove();
    }
  });
});
