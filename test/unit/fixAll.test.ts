/**
 * Fix All through the library's entry point (`getFixAllEdits`): every automatic fix at once, as exact edits; what
 * only a person can decide is left with its quick fix; overlapping fixes and fixes that reveal others are taken over
 * several passes, and the result validates with no automatic fix left.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { CATALOG, fixKindOf, type DiagnosticCode, type ServiceSettings } from '@subscriber-csv/language-service';
import { csv } from './helpers/dedent';
import { applyEdits, modelOf, service, settingsWith, validateText } from './helpers/service';

const SUBSCRIBER_FILE = settingsWith({}, { assumeSubscriberFile: true });

function fixAll(text: string, settings: ServiceSettings = SUBSCRIBER_FILE) {
  const result = service.getFixAllEdits(modelOf(text), settings);
  return { ...result, text: applyEdits(text, result.edits) };
}

function edit(line: number, start: number, endLine: number, end: number, newText: string): TextEdit {
  return { range: { start: { line, character: start }, end: { line: endLine, character: end } }, newText };
}

/** The codes of `text`'s diagnostics that still have a quick fix, by kind. */
function fixableLeft(text: string, settings: ServiceSettings = SUBSCRIBER_FILE): string[] {
  const model = modelOf(text);
  const diagnostics = service.doValidation(model, settings);
  return service
    .getCodeActions(model, diagnostics)
    .map(
      (action) =>
        `${String(action.diagnostics?.[0].code)} ${fixKindOf(action.diagnostics?.[0].code as DiagnosticCode)}`,
    );
}

describe('getFixAllEdits', () => {
  it('fixes one of every automatic problem in one pass, with each edit where it belongs', () => {
    const text = csv`
      Type,FirstName,LastName,,MobilePhone,Privacy,VM
       User,Ann,Lee,,(617) 555-0100,Y,Yes

      User,Bo,Kim,,6175550101,n,n,,
    `;
    assert.deepEqual(
      validateText(text).map((diagnostic) => diagnostic.code),
      [
        'blank-column-name',
        'extra-spaces',
        'phone-punctuation',
        'value-case',
        'not-yes-no',
        'blank-row',
        'extra-empty-cells',
      ],
    );
    const result = fixAll(text);
    assert.equal(result.fixed, 7);
    assert.deepEqual(result.edits, [
      edit(0, 23, 0, 24, ''),
      edit(1, 0, 1, 5, 'User'),
      edit(1, 13, 1, 14, ''),
      edit(1, 15, 1, 29, '6175550100'),
      edit(1, 30, 1, 31, 'y'),
      edit(1, 32, 1, 35, 'y'),
      edit(2, 0, 3, 0, ''),
      edit(3, 11, 3, 12, ''),
      edit(3, 27, 3, 29, ''),
    ]);
    assert.equal(
      result.text,
      csv`
        Type,FirstName,LastName,MobilePhone,Privacy,VM
        User,Ann,Lee,6175550100,y,y
        User,Bo,Kim,6175550101,n,n
      `,
    );
    assert.deepEqual(validateText(result.text), []);
  });

  it('unquotes a header written as one cell, then drops a repeated column and pads a short row, in passes', () => {
    const text = csv`
      "Type,LastName,VM,VM"
      "User,Lee,y,y"
      User,Kim
    `;
    assert.deepEqual(
      validateText(text).map((diagnostic) => diagnostic.code),
      ['missing-header'],
    );
    const result = fixAll(text);
    assert.equal(result.fixed, 4);
    assert.equal(result.text, 'Type,LastName,VM\nUser,Lee,y\nUser,Kim,\n');
    assert.deepEqual(validateText(result.text), []);
  });

  it('covers every code whose fix is automatic, and the tests above and below have one of each', () => {
    const automatic = (Object.keys(CATALOG) as DiagnosticCode[]).filter((code) => fixKindOf(code) === 'auto');
    assert.deepEqual(automatic.sort(), [
      'blank-column-name',
      'blank-row',
      'duplicate-column',
      'extra-empty-cells',
      'extra-spaces',
      'missing-header',
      'not-yes-no',
      'phone-punctuation',
      'too-few-fields',
      'value-case',
      'wrong-delimiter',
    ]);
  });

  it('leaves what needs a person (a guess, a missing column, characters of a value) with its quick fix', () => {
    const settings = settingsWith({ pinNotification: 'email' }, { assumeSubscriberFile: true });
    const text = csv`
      Type,Extention,Language,FirstName,VM
      User,101,English,=Ann,YES
    `;
    const result = fixAll(text, settings);
    assert.equal(result.fixed, 1);
    assert.deepEqual(result.edits, [edit(1, 22, 1, 25, 'y')]);
    assert.deepEqual(fixableLeft(result.text, settings), [
      'missing-column quickFix',
      'missing-email-column quickFix',
      'misspelt-column quickFix',
      'invalid-choice quickFix',
      'formula-injection quickFix',
    ]);
  });

  it('converts a semicolon file to commas, then fixes what the cells show only then, as one edit', () => {
    const text = csv`
      Type;FirstName;LastName;Privacy
      User;Ann;Lee;Y
      User;" Bo";Kim;n
    `;
    const result = fixAll(text);
    assert.equal(result.fixed, 3);
    // Two passes: one edit from the first change to the last.
    assert.deepEqual(result.edits, [edit(0, 4, 2, 15, ',FirstName,LastName,Privacy\nUser,Ann,Lee,y\nUser,Bo,Kim,')]);
    assert.equal(result.text, 'Type,FirstName,LastName,Privacy\nUser,Ann,Lee,y\nUser,Bo,Kim,n\n');
    assert.deepEqual(validateText(result.text), []);
  });

  it('takes one of two fixes of the same cell, and the other on the next pass', () => {
    const text = 'Type,LastName,VM\nUser,Lee, Yes \n';
    assert.deepEqual(
      validateText(text).map((diagnostic) => diagnostic.code),
      ['extra-spaces', 'not-yes-no'],
    );
    const result = fixAll(text);
    assert.equal(result.fixed, 2);
    assert.deepEqual(result.edits, [edit(1, 9, 1, 14, 'y')]);
  });

  it('gives the same edits however often it is asked, and none for a clean or an unrelated file', () => {
    const text = 'Type,LastName,VM,Privacy\nUser,Lee,Yes,Y\nUser,Kim, n,N\n';
    const first = fixAll(text);
    assert.deepEqual(fixAll(text), first);
    assert.deepEqual(first.edits, [
      edit(1, 9, 1, 12, 'y'),
      edit(1, 13, 1, 14, 'y'),
      edit(2, 9, 2, 11, 'n'),
      edit(2, 12, 2, 13, 'n'),
    ]);
    assert.deepEqual(fixAll(first.text), { edits: [], fixed: 0, text: first.text });
    const unrelated = 'name,flag\nAnn, Y\n';
    assert.deepEqual(service.getFixAllEdits(modelOf(unrelated), settingsWith()), { edits: [], fixed: 0 });
  });

  it('fixes every row of a large file, not only the 1,000 diagnostics an editor is shown', () => {
    const rows = Array.from({ length: 3000 }, (_, index) => `User,Lee${index},Y`);
    const text = `Type,LastName,VM\n${rows.join('\n')}\n`;
    const result = fixAll(text);
    assert.equal(result.fixed, 3000);
    assert.equal(result.edits.length, 3000);
    assert.equal(result.text, text.replace(/,Y\n/g, ',y\n'));
  });
});
