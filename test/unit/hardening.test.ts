/**
 * Rules for hostile files: the wrong encoding (UTF-16, Windows-1252, NUL bytes), the wrong delimiter, values far
 * too long, cells a spreadsheet would run as formulas, and PINs that are easy to guess.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { csv } from './helpers/dedent';
import {
  codeActionsFor,
  diagnosticWithCode,
  expectDiagnostics,
  settingsWith,
  textAfterFix,
  validateText,
} from './helpers/service';

/** Files named *.subscribers.csv are checked even when their header is unreadable. */
const SUBSCRIBER_FILE = settingsWith({}, { assumeSubscriberFile: true });

/** Bytes decoded as UTF-8 the way an editor does: bytes that are not UTF-8 become U+FFFD. */
function readAsUtf8(bytes: Buffer): string {
  return new TextDecoder('utf-8').decode(bytes);
}

describe('wrong-encoding', () => {
  const text = 'Type,LastName\nUser,Lee\n';

  it('reports a UTF-16 file with a byte order mark read as UTF-8, on the header', () => {
    const misread = readAsUtf8(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const [missing, encoding] = expectDiagnostics(
      misread,
      [
        { code: 'missing-header', line: 0, startChar: 0, endChar: 28 },
        { code: 'wrong-encoding', line: 0, startChar: 0, endChar: 28 },
      ],
      SUBSCRIBER_FILE,
    );
    assert.match(missing.message, /header row/);
    assert.match(encoding.message, /looks UTF-16.*save it as UTF-8/i);
  });

  it('reports UTF-16 without a byte order mark, little- and big-endian', () => {
    for (const bytes of [Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf16le').swap16()]) {
      diagnosticWithCode(readAsUtf8(bytes), 'wrong-encoding', SUBSCRIBER_FILE);
    }
  });

  it('says nothing about a CSV file that is not a subscriber file', () => {
    assert.deepEqual(validateText(readAsUtf8(Buffer.from(text, 'utf16le'))), []);
  });
});

describe('nul-character', () => {
  it('reports the first NUL of a row, with how many the row holds', () => {
    const [nul] = expectDiagnostics('Type,LastName\nUser,Le\u0000e\u0000\n', [
      { code: 'nul-character', line: 1, startChar: 7, endChar: 8 },
    ]);
    assert.match(nul.message, /2 NUL characters/);
  });

  it('reports a NUL in the header, where it also hides the column name', () => {
    expectDiagnostics(
      'Type,Last\u0000Name\nUser,Lee\n',
      [
        { code: 'nul-character', line: 0, startChar: 9, endChar: 10 },
        { code: 'misspelt-column', line: 0, startChar: 5, endChar: 14 },
        { code: 'missing-column', line: 0, startChar: 0, endChar: 14 },
      ],
      SUBSCRIBER_FILE,
    );
  });
});

describe('replacement-character', () => {
  it('reports a Windows-1252 "ü" read as UTF-8', () => {
    const misread = readAsUtf8(Buffer.concat([Buffer.from('Type,LastName\nUser,M'), Buffer.from([0xfc, 0x6c, 0x6c])]));
    const [diagnostic] = expectDiagnostics(`${misread}er\n`, [
      { code: 'replacement-character', line: 1, startChar: 6, endChar: 7 },
    ]);
    assert.match(diagnostic.message, /Windows-1252/);
    assert.deepEqual(codeActionsFor(`${misread}er\n`, 'replacement-character'), []);
  });
});

describe('wrong-delimiter', () => {
  const semicolons = csv`
    Type;FirstName;LastName;MaxDevices
    User;Ann;Lee;1
    Location;;"Lobby; east";2
  `;

  it('reports a semicolon-separated file on its header, with a fix that converts it', () => {
    const [, delimiter] = expectDiagnostics(
      semicolons,
      [
        { code: 'missing-header', line: 0, startChar: 0, endChar: 34 },
        { code: 'wrong-delimiter', line: 0, startChar: 0, endChar: 34 },
      ],
      SUBSCRIBER_FILE,
    );
    assert.match(delimiter.message, /looks semicolon-separated; the import expects commas/);
    const fixed = textAfterFix(semicolons, 'wrong-delimiter', SUBSCRIBER_FILE);
    assert.equal(fixed, 'Type,FirstName,LastName,MaxDevices\nUser,Ann,Lee,1\nLocation,,"Lobby; east",2\n');
    expectDiagnostics(fixed, [], SUBSCRIBER_FILE);
  });

  it('reports a tab-separated file, and converts it', () => {
    const tabs = 'Type\tLastName\r\nUser\tLee, Ann\r\n';
    const [, delimiter] = expectDiagnostics(
      tabs,
      [
        { code: 'missing-header', line: 0, startChar: 0, endChar: 13 },
        { code: 'wrong-delimiter', line: 0, startChar: 0, endChar: 13 },
      ],
      SUBSCRIBER_FILE,
    );
    assert.match(delimiter.message, /tab-separated/);
    // A value holding a comma is quoted; CRLF line breaks stay.
    assert.equal(textAfterFix(tabs, 'wrong-delimiter', SUBSCRIBER_FILE), 'Type,LastName\r\nUser,"Lee, Ann"\r\n');
  });

  it('offers no fix when a row splits into another number of cells than the header', () => {
    const mixed = 'Type;LastName\nUser,Lee\n';
    diagnosticWithCode(mixed, 'wrong-delimiter', SUBSCRIBER_FILE);
    assert.deepEqual(codeActionsFor(mixed, 'wrong-delimiter', SUBSCRIBER_FILE), []);
  });

  it('offers no fix when a quote never closes, and is silent on a comma file whose values hold semicolons', () => {
    assert.deepEqual(codeActionsFor('Type;LastName\nUser;"Lee\n', 'wrong-delimiter', SUBSCRIBER_FILE), []);
    expectDiagnostics('Type,LastName\nUser,Lee;Kim\n', []);
  });
});

describe('value-too-long', () => {
  it('warns on a value longer than 255 characters, giving its length and not the value', () => {
    const long = 'x'.repeat(256);
    const [diagnostic] = expectDiagnostics(`Type,LastName\nUser,${long}\nUser,${'y'.repeat(255)}\n`, [
      { code: 'value-too-long', line: 1, startChar: 5, endChar: 261, data: { column: 'LastName' } },
    ]);
    assert.match(diagnostic.message, /256 characters long/);
    assert.ok(!diagnostic.message.includes('xxx'));
  });

  it('never repeats a PIN', () => {
    const pin = '7'.repeat(300);
    const diagnostics = validateText(`Type,LastName,PIN\nUser,Lee,${pin}\n`);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['value-too-long', 'weak-pin'],
    );
    for (const diagnostic of diagnostics) assert.ok(!diagnostic.message.includes('777'), diagnostic.message);
  });
});

describe('formula-injection', () => {
  const text = csv`
    Type,FirstName,LastName,Email,OutgoingCLID,KeyProfile,HomePhone
    User,=1+1,Lee,,-1,-1,
    User,Ann,+Lee,-ann@example.com,,,
    User,@SUM(A1),"=HYPERLINK(""http://example.com"",""x"")",,,,
    User,-,--,,,,
  `;

  it('warns on names and emails starting with =, +, - or @, not on numbers such as an OutgoingCLID of -1', () => {
    const diagnostics = expectDiagnostics(text, [
      {
        code: 'formula-injection',
        line: 1,
        startChar: 5,
        endChar: 9,
        data: { column: 'FirstName', replacement: '1+1' },
      },
      {
        code: 'formula-injection',
        line: 2,
        startChar: 9,
        endChar: 13,
        data: { column: 'LastName', replacement: 'Lee' },
      },
      {
        code: 'formula-injection',
        line: 2,
        startChar: 14,
        endChar: 30,
        data: { column: 'Email', replacement: 'ann@example.com' },
      },
      {
        code: 'formula-injection',
        line: 3,
        startChar: 5,
        endChar: 13,
        data: { column: 'FirstName', replacement: 'SUM(A1)' },
      },
      { code: 'formula-injection', line: 3, startChar: 14, endChar: 56 },
    ]);
    assert.match(diagnostics[0].message, /^FirstName starts with "=", so a spreadsheet .* formula/);
  });

  it('fixes by removing the leading characters, quoting the rest when it needs it', () => {
    assert.equal(
      textAfterFix('Type,LastName\nUser,"=HYPERLINK(""a"",""b"")"\n', 'formula-injection'),
      'Type,LastName\nUser,"HYPERLINK(""a"",""b"")"\n',
    );
    assert.equal(textAfterFix('Type,LastName\nUser, =+-Lee\n', 'formula-injection'), 'Type,LastName\nUser,Lee\n');
  });

  it('offers no fix when nothing would be left', () => {
    assert.deepEqual(codeActionsFor('Type,LastName\nUser,=\n', 'formula-injection'), []);
  });

  it('checks the value without the spaces around it, which are flagged too', () => {
    expectDiagnostics('Type,LastName\nUser, @Lee\n', [
      { code: 'extra-spaces', line: 1, startChar: 5, endChar: 10 },
      { code: 'formula-injection', line: 1, startChar: 5, endChar: 10 },
    ]);
  });
});

describe('weak-pin', () => {
  const HEADER = 'Type,LastName,Extension,PIN';

  it('warns on one digit repeated, digits in order either way, and the row’s extension', () => {
    const text = csv`
      ${HEADER}
      User,A,101,1111
      User,B,102,1234
      User,C,103,9876
      User,D,104,7890
      User,E,2580,2580
      User,F,106,4821
      User,G,107,7
    `;
    const diagnostics = expectDiagnostics(text, [
      { code: 'weak-pin', line: 1, startChar: 11, endChar: 15, data: { column: 'PIN' } },
      { code: 'weak-pin', line: 2, startChar: 11, endChar: 15 },
      { code: 'weak-pin', line: 3, startChar: 11, endChar: 15 },
      { code: 'weak-pin', line: 4, startChar: 11, endChar: 15 },
      { code: 'weak-pin', line: 5, startChar: 12, endChar: 16 },
    ]);
    assert.deepEqual(
      diagnostics.map((diagnostic) => /: (.*)\. Choose/.exec(diagnostic.message)?.[1]),
      [
        'it is one digit repeated',
        'its digits run in order upwards',
        'its digits run in order downwards',
        'its digits run in order upwards',
        'it is the same as this row’s extension',
      ],
    );
  });

  it('never puts the PIN or the extension in the message or the data', () => {
    const diagnostic = diagnosticWithCode(`${HEADER}\nUser,A,2580,2580\n`, 'weak-pin');
    assert.ok(!JSON.stringify(diagnostic).includes('2580'), JSON.stringify(diagnostic));
    assert.deepEqual(diagnostic.data, { column: 'PIN' });
    assert.deepEqual(codeActionsFor(`${HEADER}\nUser,A,2580,2580\n`, 'weak-pin'), []);
  });

  it('is checked whatever the PIN notification', () => {
    diagnosticWithCode(`${HEADER},Email,SysPIN\nUser,A,101,0000,a@example.com,y\n`, 'weak-pin', {
      ...settingsWith({ pinNotification: 'email' }),
    });
  });
});

describe('a trailing comma on every line', () => {
  const text = 'Type,LastName,\r\nUser,Lee,\nLocation,Lobby,\n\n';

  it('reports the nameless column once, with a fix that deletes it', () => {
    expectDiagnostics(text, [
      { code: 'blank-column-name', line: 0, startChar: 14, endChar: 14 },
      { code: 'blank-row', line: 3, startChar: 0, endChar: 0 },
    ]);
    assert.equal(textAfterFix(text, 'blank-column-name'), 'Type,LastName\r\nUser,Lee\nLocation,Lobby\n\n');
  });

  it('deletes a nameless first column too', () => {
    assert.equal(textAfterFix(',Type,LastName\n,User,Lee\n', 'blank-column-name'), 'Type,LastName\nUser,Lee\n');
  });

  it('offers no fix when a cell under the nameless column holds a value', () => {
    assert.deepEqual(codeActionsFor('Type,,LastName\nUser,x,Lee\n', 'blank-column-name'), []);
  });
});

describe('half a surrogate pair (a cut emoji)', () => {
  it('is an invalid email rather than an exception from the email check', () => {
    // validator's isEmail runs encodeURI, which throws on a lone surrogate; that took the whole validation down.
    for (const email of ['a\ud800@example.com', '\udc00', 'ann@example.com\ud83d']) {
      diagnosticWithCode(`Type,LastName,Email,SysPIN\nUser,Lee,${email},y\n`, 'invalid-email');
    }
  });
});

describe('a line of any width (too-many-columns)', () => {
  const WIDTH = 12_000;
  // The first 10,000 fields are checked one by one; the rest are counted, and reported once.
  const CHECKED = 10_000;

  it('reports a header past the limit once, after the last checked column, and each checked blank name', () => {
    const header = `Type,LastName${','.repeat(WIDTH - 2)}`;
    const diagnostics = validateText(`${header}\nUser,Lee\n`);
    const blank = diagnostics.filter((diagnostic) => diagnostic.code === 'blank-column-name');
    assert.equal(blank.length, CHECKED - 2);
    const [wide] = diagnostics.filter((diagnostic) => diagnostic.code === 'too-many-columns');
    // From the comma after the last checked column to the end of the header.
    assert.deepEqual(wide.range, {
      start: { line: 0, character: 14 + CHECKED - 3 },
      end: { line: 0, character: header.length },
    });
    assert.match(wide.message, /^This header has 12,000 columns; only the first 10,000 are checked\./);
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'too-many-fields').length, 0);
  });

  it('finds the extra cells of a row wider than a header wider than the limit', () => {
    const header = `Type,LastName${','.repeat(WIDTH - 2)}`;
    const row = `User,Lee${','.repeat(WIDTH + 1)}`;
    const tooMany = diagnosticWithCode(`${header}\n${row}\n`, 'too-many-fields');
    assert.deepEqual(tooMany.range.start, { line: 1, character: 8 + WIDTH - 2 });
    assert.match(tooMany.message, /^This row has 12003 cells but the header has 12000 columns/);
  });

  it('checks a data row of any width against the header, once', () => {
    const row = `User,Lee${',x'.repeat(200_000)}`;
    expectDiagnostics(`Type,LastName\n${row}\n`, [
      { code: 'too-many-fields', line: 1, startChar: 8, endChar: row.length },
    ]);
  });
});
