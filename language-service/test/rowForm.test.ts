/**
 * A row as a form (fields with values, ranges, choices, help and problems) and the edits that write a value back.
 * The cursor is marked with `|`.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { cellText, getCellEdit } from '../src/features/cellEdit';
import { COLUMNS } from '../src/columns';
import { getRowForm, type RowFormField } from '../src/features/rowForm';
import {
  applyEdits,
  completeAt,
  modelOf as parsedOf,
  service,
  settingsWith,
  withCursor,
} from '../../test/unit/helpers/service';
import type { SubscriberModel } from '../src/model/subscriberModel';

/** White-box: the features take the library's model, which `parse` makes behind the opaque document. */
const modelOf = (text: string) => parsedOf(text) as SubscriberModel;

const TENANT = settingsWith({ lists: { callProfiles: [{ id: '1', name: 'Local only' }] } });

const FILE = [
  'Type,FirstName,LastName,Extension,VM,CallProfile,KeyProfile,PIN,DirAccess,Notes',
  'User,Ann,Lee,101,Yes,1,,1234,,x',
  'Location,,Main Lobby,101,n',
].join('\n');

function formAt(marked: string, settings = TENANT) {
  const { text, position } = withCursor(marked);
  return getRowForm(modelOf(text), position, settings);
}

function field(fields: readonly RowFormField[] | undefined, name: string): RowFormField {
  const found = fields?.find((candidate) => candidate.name === name);
  assert.ok(found, `no field ${name}`);
  return found;
}

const lines = FILE.split('\n');
const ANN = `${lines[0]}\nUser,An|n${lines[1].slice(8)}\n${lines[2]}\n`;
const LOBBY = `${lines[0]}\n${lines[1]}\nLocation,,Main| Lobby,101,n\n`;

describe('row form', () => {
  it('names the row and the field the cursor is in', () => {
    const form = formAt(ANN);
    assert.deepEqual(
      { version: form?.version, row: form?.row, line: form?.line, label: form?.label, type: form?.type },
      { version: 1, row: 1, line: 1, label: 'Ann Lee, ext 101', type: 'User' },
    );
    assert.equal(form?.cursorField, 1);
    assert.deepEqual(
      form?.fields.map((entry) => entry.name),
      ['Type', 'FirstName', 'LastName', 'Extension', 'VM', 'CallProfile', 'KeyProfile', 'PIN', 'DirAccess', 'Notes'],
    );
  });

  it('gives each field its value, range, help and what empty means on this row', () => {
    const form = formAt(ANN);
    const lastName = field(form?.fields, 'LastName');
    assert.deepEqual(
      { value: lastName.value, range: lastName.range, known: lastName.known, title: lastName.title },
      {
        value: 'Lee',
        range: { start: { line: 1, character: 9 }, end: { line: 1, character: 12 } },
        known: true,
        title: 'Last name',
      },
    );
    assert.equal(lastName.help, COLUMNS.find((column) => column.name === 'LastName')?.help);
    assert.equal(field(form?.fields, 'DirAccess').blankMeans, 'both');
    assert.equal(field(formAt(LOBBY)?.fields, 'DirAccess').blankMeans, 'dial');
    const notes = field(form?.fields, 'Notes');
    assert.deepEqual(
      [notes.known, notes.title, notes.help, notes.choices, notes.closed],
      [false, undefined, undefined, [], false],
    );
  });

  it('offers what completion offers: allowed values with meanings, special values, and the tenant’s IDs with names', () => {
    const form = formAt(ANN);
    const vm = field(form?.fields, 'VM');
    assert.deepEqual([vm.choices.map((choice) => choice.value), vm.closed], [['y', 'n'], true]);
    assert.equal(vm.choices[0].label, 'yes');
    const callProfile = field(form?.fields, 'CallProfile');
    assert.deepEqual([callProfile.choices, callProfile.closed], [[{ value: '1', label: 'Local only' }], true]);
    const keyProfile = field(form?.fields, 'KeyProfile');
    assert.deepEqual([keyProfile.choices.map((choice) => choice.value), keyProfile.closed], [['-1'], false]);
    // Without the tenant's list, any ID may be right: a suggestion, not a drop-down.
    assert.equal(field(formAt(ANN, settingsWith())?.fields, 'CallProfile').closed, false);
    assert.equal(field(form?.fields, 'PIN').secret, true);
  });

  it('offers in each field exactly the values completion offers in its cell, in the same order', () => {
    const settings = settingsWith({
      lists: { callProfiles: [{ id: '1', name: 'Local only' }], keyProfiles: [{ id: '4', name: 'Reception' }] },
    });
    const form = formAt(ANN, settings);
    const lines = ANN.replace('|', '').split('\n');
    for (const name of ['Type', 'VM', 'CallProfile', 'KeyProfile', 'DirAccess', 'PIN']) {
      const entry = field(form?.fields, name);
      const at = entry.range?.start.character ?? -1;
      const marked = [lines[0], `${lines[1].slice(0, at)}|${lines[1].slice(at)}`, ...lines.slice(2)].join('\n');
      // Where completion has nothing to offer it gives one note item (to keep word suggestions away): not a value.
      const items = completeAt(marked, settings).filter((item) => item.kind !== CompletionItemKind.Text);
      assert.deepEqual(
        entry.choices,
        items.map((item) => ({ value: item.label, label: item.detail })),
        name,
      );
    }
  });

  it('puts each problem beside its cell, and the problems of the whole row apart', () => {
    const ann = formAt(ANN);
    assert.deepEqual(
      field(ann?.fields, 'VM').problems.map((problem) => [problem.severity, problem.code]),
      [['error', 'not-yes-no']],
    );
    assert.deepEqual(
      field(ann?.fields, 'Extension').problems.map((problem) => problem.code),
      ['duplicate-extension'],
    );
    assert.deepEqual(ann?.rowProblems, []);
    const lobby = formAt(LOBBY);
    assert.deepEqual(
      lobby?.rowProblems.map((problem) => problem.code),
      ['too-few-fields'],
    );
    assert.match(lobby?.rowProblems[0].message ?? '', /This row has 5 cells but the header has 10 columns/);
    // A field past the row's end has no range, so nothing can be reported on it.
    assert.deepEqual([field(lobby?.fields, 'Notes').range, field(lobby?.fields, 'Notes').value], [null, '']);
  });

  it('lists the import columns the header lacks, in the table’s order', () => {
    const missing = formAt(ANN)?.missingColumns.map((column) => column.name);
    const present = new Set(lines[0].split(','));
    assert.deepEqual(
      missing,
      COLUMNS.map((column) => column.name).filter((name) => !present.has(name)),
    );
    assert.equal(missing?.length, 32 - 9);
  });

  it('shows the header as row 0: its cells are column names, with no values to offer', () => {
    const form = formAt(`Ty|pe,LastName,VM,Extention\nUser,Lee,y,101\n`);
    assert.deepEqual([form?.row, form?.label, form?.type, form?.cursorField], [0, 'header', undefined, 0]);
    assert.deepEqual(
      form?.fields.map((entry) => [entry.name, entry.value, entry.choices.length, entry.closed, entry.blankMeans]),
      [
        ['Type', 'Type', 0, false, undefined],
        ['LastName', 'LastName', 0, false, undefined],
        ['VM', 'VM', 0, false, undefined],
        ['Extention', 'Extention', 0, false, undefined],
      ],
    );
    assert.deepEqual(
      field(form?.fields, 'Extention').problems.map((problem) => problem.code),
      ['misspelt-column'],
    );
  });

  it('is null before the header, past the rows, and for a CSV that is not a subscriber file', () => {
    assert.equal(formAt(`|\nType,LastName\nUser,Lee\n`), null);
    assert.equal(formAt(`Type,LastName\nUser,Lee\n|`), null);
    const { text, position } = withCursor('sku,qty\nA-|1,2\n');
    assert.equal(service.getRowForm(modelOf(text), position, settingsWith()), null);
  });
});

describe('cell edits', () => {
  const edited = (text: string, row: number, fieldIndex: number, value: string) => {
    const edit = getCellEdit(modelOf(text), row, fieldIndex, value);
    assert.ok(edit, 'expected an edit');
    return applyEdits(text, [edit]);
  };

  it('replaces the cell, quotes included, with the value', () => {
    assert.equal(edited('Type,VM\nUser,Yes\n', 1, 1, 'y'), 'Type,VM\nUser,y\n');
    assert.equal(edited('Type,LastName\nUser,"Lee, Jr."\n', 1, 1, 'Lee'), 'Type,LastName\nUser,Lee\n');
  });

  it('quotes a value with a comma, a quote or a line break, doubling its quotes', () => {
    assert.equal(cellText('Lee, Jr.'), '"Lee, Jr."');
    assert.equal(cellText('Ann "Bo"'), '"Ann ""Bo"""');
    assert.equal(cellText('two\nlines'), '"two\nlines"');
    assert.equal(cellText(' spaced '), ' spaced ');
    assert.equal(cellText(''), '');
  });

  it('gives back exactly the value when the file is read again', () => {
    for (const value of ['y', '', 'Lee, Jr.', 'Ann "Bo"', '"', 'two\r\nlines', ',,', ' x ']) {
      const text = edited('Type,LastName,VM\nUser,Lee,n\nUser,Ng,y\n', 1, 1, value);
      const { fields } = getRowForm(modelOf(text), { line: 1, character: 0 }, settingsWith()) ?? { fields: [] };
      assert.equal(fields[1].value, value, JSON.stringify(value));
      assert.equal(fields[2].value, 'n');
      assert.match(text, /\nUser,Ng,y\n$/);
    }
  });

  it('fills a short row up with empty cells before the value', () => {
    assert.equal(edited('Type,LastName,VM,SysPIN\nUser\n', 1, 3, 'y'), 'Type,LastName,VM,SysPIN\nUser,,,y\n');
    assert.equal(edited('Type,LastName\n\nUser,Ng\n', 1, 1, 'Lee'), 'Type,LastName\n,Lee\nUser,Ng\n');
  });

  it('renames a column in the header, row 0', () => {
    assert.equal(edited('Type,Extention\nUser,101\n', 0, 1, 'Extension'), 'Type,Extension\nUser,101\n');
  });

  it('makes no edit before the header, past the last row, or after a quote that never closes', () => {
    const model = modelOf('Type,LastName\nUser,"Lee\n');
    assert.equal(getCellEdit(model, -1, 0, 'x'), null);
    assert.equal(getCellEdit(model, 2, 0, 'x'), null);
    assert.equal(getCellEdit(model, 1, 0, 'x'), null);
    assert.equal(getCellEdit(modelOf('Type\nUser\n'), 1, -1, 'x'), null);
  });
});
