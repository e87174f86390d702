/**
 * The shape of a data row against the header: too many cells, too few cells.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { csv } from './helpers/dedent';
import { expectDiagnostics } from './helpers/service';

describe('too many fields', () => {
  it('ranges from the comma before the first extra cell to the end of the row', () => {
    const text = csv`
      Type,LastName
      User,Lee,extra
      User,Kim,,
      User,Ray,"a,b",c
    `;
    expectDiagnostics(text, [
      { code: 'too-many-fields', line: 1, startChar: 8, endChar: 14 },
      { code: 'too-many-fields', line: 2, startChar: 8, endChar: 10 },
      { code: 'too-many-fields', line: 3, startChar: 8, endChar: 16 },
    ]);
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

  it('still checks the cells the row has', () => {
    expectDiagnostics('Type,Privacy,LastName\nuser,Yes\n', [
      { code: 'too-few-fields', line: 1, startChar: 0, endChar: 8 },
      { code: 'value-case', line: 1, startChar: 0, endChar: 4 },
      { code: 'not-yes-no', line: 1, startChar: 5, endChar: 8 },
      { code: 'required-value', line: 1, startChar: 8, endChar: 8, data: { column: 'LastName' } },
    ]);
  });
});
