/**
 * The header row: mandatory columns, names in any case and order, and names that are blank, repeated or unknown.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { COLUMNS } from '@subscriber-csv/language-service';
import { csv } from './helpers/dedent';
import { expectDiagnostics, modelOf, settingsWith } from './helpers/service';

/** Said to be a subscriber file: a header lacking Type or LastName is not plainly one by itself. */
const ASSUMED = settingsWith({}, { assumeSubscriberFile: true });

describe('mandatory columns', () => {
  it('accepts Type and LastName alone', () => {
    expectDiagnostics('Type,LastName\nUser,Lee\n', []);
  });

  it('reports a missing Type column on the whole header', () => {
    const text = csv`
      FirstName,LastName
      Ann,Lee
    `;
    expectDiagnostics(
      text,
      [{ code: 'missing-column', line: 0, startChar: 0, endChar: 18, data: { column: 'Type' } }],
      ASSUMED,
    );
  });

  it('reports a missing LastName column', () => {
    const text = csv`
      Type,FirstName
      User,Ann
    `;
    expectDiagnostics(
      text,
      [{ code: 'missing-column', line: 0, startChar: 0, endChar: 14, data: { column: 'LastName' } }],
      ASSUMED,
    );
  });

  it('reports each missing mandatory column once, in the order of the column table', () => {
    const text = csv`
      FirstName,Email
      Ann,ann@example.com
    `;
    expectDiagnostics(
      text,
      [
        { code: 'missing-column', line: 0, startChar: 0, endChar: 15, data: { column: 'Type' } },
        { code: 'missing-column', line: 0, startChar: 0, endChar: 15, data: { column: 'LastName' } },
      ],
      ASSUMED,
    );
  });
});

describe('column names', () => {
  it('are matched in any case and any order', () => {
    const text = csv`
      lastname,DIRACCESS,tYPE,privacy
      Lee,dial,User,n
      Kim,Both,Location,Y
    `;
    expectDiagnostics(text, [
      { code: 'value-case', line: 2, startChar: 4, endChar: 8, data: { column: 'DirAccess', replacement: 'both' } },
      { code: 'value-case', line: 2, startChar: 18, endChar: 19, data: { column: 'Privacy', replacement: 'y' } },
    ]);
  });

  it('may be quoted or have spaces around them', () => {
    expectDiagnostics('"Type", LastName ,"Privacy"\nUser,Lee,n\n', []);
  });

  it('are all 32 accepted together, in the vendor order and reversed', () => {
    const names = COLUMNS.map((column) => column.name);
    expectDiagnostics(`${names.join(',')}\n`, []);
    expectDiagnostics(`${[...names].reverse().join(',')}\n`, []);
    const model = modelOf(`${names.join(',')}\n`);
    assert.equal(model.columns().length, 32);
  });

  it('notes a blank column name at the empty header cell, and warns of a value under it', () => {
    const text = csv`
      Type,,LastName
      User,x,Lee
      User,,Kim
    `;
    const [blank, value] = expectDiagnostics(text, [
      { code: 'blank-column-name', line: 0, startChar: 5, endChar: 5, severity: DiagnosticSeverity.Information },
      { code: 'unnamed-column-value', line: 1, startChar: 5, endChar: 6, severity: DiagnosticSeverity.Warning },
    ]);
    assert.match(blank.message, /Column 2 has no name/);
    assert.match(value.message, /Column 2 has no name in the header, so this value has no column to go to/);
  });

  it('reports a trailing comma in the header as a blank column name', () => {
    expectDiagnostics('Type,LastName,\nUser,Lee,\n', [
      { code: 'blank-column-name', line: 0, startChar: 14, endChar: 14 },
    ]);
  });

  it('reports a column named only with spaces or quotes as blank', () => {
    expectDiagnostics('Type,LastName,  ,""\nUser,Lee,,\n', [
      { code: 'blank-column-name', line: 0, startChar: 14, endChar: 16 },
      { code: 'blank-column-name', line: 0, startChar: 17, endChar: 19 },
    ]);
  });

  it('warns of the second of two columns with the same name, ignoring case', () => {
    const text = csv`
      Type,LastName,Email,lastname,EMAIL
      User,Lee,a@example.com,Lee,a@example.com
    `;
    expectDiagnostics(text, [
      { code: 'duplicate-column', line: 0, startChar: 20, endChar: 28, data: { column: 'LastName' } },
      { code: 'duplicate-column', line: 0, startChar: 29, endChar: 34, data: { column: 'Email' } },
    ]);
  });

  it('reads values from the first of two columns with the same name', () => {
    const model = modelOf('Type,LastName,LASTNAME\nUser,Lee,Kim\n');
    assert.equal(model.dataRows()[0].value('LastName'), 'Lee');
  });

  it('reports a close misspelling of a column the header lacks, and suggests the name', () => {
    const text = csv`
      Type,LastName,Extention,Frist Name,Last Name,e-mail
      User,Lee,101,Ann,Lee,a@example.com
    `;
    const diagnostics = expectDiagnostics(text, [
      { code: 'misspelt-column', line: 0, startChar: 14, endChar: 23, data: { replacement: 'Extension' } },
      { code: 'misspelt-column', line: 0, startChar: 24, endChar: 34, data: { replacement: 'FirstName' } },
      // Close to LastName, which the header already has: renaming would make a duplicate, so it is only extra.
      { code: 'unknown-column', line: 0, startChar: 35, endChar: 44 },
      { code: 'misspelt-column', line: 0, startChar: 45, endChar: 51, data: { replacement: 'Email' } },
    ]);
    assert.match(diagnostics[0].message, /did you mean Extension\? As written, its values would not be imported\./);
  });

  it('warns of an extra column that is no misspelling: the import ignores its values', () => {
    const diagnostics = expectDiagnostics('Type,LastName,Department,Notes\nUser,Lee,Sales,Ext. 4\n', [
      { code: 'unknown-column', line: 0, startChar: 14, endChar: 24, severity: DiagnosticSeverity.Warning },
      { code: 'unknown-column', line: 0, startChar: 25, endChar: 30, severity: DiagnosticSeverity.Warning },
    ]);
    assert.equal(diagnostics[0].data, undefined);
    assert.match(diagnostics[0].message, /"Department" is not an import column; the import will ignore its values/);
    assert.match(diagnostics[1].message, /"Notes" is not an import column/);
    assert.doesNotMatch(diagnostics[0].message, /Did you mean/);
  });

  it('does not check the values under an unknown or misspelt column', () => {
    expectDiagnostics('Type,LastName,Privacyy\nUser,Lee,Yes\n', [
      { code: 'misspelt-column', line: 0, startChar: 14, endChar: 22, data: { replacement: 'Privacy' } },
    ]);
  });
});

describe('Email column and the PIN notification setting', () => {
  const text = csv`
    Type,LastName
    User,Lee
  `;

  for (const pinNotification of ['email', 'emailAndDisplay'] as const) {
    it(`is mandatory when PIN notices go by ${pinNotification}`, () => {
      expectDiagnostics(
        text,
        [{ code: 'missing-email-column', line: 0, startChar: 0, endChar: 13, data: { column: 'Email' } }],
        settingsWith({ pinNotification }),
      );
    });
  }

  for (const pinNotification of ['none', 'display'] as const) {
    it(`is optional when PIN notices go by ${pinNotification}`, () => {
      expectDiagnostics(text, [], settingsWith({ pinNotification }));
    });
  }

  it('is satisfied by an email column in any case', () => {
    expectDiagnostics('Type,LastName,EMAIL\nUser,Lee,a@example.com\n', [], settingsWith({ pinNotification: 'email' }));
  });
});
