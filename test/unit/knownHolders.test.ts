/**
 * Extensions whose holder is known (the file's own rows, once imported): a row naming the holder does not take
 * its extension, any other row still does; and `rowPlace`, which puts an endpoint's answer about a row on its cell.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { knownHolders } from '@subscriber-csv/language-service';
import { csv } from './helpers/dedent';
import { expectDiagnostics, modelOf, service, settingsWith } from './helpers/service';

const text = csv`
  Type,FirstName,LastName,Extension
  User,Ann,Lee,101
  user,Bo,Park,102
  Location,,Lobby,103
`;

const holders = knownHolders([
  { extension: '101', name: { Type: 'User', FirstName: 'Ann', LastName: 'Lee' } },
  { extension: '102', name: { Type: 'User', FirstName: 'Bo', LastName: 'Park' } },
  // The tenant's 103 is held by someone else with that extension: a user, not this location.
  { extension: '103', name: { Type: 'User', FirstName: '', LastName: 'Lobby' } },
]);

describe('known holders of extensions in use', () => {
  it('leave the rows naming their holder alone (Type in any case) and flag the others', () => {
    expectDiagnostics(
      text,
      [
        { code: 'value-case', line: 2, startChar: 0, endChar: 4 },
        { code: 'extension-in-use', line: 3, startChar: 16, endChar: 19, data: { column: 'Extension' } },
      ],
      settingsWith({ extensionsInUse: ['101', '102', '103'], knownHolders: holders }),
    );
  });

  it('flag a row whose name changed since the import: the endpoint would refuse it', () => {
    const renamed = text.replace('User,Ann,Lee,101', 'User,Ann,Leigh,101');
    expectDiagnostics(
      renamed,
      [
        { code: 'extension-in-use', line: 1, startChar: 15, endChar: 18 },
        { code: 'value-case', line: 2, startChar: 0, endChar: 4 },
        { code: 'extension-in-use', line: 3, startChar: 16, endChar: 19 },
      ],
      settingsWith({ extensionsInUse: ['101', '102', '103'], knownHolders: holders }),
    );
  });

  it('change the validation key, so that a document checked before is checked again', () => {
    const model = modelOf(text);
    const codes = (holding: typeof holders | undefined) =>
      service
        .doValidation(model, settingsWith({ extensionsInUse: ['101'], knownHolders: holding }))
        .map((d) => `${d.code}@${d.range.start.line}`);
    assert.deepEqual(codes(undefined), ['extension-in-use@1', 'value-case@2']);
    assert.deepEqual(codes(holders), ['value-case@2']);
    assert.deepEqual(codes(undefined), ['extension-in-use@1', 'value-case@2']);
    assert.equal(JSON.stringify(holders).length < 40, true, 'a set of holders is not written out in full');
  });
});

describe('rowPlace', () => {
  const multiLine = 'Type,FirstName,LastName,Extension,CallProfile\nUser,Ann,"Lee\nJr",101,9\n\nUser,Bo,Park,,1\n';

  it("gives the row's range, the named column's cell, its label and entry name", () => {
    const model = modelOf(multiLine);
    assert.deepEqual(model.rowPlace(1, 'CallProfile'), {
      row: 1,
      range: { start: { line: 1, character: 0 }, end: { line: 2, character: 9 } },
      cell: { start: { line: 2, character: 8 }, end: { line: 2, character: 9 } },
      label: 'Ann Lee Jr, ext 101',
      type: 'User',
      extension: '101',
      entryName: { Type: 'User', FirstName: 'Ann', LastName: 'Lee\nJr' },
    });
    // The second line of the same record is the same row; a column in any case; the blank line is row 2.
    assert.equal(model.rowPlace(2, 'callprofile')?.row, 1);
    assert.equal(model.rowPlace(3)?.row, 2);
    assert.deepEqual(model.rowPlace(4, 'Extension')?.cell, {
      start: { line: 4, character: 13 },
      end: { line: 4, character: 13 },
    });
    assert.equal(model.rowPlace(4, 'PIN')?.cell, undefined, 'a column the header lacks has no cell');
  });

  it('is undefined on the header, past the end and for lines that are no lines', () => {
    const model = modelOf(multiLine);
    for (const line of [0, 99, -1, 1.5]) assert.equal(model.rowPlace(line), undefined, String(line));
    assert.equal(model.rowPlace(1, 'NoSuchColumn')?.cell, undefined);
  });
});
