/**
 * Where the cursor is: the cell's column and the row's identity. The cursor is marked with `|`.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getCellInfo } from '../src/features/cellInfo';
import { COLUMNS } from '../src/columns';
import { csv } from '../../test/unit/helpers/dedent';
import { modelOf as parsedOf, service, settingsWith, withCursor } from '../../test/unit/helpers/service';
import type { SubscriberModel } from '../src/model/subscriberModel';

/** White-box: the features take the library's model, which `parse` makes behind the opaque document. */
const modelOf = (text: string) => parsedOf(text) as SubscriberModel;

function infoAt(marked: string) {
  const { text, position } = withCursor(marked);
  return getCellInfo(modelOf(text), position);
}

const HEADER = COLUMNS.map((column) => column.name).join(',');

describe('cell info', () => {
  it('names the column, its place among the header’s columns, and the row by person and extension', () => {
    const cells = COLUMNS.map((column) => (column.name === 'SysPIN' ? 'y' : ''));
    Object.assign(cells, { 0: 'User', 1: 'Ann', 2: 'Lee', 6: '101' });
    const row = cells.join(',');
    const at = row.lastIndexOf(',') + 1;
    const info = infoAt(`${HEADER}\n${row.slice(0, at)}|${row.slice(at)}\n`);
    assert.deepEqual(info, {
      field: 31,
      columns: 32,
      name: 'SysPIN',
      column: { title: 'System-generated PIN', help: COLUMNS[31].help },
      row: 1,
      rowLabel: 'Ann Lee, ext 101',
      range: { start: { line: 1, character: 44 }, end: { line: 1, character: 45 } },
      rowRange: { start: { line: 1, character: 0 }, end: { line: 1, character: 45 } },
    });
    assert.equal(at, 44);
  });

  it('counts the field a cursor at either edge of a cell or in an empty cell is in', () => {
    const text = csv`
      Type,LastName,Extension,VM
      Location,Main Lobby,150,
    `;
    const at = (marked: string) => {
      const info = infoAt(marked);
      assert.ok(info);
      return `${info.name} ${info.field + 1}/${info.columns} row ${info.row}: ${info.rowLabel}`;
    };
    const second = text.split('\n')[1];
    assert.equal(at(`${text.split('\n')[0]}\n|${second}\n`), 'Type 1/4 row 1: Main Lobby, ext 150');
    assert.equal(at(`${text.split('\n')[0]}\nLocation|,${second.slice(9)}\n`), 'Type 1/4 row 1: Main Lobby, ext 150');
    assert.equal(at(`${text.split('\n')[0]}\n${second}|\n`), 'VM 4/4 row 1: Main Lobby, ext 150');
  });

  it('on the header: the header row, and the column’s title', () => {
    const info = infoAt('Type,Last|Name\nUser,Lee\n');
    assert.equal(info?.row, 0);
    assert.equal(info?.rowLabel, 'header');
    assert.equal(info?.column?.title, 'Last name');
  });

  it('names a cell under an unknown column by the header text, and one past the header by nothing', () => {
    assert.deepEqual(
      [infoAt('Type,Notes\nUser,hel|lo,extra\n')?.name, infoAt('Type,Notes\nUser,hello,ex|tra\n')?.name],
      ['Notes', ''],
    );
    assert.equal(infoAt('Type,Notes\nUser,hel|lo\n')?.column, undefined);
  });

  it('gives the whole range of a row spread over several lines', () => {
    assert.deepEqual(infoAt('Type,Notes\nUser,"a\nb|"\nUser,c\n')?.rowRange, {
      start: { line: 1, character: 0 },
      end: { line: 2, character: 2 },
    });
  });

  it('calls a blank row blank and counts it', () => {
    assert.equal(infoAt('Type,LastName\nUser,Lee\n|\nUser,Ng\n')?.rowLabel, 'blank row');
    assert.equal(infoAt('Type,LastName\nUser,Lee\n\nUser,|Ng\n')?.row, 3);
  });

  it('is null before the header, past the last row, and in a CSV that is not a subscriber file', () => {
    assert.equal(infoAt('|\nType,LastName\n'), null);
    assert.equal(infoAt('Type,LastName\nUser,Lee\n|'), null);
    const { text, position } = withCursor('sku,q|ty\n');
    assert.equal(service.getCellInfo(modelOf(text), position, settingsWith()), null);
  });
});
