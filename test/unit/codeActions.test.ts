/**
 * Quick fixes: each one is applied to the text and the result compared exactly.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import { csv } from './helpers/dedent';
import {
  codeActionsFor,
  modelOf,
  service,
  settingsWith,
  textAfterFix,
  validateText,
  TEST_URI,
  applyEdits,
} from './helpers/service';

/** The file is said to be a subscriber file: its header alone would not make it one. */
const ASSUMED = settingsWith({}, { assumeSubscriberFile: true });

describe('value replacement', () => {
  it('fixes the case of a y/n value', () => {
    assert.equal(
      textAfterFix('Type,LastName,Privacy\nUser,Lee,Y\n', 'value-case'),
      'Type,LastName,Privacy\nUser,Lee,y\n',
    );
  });

  it('fixes Yes to y and No to n', () => {
    assert.equal(textAfterFix('Type,LastName,VM\nUser,Lee,Yes\n', 'not-yes-no'), 'Type,LastName,VM\nUser,Lee,y\n');
    assert.equal(textAfterFix('Type,LastName,VM\nUser,Lee,No\n', 'not-yes-no'), 'Type,LastName,VM\nUser,Lee,n\n');
  });

  it('offers nothing for a y/n value with no clear meaning', () => {
    assert.deepEqual(codeActionsFor('Type,LastName,VM\nUser,Lee,maybe\n', 'not-yes-no'), []);
  });

  it('fixes the case of a Type or DirAccess value', () => {
    assert.equal(textAfterFix('Type,LastName\nuser,Lee\n', 'value-case'), 'Type,LastName\nUser,Lee\n');
    assert.equal(
      textAfterFix('Type,LastName,DirAccess\nUser,Lee,Both\n', 'value-case'),
      'Type,LastName,DirAccess\nUser,Lee,both\n',
    );
  });

  it('fixes a language name to its code', () => {
    assert.equal(
      textAfterFix('Type,LastName,Language\nUser,Lee,english\n', 'invalid-choice'),
      'Type,LastName,Language\nUser,Lee,en\n',
    );
  });

  it('keeps only the digits of a phone number, quotes included', () => {
    assert.equal(
      textAfterFix('Type,LastName,HomePhone\r\nUser,Lee,"(617) 555-0100"\r\n', 'phone-punctuation'),
      'Type,LastName,HomePhone\r\nUser,Lee,6175550100\r\n',
    );
  });

  it('trims spaces around a value', () => {
    assert.equal(
      textAfterFix('Type,LastName,Email\nUser,Lee, ann@example.com \n', 'extra-spaces'),
      'Type,LastName,Email\nUser,Lee,ann@example.com\n',
    );
    assert.equal(textAfterFix('Type,LastName\nUser," Lee"\n', 'extra-spaces'), 'Type,LastName\nUser,Lee\n');
  });

  it('keeps a trimmed value with a comma or quote quoted, so the row keeps its cells', () => {
    assert.equal(
      textAfterFix('Type,LastName,FirstName\nUser," Lee, Jr.",Ann\n', 'extra-spaces'),
      'Type,LastName,FirstName\nUser,"Lee, Jr.",Ann\n',
    );
    assert.equal(
      textAfterFix('Type,LastName,FirstName\nUser,Lee," ""Al"" "\n', 'extra-spaces'),
      'Type,LastName,FirstName\nUser,Lee,"""Al"""\n',
    );
  });

  it('replaces only the cell, after non-ASCII text', () => {
    assert.equal(
      textAfterFix('Type,LastName,VM\nUser,Müller 😀,Y\n', 'value-case'),
      'Type,LastName,VM\nUser,Müller 😀,y\n',
    );
  });
});

describe('rename header', () => {
  it('renames a misspelt column to the nearest known name', () => {
    const text = 'Type,LastName,Extention\nUser,Lee,101\n';
    const [action] = codeActionsFor(text, 'misspelt-column');
    assert.equal(action.title, 'Rename the column to Extension');
    assert.equal(action.isPreferred, true);
    assert.equal(textAfterFix(text, 'misspelt-column'), 'Type,LastName,Extension\nUser,Lee,101\n');
  });

  it('offers to delete an unknown column that is no misspelling, but never as the preferred fix', () => {
    const text = 'Type,Department,LastName\nUser,Sales,Lee\nLocation,,Lobby\nUser\n';
    const [action] = codeActionsFor(text, 'unknown-column');
    assert.equal(action.title, 'Delete this column and its values');
    assert.equal(action.isPreferred, false);
    assert.equal(textAfterFix(text, 'unknown-column'), 'Type,LastName\nUser,Lee\nLocation,Lobby\nUser\n');
  });
});

describe('add missing column', () => {
  it('adds the column at the end of the header and an empty cell on every data row', () => {
    const text = csv`
      FirstName,LastName
      Ann,Lee
      Bo,Kim,extra
      Cy

      Di,"Ray
      Jr."
    `;
    assert.equal(
      textAfterFix(text, 'missing-column', ASSUMED),
      csv`
        FirstName,LastName,Type
        Ann,Lee,
        Bo,Kim,,extra
        Cy,,

        Di,"Ray
        Jr.",
      `,
    );
  });

  it('offers one fix per missing column', () => {
    const actions = codeActionsFor('FirstName,Email\nAnn,a@example.com\n', 'missing-column', ASSUMED);
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Add the Type column', 'Add the LastName column'],
    );
  });

  it('adds the Email column the PIN notification setting requires, keeping CRLF', () => {
    assert.equal(
      textAfterFix(
        'Type,LastName\r\nUser,Lee\r\nUser,Kim\r\n',
        'missing-email-column',
        settingsWith({ pinNotification: 'email' }),
      ),
      'Type,LastName,Email\r\nUser,Lee,\r\nUser,Kim,\r\n',
    );
  });
});

describe('delete blank row', () => {
  it('deletes an empty row between rows', () => {
    assert.equal(textAfterFix('Type,LastName\n\nUser,Lee\n', 'blank-row'), 'Type,LastName\nUser,Lee\n');
  });

  it('deletes a row of commas with its CRLF', () => {
    assert.equal(
      textAfterFix('Type,LastName\r\nUser,Lee\r\n,,\r\nUser,Kim\r\n', 'blank-row'),
      'Type,LastName\r\nUser,Lee\r\nUser,Kim\r\n',
    );
  });

  it('deletes an empty row before the header', () => {
    assert.equal(textAfterFix('\nType,LastName\nUser,Lee\n', 'blank-row'), 'Type,LastName\nUser,Lee\n');
  });

  it('deletes a blank last row and keeps the final line break', () => {
    assert.equal(textAfterFix('Type,LastName\nUser,Lee\n,\n', 'blank-row'), 'Type,LastName\nUser,Lee\n');
    assert.equal(textAfterFix('Type,LastName\nUser,Lee\n\n', 'blank-row'), 'Type,LastName\nUser,Lee\n');
  });

  it('deletes a blank last row with no line break, and the line break before it', () => {
    assert.equal(textAfterFix('Type,LastName\nUser,Lee\n,,', 'blank-row'), 'Type,LastName\nUser,Lee');
    assert.equal(textAfterFix('Type,LastName\r\nUser,Lee\r\n,', 'blank-row'), 'Type,LastName\r\nUser,Lee');
  });
});

describe('trim extra empty cells', () => {
  it('removes trailing empty cells past the header width', () => {
    assert.equal(textAfterFix('Type,LastName\nUser,Lee,,\n', 'extra-empty-cells'), 'Type,LastName\nUser,Lee\n');
    assert.equal(
      textAfterFix('Type,LastName\nUser,Lee,""\nUser,Kim\n', 'extra-empty-cells'),
      'Type,LastName\nUser,Lee\nUser,Kim\n',
    );
    assert.equal(textAfterFix('Type,LastName\nUser,Lee, ,\n', 'extra-empty-cells'), 'Type,LastName\nUser,Lee\n');
  });

  it('offers nothing when an extra cell has a value', () => {
    assert.deepEqual(codeActionsFor('Type,LastName\nUser,Lee,,x\n', 'too-many-fields'), []);
  });
});

describe('code actions', () => {
  it('are preferred quick fixes that name their diagnostic', () => {
    const text = 'Type,LastName,VM\nUser,Lee,Y\n';
    const model = modelOf(text);
    const diagnostics = service.doValidation(model, settingsWith());
    const [action] = service.getCodeActions(model, diagnostics);
    assert.equal(action.kind, CodeActionKind.QuickFix);
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, diagnostics);
    assert.equal(action.title, 'Change to y');
  });

  it('are built from the diagnostic data, not its message', () => {
    const text = 'Type,LastName,VM\nUser,Lee,Y\n';
    const model = modelOf(text);
    const diagnostics = service.doValidation(model, settingsWith()).map((d) => ({ ...d, message: 'reworded' }));
    const [action] = service.getCodeActions(model, diagnostics);
    assert.equal(applyEdits(text, action.edit?.changes?.[TEST_URI] ?? []), 'Type,LastName,VM\nUser,Lee,y\n');
  });

  it('are offered only for our own diagnostics, and only for codes that have a fix', () => {
    const text = 'Type,LastName,VM\nUser,,Y\n';
    const model = modelOf(text);
    const ours = validateText(text);
    const foreign: Diagnostic = { ...ours[1], source: 'another-linter' };
    assert.equal(ours[0].code, 'required-value');
    assert.deepEqual(service.getCodeActions(model, [ours[0]]), []);
    assert.deepEqual(service.getCodeActions(model, [foreign]), []);
    assert.equal(service.getCodeActions(model, ours).length, 1);
  });
});
