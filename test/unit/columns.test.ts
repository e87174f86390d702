/**
 * The column table against the vendor's "Import Users" page: 32 columns with the vendor's names, each with
 * help text and a hover.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { COLUMNS, findColumn } from '@subscriber-csv/language-service';
import { hoverTextAt } from './helpers/service';

/** The headings the import page lists, in its order and spelling. */
const VENDOR_NAMES = [
  'Type',
  'FirstName',
  'LastName',
  'Email',
  'HomePhone',
  'MobilePhone',
  'Extension',
  'Language',
  'IncomingDID',
  'OutgoingCLID',
  'Privacy',
  'PAI',
  'HFAback',
  'Locked',
  'Hold',
  'DirAccess',
  'MaxDevices',
  'Twin',
  'SCR',
  'ODCR',
  'VM',
  'Agent',
  'Dsite',
  'DsiteCLID',
  'NumCallDsite',
  'DsiteZone',
  'CAdmin',
  'EAdmin',
  'CallProfile',
  'KeyProfile',
  'PIN',
  'SysPIN',
];

const ALL_COLUMNS_HEADER = VENDOR_NAMES.join(',');

describe('column table', () => {
  it('has exactly the 32 columns of the import page, in its order', () => {
    assert.equal(COLUMNS.length, 32);
    assert.deepEqual(
      COLUMNS.map((column) => column.name),
      VENDOR_NAMES,
    );
  });

  it('gives every column a title and help text', () => {
    for (const column of COLUMNS) {
      assert.ok(column.title.trim().length > 0, `${column.name} has no title`);
      assert.ok(column.help.trim().length > 10, `${column.name} has no help text`);
    }
  });

  it('makes Type and LastName the only mandatory columns and values', () => {
    assert.deepEqual(
      COLUMNS.filter((column) => column.requiredColumn).map((column) => column.name),
      ['Type', 'LastName'],
    );
    assert.deepEqual(
      COLUMNS.filter((column) => column.requiredValue).map((column) => column.name),
      ['Type', 'LastName'],
    );
  });

  it('gives each kind of column what its checker needs', () => {
    for (const column of COLUMNS) {
      if (column.kind === 'choice' || column.kind === 'yesNo') {
        assert.ok((column.choices ?? []).length > 0, `${column.name} has no choices`);
      }
      if (column.kind === 'id') assert.ok(column.tenantList, `${column.name} has no tenant list`);
      for (const choice of column.choices ?? []) assert.ok(choice.meaning.length > 0);
    }
    assert.deepEqual(
      COLUMNS.filter((column) => column.kind === 'id').map((column) => column.name),
      ['Hold', 'DsiteZone', 'CallProfile', 'KeyProfile'],
    );
    assert.deepEqual(
      COLUMNS.filter((column) => column.kind === 'phone').map((column) => column.name),
      ['HomePhone', 'MobilePhone', 'IncomingDID'],
    );
  });

  it('gives DirAccess a default by row type: both for a User, dial for a Location', () => {
    assert.deepEqual(findColumn('DirAccess')?.blankMeans, { User: 'both', Location: 'dial' });
    assert.match(hoverTextAt('Type,LastName,DirAccess\nUser,Lee,|\n'), /^Empty: both \(the page\)\./);
    assert.match(hoverTextAt('Type,LastName,DirAccess\nLocation,Lobby,|\n'), /^Empty: dial \(the page\)\./);
    assert.match(
      hoverTextAt('Type,LastName,DirAccess|\n'),
      /Empty means \(the page\): both for a User, dial for a Location\./,
    );
  });

  it('finds columns ignoring case and surrounding spaces', () => {
    assert.equal(findColumn('  sYsPiN ')?.name, 'SysPIN');
    assert.equal(findColumn('hfaBACK')?.name, 'HFAback');
    assert.equal(findColumn('Sys PIN'), undefined);
    assert.equal(findColumn(''), undefined);
  });
});

describe('every column', () => {
  for (const [field, name] of VENDOR_NAMES.entries()) {
    it(`${name} has a hover on its header cell and on a data cell`, () => {
      const column = COLUMNS[field];
      const cellStart = VENDOR_NAMES.slice(0, field).join(',').length + (field > 0 ? 1 : 0);
      const header = ALL_COLUMNS_HEADER.slice(0, cellStart + 1) + '|' + ALL_COLUMNS_HEADER.slice(cellStart + 1);
      const onHeader = hoverTextAt(`${header}\n`);
      assert.ok(onHeader.startsWith(`**${name}** — ${column.title}`), onHeader);
      assert.ok(onHeader.includes(column.help));
      const row = VENDOR_NAMES.map((_, index) => (index === field ? '|' : '')).join(',');
      const onData = hoverTextAt(`${ALL_COLUMNS_HEADER}\n${row}\n`);
      assert.ok(onData.includes(`**${name}**`), onData);
    });
  }
});
