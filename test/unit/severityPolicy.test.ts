/**
 * The severity policy (docs/diagnostics.md): an error only where the vendor's page requires it or the import
 * certainly cannot take the value; where the page is silent, a warning or a note, with a fix where one is safe. Each
 * case below is one that blocked a legitimate file before the policy: it must now come out as the policy says.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CATALOG, type DiagnosticCode } from '@subscriber-csv/language-service';
import { csv } from './helpers/dedent';
import { codeActionsFor, expectDiagnostics, settingsWith, textAfterFix, validateText } from './helpers/service';

const codes = Object.keys(CATALOG) as DiagnosticCode[];
const BY_EMAIL = settingsWith({ pinNotification: 'email' });
const ASSUMED = settingsWith({}, { assumeSubscriberFile: true });

describe('the catalog applies the policy to every code', () => {
  it('gives every code a basis and one sentence of why', () => {
    for (const code of codes) {
      const { basis, why } = CATALOG[code];
      assert.ok(['page', 'cannot-import', 'our-reading'].includes(basis), `${code} has no basis`);
      assert.match(why, /^[A-Z].*\.$/, `${code}: why is a sentence`);
      assert.doesNotMatch(why, /\.\s+[A-Z]/, `${code}: why is one sentence`);
    }
  });

  it('makes an error only of what the page requires or the import cannot take; our reading never blocks', () => {
    for (const code of codes) {
      const { severity, basis, effect } = CATALOG[code];
      if (severity === DiagnosticSeverity.Error) assert.notEqual(basis, 'our-reading', `${code} is an error`);
      if (basis === 'our-reading') assert.equal(effect, 'none', `${code} has an effect on the import`);
    }
  });

  // The codes whose severity the policy changed, with the severity it gave them.
  const CHANGED: Readonly<Partial<Record<DiagnosticCode, DiagnosticSeverity>>> = {
    'blank-column-name': DiagnosticSeverity.Information,
    'duplicate-column': DiagnosticSeverity.Warning,
    'unknown-column': DiagnosticSeverity.Warning,
    'too-many-columns': DiagnosticSeverity.Warning,
    'value-case': DiagnosticSeverity.Warning,
    'implausible-phone': DiagnosticSeverity.Information,
    'email-required': DiagnosticSeverity.Warning,
  };

  it('has lowered the codes that blocked legitimate files', () => {
    for (const [code, severity] of Object.entries(CHANGED)) {
      assert.equal(CATALOG[code as DiagnosticCode].severity, severity, code);
      assert.equal(CATALOG[code as DiagnosticCode].effect, 'none', code);
    }
  });
});

describe('cases the policy decides', () => {
  it('an extra column is a warning saying the import ignores it; a close misspelling stays an error', () => {
    const [misspelt, extra] = expectDiagnostics('Type,LastName,Extention,Notes\nUser,Lee,101,VIP\n', [
      { code: 'misspelt-column', line: 0, startChar: 14, endChar: 23, severity: DiagnosticSeverity.Error },
      { code: 'unknown-column', line: 0, startChar: 24, endChar: 29, severity: DiagnosticSeverity.Warning },
    ]);
    assert.match(misspelt.message, /did you mean Extension\?/);
    assert.match(extra.message, /the import will ignore its values \(our reading/);
    assert.equal(
      textAfterFix('Type,LastName,Extention\nUser,Lee,101\n', 'misspelt-column').split('\n')[0],
      'Type,LastName,Extension',
    );
  });

  it('a trailing comma on the header is a note with a fix that deletes the empty column', () => {
    const text = 'Type,FirstName,LastName,\r\nUser,Ann,Lee,\r\nLocation,,Lobby,\r\n';
    const [note] = expectDiagnostics(text, [
      { code: 'blank-column-name', line: 0, startChar: 24, endChar: 24, severity: DiagnosticSeverity.Information },
    ]);
    assert.match(note.message, /Column 4 has no name/);
    assert.equal(
      textAfterFix(text, 'blank-column-name'),
      'Type,FirstName,LastName\r\nUser,Ann,Lee\r\nLocation,,Lobby\r\n',
    );
    // With a value under it, deleting would lose it: no fix, and the value is warned about.
    assert.deepEqual(codeActionsFor('Type,LastName,\nUser,Lee,x\n', 'blank-column-name'), []);
  });

  it('extra empty cells at the end of a row are a note with a fix', () => {
    const text = 'Type,LastName\nUser,Lee,,,\n';
    expectDiagnostics(text, [
      { code: 'extra-empty-cells', line: 1, startChar: 8, endChar: 11, severity: DiagnosticSeverity.Information },
    ]);
    assert.equal(textAfterFix(text, 'extra-empty-cells'), 'Type,LastName\nUser,Lee\n');
  });

  it('with PIN notices by email, a Location without an Email gets nothing, a User a warning naming the setting', () => {
    const text = csv`
      Type,LastName,Email
      Location,Lobby,
      User,Lee,
      User,Kim,kim@example.com
    `;
    const [user] = expectDiagnostics(
      text,
      [{ code: 'email-required', line: 2, startChar: 9, endChar: 9, severity: DiagnosticSeverity.Warning }],
      BY_EMAIL,
    );
    assert.match(user.message, /PIN notification setting is "Email"/);
  });

  it('examples/clean.subscribers.csv has no error when PIN notices go by email', () => {
    const text = fs.readFileSync(path.join(__dirname, '../../examples/clean.subscribers.csv'), 'utf8');
    const found = validateText(text, BY_EMAIL);
    assert.deepEqual(
      found.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).map((d) => d.code),
      [],
    );
  });

  it('a header quoted as one cell is one error on the header, fixed by removing the quotes', () => {
    const text = '"Type,FirstName,LastName"\n"User,Ann,""Lee, Jr."""\nLocation,,Lobby\n';
    const [quoted] = expectDiagnostics(
      text,
      [
        {
          code: 'missing-header',
          line: 0,
          startChar: 0,
          endChar: 25,
          data: { replacement: 'Type,FirstName,LastName' },
        },
      ],
      ASSUMED,
    );
    assert.match(quoted.message, /The header row is one quoted cell/);
    const fixed = textAfterFix(text, 'missing-header', ASSUMED);
    assert.equal(fixed, 'Type,FirstName,LastName\nUser,Ann,"Lee, Jr."\nLocation,,Lobby\n');
    expectDiagnostics(fixed, [], ASSUMED);
  });

  it('a value in another letter case is a warning with a fix', () => {
    const text = 'Type,LastName,VM\nuser,Lee,Y\n';
    const [type] = expectDiagnostics(text, [
      { code: 'value-case', line: 1, startChar: 0, endChar: 4, severity: DiagnosticSeverity.Warning },
      { code: 'value-case', line: 1, startChar: 9, endChar: 10, severity: DiagnosticSeverity.Warning },
    ]);
    assert.match(type.message, /the import may not recognise "user"/);
  });

  it('a column named twice warns; only a row holding two different values in it is an error', () => {
    const text = csv`
      Type,LastName,Email,EMAIL
      User,Lee,lee@example.com,lee@example.com
      User,Kim,kim@example.com,k@example.com
      User,Ray,,
    `;
    const [, conflict] = expectDiagnostics(text, [
      { code: 'duplicate-column', line: 0, startChar: 20, endChar: 25, severity: DiagnosticSeverity.Warning },
      {
        code: 'duplicate-column-conflict',
        line: 2,
        startChar: 25,
        endChar: 38,
        severity: DiagnosticSeverity.Error,
        data: { column: 'Email' },
      },
    ]);
    assert.match(conflict.message, /Email is both column 3 and column 4, and this row gives them different values/);
    // Deleting the repeated column would lose k@example.com: no fix until the values agree.
    assert.deepEqual(codeActionsFor(text, 'duplicate-column'), []);
    const agreeing = 'Type,LastName,Email,EMAIL\nUser,Lee,lee@example.com,lee@example.com\nUser,Ray,,\n';
    assert.equal(
      textAfterFix(agreeing, 'duplicate-column'),
      'Type,LastName,Email\nUser,Lee,lee@example.com\nUser,Ray,\n',
    );
  });

  it('a header wider than what is checked is a warning, not a refusal', () => {
    const text = `Type,LastName${',x'.repeat(10_000)}\nUser,Lee\n`;
    const wide = validateText(text).filter((diagnostic) => diagnostic.code === 'too-many-columns');
    assert.equal(wide.length, 1);
    assert.equal(wide[0].severity, DiagnosticSeverity.Warning);
  });

  it('a file with only warnings and notes has no error at all', () => {
    const text = csv`
      Type,FirstName,LastName,Email,IncomingDID,HomePhone,Privacy,CallProfile,Department,
      User,Ann,Lee,,+1 617-555-0100,5550100,Y,standard,Sales,
      Location,,Lobby,,(617) 555-0199,61755501,n,1,,,
    `;
    const found = validateText(text, BY_EMAIL);
    assert.deepEqual(
      found.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
      [
        ['unknown-column', DiagnosticSeverity.Warning],
        ['blank-column-name', DiagnosticSeverity.Information],
        ['email-required', DiagnosticSeverity.Warning],
        ['value-case', DiagnosticSeverity.Warning],
        ['not-a-number', DiagnosticSeverity.Warning],
        ['implausible-phone', DiagnosticSeverity.Information],
        ['extra-empty-cells', DiagnosticSeverity.Information],
      ],
    );
  });
});
