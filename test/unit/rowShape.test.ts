/**
 * The shape of a data row against the header: too many cells, too few cells.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { csv } from './helpers/dedent';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { expectDiagnostics, textAfterFix } from './helpers/service';

describe('too many fields', () => {
  it('is an error when the extra cells hold values, from the comma before the first one to the end of the row', () => {
    const text = csv`
      Type,LastName
      User,Lee,extra
      User,Kim,,x
      User,Ray,"a,b",c
    `;
    const [extra] = expectDiagnostics(text, [
      { code: 'too-many-fields', line: 1, startChar: 8, endChar: 14, severity: DiagnosticSeverity.Error },
      { code: 'too-many-fields', line: 2, startChar: 8, endChar: 11 },
      { code: 'too-many-fields', line: 3, startChar: 8, endChar: 16 },
    ]);
    assert.match(extra.message, /often an unquoted comma inside a value/);
  });

  // Excel writes trailing commas: empty cells past the last column lose nothing.
  it('is only a note when the extra cells are empty (trailing commas)', () => {
    const text = csv`
      Type,LastName
      User,Kim,,
      User,Ray,
      User,Ng, ,""
    `;
    const [two] = expectDiagnostics(text, [
      { code: 'extra-empty-cells', line: 1, startChar: 8, endChar: 10, severity: DiagnosticSeverity.Information },
      { code: 'extra-empty-cells', line: 2, startChar: 8, endChar: 9 },
      { code: 'extra-empty-cells', line: 3, startChar: 7, endChar: 12 },
    ]);
    assert.match(two.message, /2 empty cells past the header's 2 columns \(trailing commas\)/);
  });

  it('still checks the cells under the header', () => {
    expectDiagnostics('Type,LastName\nuser,Lee,x\n', [
      { code: 'value-case', line: 1, startChar: 0, endChar: 4 },
      { code: 'too-many-fields', line: 1, startChar: 8, endChar: 10 },
    ]);
  });
});

describe('too few fields', () => {
  it('warns on the whole row; missing cells read as blank', () => {
    const text = csv`
      Type,LastName,Email,Privacy
      User,Lee,a@example.com
      User,Kim
    `;
    const diagnostics = expectDiagnostics(text, [
      { code: 'too-few-fields', line: 1, startChar: 0, endChar: 22 },
      { code: 'too-few-fields', line: 2, startChar: 0, endChar: 8 },
    ]);
    assert.match(diagnostics[1].message, /2 cells.*4 columns/);
  });

  it('still checks the row: a missing LastName cell is still required-value, at the end of the row', () => {
    const text = csv`
      Type,Email,LastName
      User,a@example.com
    `;
    expectDiagnostics(text, [
      { code: 'too-few-fields', line: 1, startChar: 0, endChar: 18 },
      { code: 'required-value', line: 1, startChar: 18, endChar: 18, data: { column: 'LastName' } },
    ]);
  });

  it('is not reported for a row short only of columns with no name (a trailing comma on the header)', () => {
    expectDiagnostics('Type,LastName,,\nUser,Lee\nUser,Kim,\nUser\n', [
      { code: 'blank-column-name', line: 0, startChar: 14, endChar: 14 },
      { code: 'blank-column-name', line: 0, startChar: 15, endChar: 15 },
      { code: 'too-few-fields', line: 3, startChar: 0, endChar: 4 },
      { code: 'required-value', line: 3, startChar: 4, endChar: 4, data: { column: 'LastName' } },
    ]);
  });

  it('has a fix adding the missing empty cells', () => {
    assert.equal(
      textAfterFix('Type,LastName,Email,Privacy\r\nUser,Lee\r\n', 'too-few-fields'),
      'Type,LastName,Email,Privacy\r\nUser,Lee,,\r\n',
    );
  });

  it('still checks the cells the row has', () => {
    expectDiagnostics('Type,Privacy,LastName\nuser,Yes\n', [
      { code: 'too-few-fields', line: 1, startChar: 0, endChar: 8 },
      { code: 'value-case', line: 1, startChar: 0, endChar: 4 },
      { code: 'not-yes-no', line: 1, startChar: 5, endChar: 8 },
      { code: 'required-value', line: 1, startChar: 8, endChar: 8, data: { column: 'LastName' } },
    ]);
  });
});
