/**
 * Which files the service speaks about. A plain `.csv` is served only when its header is plainly a subscriber header:
 * Type and LastName, or at least three import columns one of which is Type or LastName. Files that share a name or
 * two with the import are left alone: no diagnostics, hovers, completions, symbols, tokens, hints or folding.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { csv } from './helpers/dedent';
import { completeAt, documentOf, expectDiagnostics, hoverAt, modelOf, service, settingsWith } from './helpers/service';

const UNRELATED = [
  csv`
    Name,Email,Phone
    Ann Lee,ann@example,(617) 555-0100
  `,
  csv`
    key,type,value
    timeout,int,30
  `,
  csv`
    id,name,email,created_at
    1,Ann,not-an-email,2024-01-01
  `,
  csv`
    FirstName,LastName
    Ann,Lee
  `,
  csv`
    Type,Extension
    user,12a
  `,
];

const NOT_SAID = settingsWith();

describe('a plain CSV sharing a few column names with the import', () => {
  for (const text of UNRELATED) {
    const header = text.split('\n')[0];
    it(`is left alone: ${header}`, () => {
      const model = modelOf(text);
      assert.equal(service.isServed(model, NOT_SAID), false);
      expectDiagnostics(text, [], NOT_SAID);
      const document = documentOf(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const marked = `${text.slice(0, offset)}|${text.slice(offset)}`;
        assert.equal(hoverAt(marked, NOT_SAID), null, marked);
        assert.deepEqual(completeAt(marked, NOT_SAID), [], marked);
        assert.equal(service.getCellInfo(model, document.positionAt(offset), NOT_SAID), null);
      }
      const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
      assert.deepEqual(service.findDocumentSymbols(model, NOT_SAID), []);
      assert.deepEqual(service.findRowSymbols(model, 'Ann', NOT_SAID), []);
      assert.deepEqual(service.getSemanticTokens(model, NOT_SAID).data, []);
      assert.deepEqual(service.getInlayHints(model, whole, NOT_SAID), []);
      assert.deepEqual(service.getFoldingRanges(model, NOT_SAID), []);
    });
  }
});

describe('a plain CSV whose header is plainly a subscriber header', () => {
  const served = (text: string) => service.isServed(modelOf(text), NOT_SAID);

  it('is served with Type and LastName, in any case and order', () => {
    assert.equal(served('lastname,TYPE\nLee,User\n'), true);
  });

  it('is served with three import columns, one of them Type or LastName', () => {
    assert.equal(served('FirstName,LastName,Email\nAnn,Lee,a@example.com\n'), true);
    assert.equal(served('Type,Extension,VM\nUser,101,y\n'), true);
    // Three import columns, but neither Type nor LastName: an address book, not a subscriber file.
    assert.equal(served('FirstName,Email,MobilePhone\nAnn,a@example.com,6175550100\n'), false);
  });

  it('is served when its header is one quoted cell or split at semicolons, so the file gets told so', () => {
    assert.equal(served('"Type,FirstName,LastName"\n"User,Ann,Lee"\n'), true);
    assert.equal(served('Type;FirstName;LastName\nUser;Ann;Lee\n'), true);
  });

  it('is served, whatever its header, when said to be a subscriber file', () => {
    expectDiagnostics(
      'key,type,value\n',
      [
        { code: 'unknown-column', line: 0, startChar: 0, endChar: 3 },
        { code: 'missing-column', line: 0, startChar: 0, endChar: 14, data: { column: 'LastName' } },
        { code: 'unknown-column', line: 0, startChar: 9, endChar: 14 },
      ],
      settingsWith({}, { assumeSubscriberFile: true }),
    );
  });
});
