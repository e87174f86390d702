/**
 * Completion. The cursor is marked with `|`.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { COLUMNS } from '@subscriber-csv/language-service';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { completeAt, labelsOf, settingsWith } from './helpers/service';

const TENANT = settingsWith({
  lists: {
    keyProfiles: [
      { id: '4', name: 'Reception' },
      { id: '7', name: 'Sales floor' },
    ],
    callProfiles: [{ id: '1', name: 'Local only' }],
    holdAnnouncements: [{ id: '2', name: 'Spring promo' }],
    siteZones: [{ id: '3', name: 'East' }],
  },
});

describe('value completion', () => {
  it('offers y and n with their meanings in a y/n column', () => {
    const items = completeAt('Type,LastName,Privacy\nUser,Lee,|\n');
    assert.deepEqual(
      items.map((item) => [item.label, item.detail]),
      [
        ['y', 'yes'],
        ['n', 'no'],
      ],
    );
  });

  it('offers dial, both and none in DirAccess, marking the default of the row type', () => {
    const location = completeAt('Type,LastName,DirAccess\nLocation,Lobby,|\n');
    assert.deepEqual(labelsOf(location), ['dial', 'both', 'none']);
    assert.equal(location[0].documentation, 'Also what an empty cell means on this row.');
    assert.equal(location[1].documentation, undefined);
    const user = completeAt('Type,LastName,DirAccess\nUser,Lee,|\n');
    assert.equal(user[0].documentation, undefined);
    assert.equal(user[1].documentation, 'Also what an empty cell means on this row.');
  });

  it('replaces the whole cell being typed', () => {
    const items = completeAt('Type,LastName,DirAccess\nUser,Lee,Bo|th\n');
    assert.deepEqual(items[1].textEdit, {
      range: { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } },
      newText: 'both',
    });
  });

  it('offers User and Location in Type, including on a new last line', () => {
    assert.deepEqual(labelsOf(completeAt('Type,LastName\n|\n')), ['User', 'Location']);
    assert.deepEqual(labelsOf(completeAt('Type,LastName\nUser,Lee\n|')), ['User', 'Location']);
    assert.deepEqual(labelsOf(completeAt('LastName,Type\nLee,U|\n')), ['User', 'Location']);
  });

  it('offers en in Language', () => {
    const items = completeAt('Type,LastName,Language\nUser,Lee,|\n');
    assert.deepEqual(
      items.map((item) => [item.label, item.detail]),
      [['en', 'English']],
    );
  });

  it('offers OutgoingCLID special values', () => {
    assert.deepEqual(labelsOf(completeAt('Type,LastName,OutgoingCLID\nUser,Lee,|\n')), ['-1', '0']);
  });

  it('offers the tenant profile IDs with their names, after the special values', () => {
    const items = completeAt('Type,LastName,KeyProfile\nUser,Lee,|\n', TENANT);
    assert.deepEqual(
      items.map((item) => [item.label, item.detail]),
      [
        ['-1', 'the system setting default'],
        ['4', 'Reception'],
        ['7', 'Sales floor'],
      ],
    );
    assert.equal(items[1].filterText, '4 Reception');
    assert.equal(items[1].labelDetails?.description, 'Reception');
    assert.ok(
      items.map((item) => item.sortText ?? '').every((sort, index, all) => index === 0 || all[index - 1] < sort),
    );
    assert.deepEqual(labelsOf(completeAt('Type,LastName,CallProfile\nUser,Lee,|\n', TENANT)), ['1']);
    assert.deepEqual(labelsOf(completeAt('Type,LastName,Hold\nUser,Lee,|\n', TENANT)), ['2']);
    assert.deepEqual(labelsOf(completeAt('Type,LastName,DsiteZone\nUser,Lee,|\n', TENANT)), ['3']);
  });

  it('offers no IDs when the tenant lists are unknown', () => {
    assert.deepEqual(labelsOf(completeAt('Type,LastName,KeyProfile\nUser,Lee,|\n')), ['-1']);
  });

  // VS Code falls back to words from the file when every provider returns an empty list; one item stops that.
  it('gives an ID cell with no tenant list one item saying so, which leaves the cell as it is', () => {
    const items = completeAt('Type,LastName,CallProfile\nUser,Lee,"1|2"\n');
    assert.deepEqual(labelsOf(items), ['No call permission group IDs known']);
    const [note] = items;
    assert.equal(note.kind, CompletionItemKind.Text);
    assert.match(note.detail ?? '', /The tenant’s list is not loaded/);
    assert.equal(note.filterText, 'No call permission group IDs known');
    assert.deepEqual(note.textEdit, {
      range: { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } },
      newText: '"12"',
    });
    assert.deepEqual(labelsOf(completeAt('Type,LastName,Hold\nUser,Lee,|\n')), ['No hold announcement IDs known']);
  });

  it('gives a digits or phone cell one item saying what it takes, not words from the file', () => {
    assert.deepEqual(labelsOf(completeAt('Type,LastName,Extension\nUser,Lee,|\nUser,Kim,101\n')), [
      'Extension: type the digits',
    ]);
    assert.deepEqual(labelsOf(completeAt('Type,LastName,MobilePhone\nUser,Lee,6|\n')), [
      'Mobile phone: type the digits',
    ]);
  });

  it('offers nothing in free-text columns, under unknown columns or past the header', () => {
    assert.deepEqual(completeAt('Type,LastName\nUser,|\n'), []);
    assert.deepEqual(completeAt('Type,LastName,Department\nUser,Lee,|\n'), []);
    assert.deepEqual(completeAt('Type,LastName\nUser,Lee,|\n'), []);
  });
});

describe('header completion', () => {
  it('offers only the columns the header does not have yet', () => {
    const items = completeAt('Type,LastName,|\nUser,Lee,\n');
    const expected = COLUMNS.map((column) => column.name).filter((name) => name !== 'Type' && name !== 'LastName');
    assert.deepEqual(labelsOf(items), expected);
    assert.equal(items[0].detail, 'First name');
    assert.deepEqual(items[0].documentation, { kind: 'markdown', value: COLUMNS[1].help });
  });

  it('offers the column being edited as well, replacing the whole cell', () => {
    const items = completeAt('Type,Last|Name,Email\n');
    const labels = labelsOf(items);
    assert.ok(labels.includes('LastName'));
    assert.ok(!labels.includes('Type'));
    assert.ok(!labels.includes('Email'));
    // 32 columns less Type and Email, which the header has; LastName is the one being edited.
    assert.equal(items.length, 30);
    assert.deepEqual(items[0].textEdit, {
      range: { start: { line: 0, character: 5 }, end: { line: 0, character: 13 } },
      newText: 'FirstName',
    });
  });

  it('counts names in any case as present', () => {
    const labels = labelsOf(completeAt('TYPE,lastname,|\n'));
    assert.ok(!labels.includes('Type'));
    assert.ok(!labels.includes('LastName'));
  });

  it('offers every column in an empty subscriber file, after the whole header (headerCompletion.test.ts)', () => {
    const items = completeAt('|', settingsWith({}, { assumeSubscriberFile: true }));
    assert.deepEqual(labelsOf(items), [
      'Header: all 32 columns',
      'Header: required columns',
      ...COLUMNS.map((column) => column.name),
    ]);
  });
});
