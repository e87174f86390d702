/**
 * Plain cells read by their text (`values/plainCells.ts`) must never accept what the column's string checker would
 * report: on random values of every column's kind, an accepted cell is one `checkValue` finds nothing in. And the
 * fast path must be taken for the common valid values, or it saves nothing.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COLUMNS, type ColumnSpec } from '../src/columns';
import { RowView } from '../src/csv/rowView';
import { DEFAULT_SETTINGS, type TenantContext } from '../src/settings';
import { acceptsPlainCell } from '../src/values/plainCells';
import { checkValue } from '../src/values/valueCheck';
import { createRandom } from '../../test/unit/helpers/random';

const PIECES = ['0', '1', '2', '5', '9', '12', '555', '0100', 'y', 'n', 'Y', 'x', 'dial', 'both', 'none', 'User', 'en'];
const PIECES_RARE = [' ', '-', '+', '.', 'é', '"', '@', 'a', 'Location', '99999999999999999'];

function randomValue(random: () => number): string {
  let value = '';
  const parts = 1 + Math.floor(random() * 4);
  for (let part = 0; part < parts; part++) {
    const pool = random() < 0.85 ? PIECES : PIECES_RARE;
    value += pool[Math.floor(random() * pool.length)];
  }
  return value;
}

/** A one-cell record holding `value` (quoted when it must be), read as the rules read it. */
function plainRow(value: string): RowView | undefined {
  if (/[",\r\n]/.test(value)) return undefined;
  return new RowView().load(value, 0, 1, 0, value.length, 0);
}

const TENANTS: TenantContext[] = [
  DEFAULT_SETTINGS.tenant,
  {
    ...DEFAULT_SETTINGS.tenant,
    lists: {
      ...DEFAULT_SETTINGS.tenant.lists,
      holdAnnouncements: [{ id: '12', name: 'Music' }],
      callProfiles: [{ id: '5', name: 'Sales' }],
    },
  },
];

describe('plain cells read by their text', () => {
  it('accept only values the string checkers find nothing in, for every column', () => {
    const random = createRandom(4242);
    let accepted = 0;
    for (let round = 0; round < 20_000; round++) {
      const column = COLUMNS[Math.floor(random() * COLUMNS.length)] as ColumnSpec;
      const tenant = TENANTS[round % TENANTS.length];
      const value = randomValue(random);
      const row = plainRow(value);
      if (!row?.isPlain(0)) continue;
      if (!acceptsPlainCell(row, 0, column, tenant)) continue;
      accepted++;
      assert.equal(value.trim(), value, `"${value}" is plain, so nothing to trim`);
      assert.equal(checkValue(value, column, tenant), undefined, `${column.name} "${value}" accepted by its text`);
    }
    assert.ok(accepted > 2_000, `the fast path was taken ${accepted} times`);
  });

  it('takes the fast path for the values real files hold', () => {
    const tenant = DEFAULT_SETTINGS.tenant;
    const byName = (name: string) => COLUMNS.find((column) => column.name === name) as ColumnSpec;
    const taken = (name: string, value: string) =>
      acceptsPlainCell(plainRow(value) as RowView, 0, byName(name), tenant);
    assert.ok(taken('Extension', '100045'));
    assert.ok(taken('MobilePhone', '9725554414'));
    assert.ok(taken('IncomingDID', '16465550372'));
    assert.ok(taken('DirAccess', 'both'));
    assert.ok(taken('Locked', 'n'));
    assert.ok(taken('FirstName', 'Ann'));
    // Not taken: what the string checker words a finding for, or must look at as a string.
    assert.ok(!taken('Locked', 'Y'));
    assert.ok(!taken('MobilePhone', '0725554414'));
    assert.ok(!taken('Email', 'ann@example.com'));
  });

  it('calls a cell plain only when its value is its text, untrimmed', () => {
    const row = (text: string) => new RowView().load(text, 0, 1, 0, text.length, 0);
    assert.ok(row('ab,c').isPlain(0));
    assert.ok(row('ab,c').isPlain(1));
    assert.ok(!row('"ab",c').isPlain(0), 'quoted');
    assert.ok(!row(' ab,c').isPlain(0), 'a space before');
    assert.ok(!row('ab\u00a0,c').isPlain(0), 'a no-break space after');
    assert.ok(!row(',c').isPlain(0), 'empty');
    assert.ok(!row('ab,c').isPlain(2), 'no such cell');
    assert.ok(row(' ,c').hasValue(1));
    assert.ok(!row(' ,c').hasValue(0));
  });
});
