/**
 * The workspace's import history and the rows kept as each file's own: what is stored, read back with care (stored
 * state can be stale or edited), and bounded.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { confirmationDetail } from '../../client/src/import/confirmText';
import {
  describeOutcome,
  MAX_HISTORY,
  readHistory,
  withEntry,
  type HistoryEntry,
} from '../../client/src/import/importHistory';
import { holdersOf, MAX_OWN_FILES, readOwnRows, withOwnRows } from '../../client/src/import/ownRows';

const ENTRY: HistoryEntry = {
  at: '2025-03-03T10:00:00.000Z',
  file: 'team.subscribers.csv',
  uri: 'file:///work/team.subscribers.csv',
  endpoint: 'http://127.0.0.1:7357/api/v1/tenants/acme',
  outcome: 'imported',
  counts: { created: 3, updated: 0, unchanged: 1, failed: 0 },
};

describe('import history', () => {
  it('newest first, bounded, and described in words', () => {
    const failed: HistoryEntry = {
      ...ENTRY,
      outcome: 'failed',
      counts: undefined,
      failure: { kind: 'conflict', status: 409 },
    };
    const history = withEntry([ENTRY], failed);
    assert.deepEqual(history.map(describeOutcome), [
      'not imported: conflict (HTTP 409)',
      '3 created, 0 updated, 1 unchanged, 0 failed',
    ]);
    let long: HistoryEntry[] = [];
    for (let i = 0; i < MAX_HISTORY + 3; i++) long = withEntry(long, { ...ENTRY, at: String(i) });
    assert.equal(long.length, MAX_HISTORY);
    assert.equal(long[0].at, String(MAX_HISTORY + 2));
  });

  it('reads back only well-formed entries', () => {
    const stored: unknown = [ENTRY, { ...ENTRY, counts: { created: -1 } }, { ...ENTRY, outcome: 'maybe' }, 'x', null];
    assert.deepEqual(readHistory(stored), [ENTRY]);
    assert.deepEqual(readHistory({ not: 'a list' }), []);
  });
});

describe("a file's own rows", () => {
  const place = (line: number, extension: string, LastName: string) => ({
    row: line - 1,
    range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 9 } },
    label: LastName,
    type: 'User' as const,
    extension,
    entryName: { Type: 'User', FirstName: '', LastName },
  });

  it('are the stored rows with an extension, not the failed ones nor those the text no longer matches', () => {
    const holders = holdersOf(
      [
        { row: 1, line: 2, status: 'created', extension: '201' },
        { row: 2, line: 3, status: 'failed', extension: '202' },
        { row: 3, line: 4, status: 'unchanged', extension: '203' },
        { row: 4, line: 5, status: 'updated' },
        { row: 5, line: 6, status: 'created', extension: '205' },
      ],
      [
        place(2, '201', 'Lee'),
        place(3, '202', 'Tan'),
        place(4, '203', 'Ng'),
        place(5, '', 'Lobby'),
        place(6, '299', 'Ito'),
      ],
    );
    assert.deepEqual(holders, [
      { extension: '201', name: { Type: 'User', FirstName: '', LastName: 'Lee' } },
      { extension: '203', name: { Type: 'User', FirstName: '', LastName: 'Ng' } },
    ]);
  });

  it('are replaced per file, forgotten when empty, and kept for the newest files only', () => {
    const holders = [{ extension: '201', name: { LastName: 'Lee' } }];
    let stored = withOwnRows({}, 'file:///a.csv', { endpoint: 'e', importedAt: '1', holders });
    stored = withOwnRows(stored, 'file:///a.csv', { endpoint: 'e', importedAt: '2', holders: [] });
    assert.deepEqual(stored, {});
    for (let i = 0; i < MAX_OWN_FILES + 2; i++) {
      stored = withOwnRows(stored, `file:///${i}.csv`, {
        endpoint: 'e',
        importedAt: String(i).padStart(3, '0'),
        holders,
      });
    }
    assert.equal(Object.keys(stored).length, MAX_OWN_FILES);
    assert.equal(stored['file:///0.csv'], undefined, 'the oldest went first');
  });

  it('read back only well-formed lists and holders', () => {
    const read = readOwnRows({
      'file:///a.csv': {
        endpoint: 'e',
        importedAt: '1',
        holders: [{ extension: '201', name: { LastName: 'Lee' } }, { extension: 5 }],
      },
      'file:///b.csv': { endpoint: 3 },
    });
    assert.deepEqual(read, {
      'file:///a.csv': { endpoint: 'e', importedAt: '1', holders: [{ extension: '201', name: { LastName: 'Lee' } }] },
    });
  });
});

describe("the import's confirmation", () => {
  it("leads with the preview's figures, or says why there is none", () => {
    const preview = {
      ok: true as const,
      outcome: 'import' as const,
      created: 3,
      updated: 1,
      unchanged: 0,
      failed: 1,
      rows: [],
      problems: [],
      message: '',
      attempts: 1,
    };
    assert.equal(
      confirmationDetail('From team.csv.', preview),
      "The endpoint's preview: 3 to be created, 1 to be updated, 0 unchanged, 1 to fail.\n\nFrom team.csv.",
    );
    const none = {
      ok: false as const,
      kind: 'badResponse' as const,
      message: 'It offers no preview.',
      attempts: 1,
      status: 404,
    };
    assert.equal(confirmationDetail('From team.csv.', none), 'No preview: It offers no preview.\n\nFrom team.csv.');
  });
});
