/**
 * The file as a whole: empty files, a missing header, files that are not subscriber files, unclosed quotes,
 * blank rows, and the CSV syntax around cells (quotes, line endings, BOM, non-ASCII text).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { csv } from './helpers/dedent';
import {
  completeAt,
  expectDiagnostics,
  hoverAt,
  modelOf,
  service,
  settingsWith,
  validateText,
} from './helpers/service';

const ASSUMED = settingsWith({}, { assumeSubscriberFile: true });

describe('empty file', () => {
  it('is reported when the file is known to be a subscriber file', () => {
    expectDiagnostics('', [{ code: 'empty-file', line: 0, startChar: 0, endChar: 0 }], ASSUMED);
  });

  it('counts a file of only a byte order mark or only line breaks as empty', () => {
    expectDiagnostics('\ufeff', [{ code: 'empty-file', line: 0, startChar: 0, endChar: 1 }], ASSUMED);
    expectDiagnostics('\n\r\n', [{ code: 'empty-file', line: 0, startChar: 0, endLine: 2, endChar: 0 }], ASSUMED);
  });

  it('is left alone when nothing says it is a subscriber file', () => {
    expectDiagnostics('', []);
  });
});

describe('header row', () => {
  it('accepts a header with no data rows', () => {
    expectDiagnostics('Type,LastName\n', []);
    expectDiagnostics('Type,LastName', []);
  });

  it('reports a missing header when the first row holds data and the file is a subscriber file', () => {
    const text = csv`
      User,Ann,Lee
      Location,,Lobby
    `;
    // The rows cannot be read without a header, so only the header is reported.
    expectDiagnostics(text, [{ code: 'missing-header', line: 0, startChar: 0, endChar: 12 }], ASSUMED);
  });

  it('reports a missing header after leading blank rows, and the blank rows', () => {
    const text = '\nUser,Ann,Lee\n';
    expectDiagnostics(
      text,
      [
        { code: 'blank-row', line: 0, startChar: 0, endChar: 0 },
        { code: 'missing-header', line: 1, startChar: 0, endChar: 12 },
      ],
      ASSUMED,
    );
  });
});

describe('a CSV that is not a subscriber file', () => {
  const text = csv`
    sku,qty,price
    A-100,2,3.50
    B-200,,x
  `;

  it('gets no diagnostics, hover or completion', () => {
    expectDiagnostics(text, []);
    assert.equal(hoverAt('sk|u,qty,price\nA-100,2,3.50\n'), null);
    assert.equal(hoverAt('sku,qty,price\nA-1|00,2,3.50\n'), null);
    assert.deepEqual(completeAt('sku,qty,price\n|A-100,2,3.50\n'), []);
    assert.deepEqual(completeAt('sku,|qty,price\n'), []);
    assert.equal(service.isServed(modelOf(text), settingsWith()), false);
  });

  it('gets missing-header when the user says it is a subscriber file', () => {
    expectDiagnostics(text, [{ code: 'missing-header', line: 0, startChar: 0, endChar: 13 }], ASSUMED);
  });

  it('gets header completion when the user says it is a subscriber file', () => {
    const items = completeAt('|', ASSUMED);
    // The whole header (all columns, the required ones), then each of the 32 columns.
    assert.equal(items.length, 2 + 32);
    assert.equal(items[0].label, 'Header: all 32 columns');
    assert.equal(items[2].label, 'Type');
  });
});

describe('unterminated quote', () => {
  it('ranges from the opening quote to the end of its line; the rows before it are still checked', () => {
    const text = csv`
      Type,LastName,Privacy
      User,Lee,Yes
      User,"Kim,n
      User,Ray,Y
    `;
    expectDiagnostics(text, [
      { code: 'not-yes-no', line: 1, startChar: 9, endChar: 12 },
      { code: 'unterminated-quote', line: 2, startChar: 5, endChar: 11 },
    ]);
  });

  it('still checks the whole cells before the quote, and does not call the swallowed ones empty', () => {
    const text = csv`
      Type,LastName,Email,SysPIN
      user,"Kim,,y
    `;
    expectDiagnostics(
      text,
      [
        { code: 'value-case', line: 1, startChar: 0, endChar: 4 },
        { code: 'unterminated-quote', line: 1, startChar: 5, endChar: 12 },
      ],
      settingsWith({ pinNotification: 'email' }),
    );
  });

  it('in the first cell of a row', () => {
    const text = 'Type,LastName\n"User,Kim\nUser,Ray\n';
    expectDiagnostics(text, [{ code: 'unterminated-quote', line: 1, startChar: 0, endChar: 9 }]);
  });

  it('on the last line, with no line break after it', () => {
    const text = 'Type,LastName\r\nUser,"Kim';
    expectDiagnostics(text, [{ code: 'unterminated-quote', line: 1, startChar: 5, endChar: 9 }]);
  });

  it('after an escaped quote that looks like a closing one', () => {
    const text = 'Type,LastName\nUser,"O""Brien\n';
    expectDiagnostics(text, [{ code: 'unterminated-quote', line: 1, startChar: 5, endChar: 14 }]);
  });

  it('in the header', () => {
    const text = 'Type,"LastName\nUser,Lee\n';
    expectDiagnostics(
      text,
      [
        { code: 'missing-column', line: 0, startChar: 0, endChar: 5, data: { column: 'LastName' } },
        { code: 'unterminated-quote', line: 0, startChar: 5, endChar: 14 },
      ],
      ASSUMED,
    );
  });

  it('never throws, whatever the quotes', () => {
    for (const text of [
      '"',
      '""',
      '"""',
      'Type,LastName\n"',
      'Type,LastName\n""\n"',
      'Type,"\r\n"\r\n"',
      ',"\n"",""',
    ]) {
      assert.doesNotThrow(() => validateText(text, ASSUMED), JSON.stringify(text));
    }
  });
});

describe('blank rows', () => {
  it('reports empty lines and rows of commas, before and after the header', () => {
    const text = csv`

      Type,LastName

      User,Lee
      ,
      User,Kim
    `;
    expectDiagnostics(text, [
      { code: 'blank-row', line: 0, startChar: 0, endChar: 0 },
      { code: 'blank-row', line: 2, startChar: 0, endChar: 0 },
      { code: 'blank-row', line: 4, startChar: 0, endChar: 1 },
    ]);
  });

  it('reports an empty line at the end, but not the final line break', () => {
    expectDiagnostics('Type,LastName\nUser,Lee\n', []);
    expectDiagnostics('Type,LastName\nUser,Lee\n\n', [{ code: 'blank-row', line: 2, startChar: 0, endChar: 0 }]);
  });
});

describe('quoted cells', () => {
  it('reads quoted cells, commas inside quotes and escaped quotes as one value each', () => {
    const text = csv`
      "Type","LastName",FirstName
      "User","Lee, Jr.","Ann ""Annie"""
    `;
    expectDiagnostics(text, []);
    const row = modelOf(text).dataRows()[0];
    assert.deepEqual(
      [row.value('Type'), row.value('LastName'), row.value('FirstName')],
      ['User', 'Lee, Jr.', 'Ann "Annie"'],
    );
  });

  it('ranges a quoted cell from its opening to its closing quote', () => {
    const text = csv`
      Type,LastName,Privacy
      "user","Lee, Jr.","Yes"
    `;
    expectDiagnostics(text, [
      { code: 'value-case', line: 1, startChar: 0, endChar: 6 },
      { code: 'not-yes-no', line: 1, startChar: 18, endChar: 23 },
    ]);
  });

  it('ranges a cell with line breaks inside quotes across its lines, and keeps later rows in place', () => {
    const text = csv`
      Type,LastName,Privacy,DirAccess
      User,Lee,"Y
      e
      s",Both
      User,Kim,Y,dial
    `;
    expectDiagnostics(text, [
      { code: 'not-yes-no', line: 1, startChar: 9, endLine: 3, endChar: 2 },
      { code: 'value-case', line: 3, startChar: 3, endChar: 7 },
      { code: 'value-case', line: 4, startChar: 9, endChar: 10 },
    ]);
  });

  it('takes a CRLF inside quotes as part of the value', () => {
    const text = 'Type,LastName,FirstName\r\nUser,"Lee\r\nJr.",Ann\r\nuser,Kim,Bo\r\n';
    expectDiagnostics(text, [{ code: 'value-case', line: 3, startChar: 0, endChar: 4 }]);
    assert.equal(modelOf(text).dataRows()[0].value('LastName'), 'Lee\r\nJr.');
  });

  it('takes a stray quote inside an unquoted cell literally', () => {
    expectDiagnostics('Type,LastName\nUser,O"Brien\n', []);
    assert.equal(modelOf('Type,LastName\nUser,O"Brien\n').dataRows()[0].value('LastName'), 'O"Brien');
  });
});

describe('line endings', () => {
  const rows = ['Type,LastName,Privacy', 'User,Lee,Yes', 'User,Kim,Y'];
  const expected = [
    { code: 'not-yes-no', line: 1, startChar: 9, endChar: 12 },
    { code: 'value-case', line: 2, startChar: 9, endChar: 10 },
  ] as const;

  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ]) {
    it(`gives the same ranges with ${name}`, () => {
      expectDiagnostics(rows.join(eol) + eol, expected);
      expectDiagnostics(rows.join(eol), expected);
    });
  }

  it('gives the same ranges with mixed line endings', () => {
    const text = 'Type,LastName,Privacy\r\nUser,Lee,Yes\nUser,Kim,Y\r\n\rUser,Ray,x';
    expectDiagnostics(text, [
      ...expected,
      { code: 'blank-row', line: 3, startChar: 0, endChar: 0 },
      { code: 'not-yes-no', line: 4, startChar: 9, endChar: 10 },
    ]);
  });
});

describe('byte order mark', () => {
  it('is not part of the first column name, and does not shift ranges', () => {
    const text = '\ufeffType,LastName,Privacy\nUser,Lee,Yes\n';
    expectDiagnostics(text, [{ code: 'not-yes-no', line: 1, startChar: 9, endChar: 12 }]);
    assert.deepEqual(modelOf(text).columns(), ['Type', 'LastName', 'Privacy']);
  });

  it('leaves a header cell where the document has it (after the mark)', () => {
    expectDiagnostics(
      '\ufeffTipe,LastName\nUser,Lee\n',
      [
        { code: 'missing-column', line: 0, startChar: 1, endChar: 14, data: { column: 'Type' } },
        { code: 'misspelt-column', line: 0, startChar: 1, endChar: 5, data: { replacement: 'Type' } },
      ],
      ASSUMED,
    );
  });
});

describe('non-ASCII text', () => {
  it('counts ranges in UTF-16 characters, so accents and emoji do not shift them', () => {
    const text = csv`
      Type,LastName,FirstName,Privacy
      User,Müller,😀😀,Yes
      User,"Ñúñez, José",Zoë 👩‍💻,Y
    `;
    expectDiagnostics(text, [
      { code: 'not-yes-no', line: 1, startChar: 17, endChar: 20 },
      // "User," 5 + the quoted name 13 + "," 1 + "Zoë " 4 + the woman-technologist emoji 5 (2 + ZWJ + 2) + "," 1.
      { code: 'value-case', line: 2, startChar: 29, endChar: 30 },
    ]);
  });
});

describe('validate', () => {
  it('returns diagnostics in position order', () => {
    const text = csv`
      Type,LastName,Privacy,Extension,Extension
      user,,Y,1a,1a
      Person,Kim,Yes,2,2
    `;
    const diagnostics = validateText(text);
    assert.ok(diagnostics.length > 5);
    const positions = diagnostics.map((d) => d.range.start.line * 1000 + d.range.start.character);
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
    );
  });
});
