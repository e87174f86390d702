/**
 * One cell against its column: mandatory values, choices, y/n flags, digits, phone numbers, email addresses
 * and tenant IDs.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { COLUMNS, type DiagnosticCode, type ServiceSettings } from '@subscriber-csv/language-service';
import { csv } from './helpers/dedent';
import { expectDiagnostics, settingsWith, type ExpectedDiagnostic } from './helpers/service';

/** Telco admin, so that telco-only columns are checked without the telco-only warning. */
const TELCO = settingsWith({ role: 'telcoAdmin' });

const PREFIX = 'User,Lee,';

/** A file with Type, LastName and one more column, and one row per value under it. */
function rowsUnder(column: string, values: readonly string[]): string {
  return [`Type,LastName,${column}`, ...values.map((value) => PREFIX + value)].join('\n') + '\n';
}

/** The diagnostic expected on the value of `rowsUnder` row `row` (1-based like the file's data lines). */
function onValue(row: number, value: string, code: DiagnosticCode, data?: Record<string, string>): ExpectedDiagnostic {
  const start = PREFIX.length;
  return { code, line: row, startChar: start, endChar: start + value.length, ...(data ? { data } : {}) };
}

/** Asserts that each value under `column` gives no diagnostic. */
function expectAccepted(column: string, values: readonly string[], settings: ServiceSettings = TELCO): void {
  expectDiagnostics(rowsUnder(column, values), [], settings);
}

/** Asserts that each value under `column` gives exactly `code`, with the replacement when one is given. */
function expectRejected(
  column: string,
  cases: readonly (readonly [value: string, code: DiagnosticCode, replacement?: string])[],
  settings: ServiceSettings = TELCO,
): void {
  const values = cases.map(([value]) => value);
  expectDiagnostics(
    rowsUnder(column, values),
    cases.map(([value, code, replacement], index) =>
      onValue(index + 1, value, code, { column, ...(replacement !== undefined ? { replacement } : {}) }),
    ),
    settings,
  );
}

describe('Type', () => {
  it('accepts User and Location', () => {
    expectDiagnostics('Type,LastName\nUser,Lee\nLocation,Lobby\n', []);
  });

  it('reports a wrong case as value-case with the right spelling', () => {
    expectDiagnostics('Type,LastName\nuser,Lee\nLOCATION,Lobby\n', [
      { code: 'value-case', line: 1, startChar: 0, endChar: 4, data: { column: 'Type', replacement: 'User' } },
      { code: 'value-case', line: 2, startChar: 0, endChar: 8, data: { column: 'Type', replacement: 'Location' } },
    ]);
  });

  it('reports anything else as invalid-choice, suggesting a near value', () => {
    const diagnostics = expectDiagnostics('Type,LastName\nPerson,Lee\nUsers,Kim\n', [
      { code: 'invalid-choice', line: 1, startChar: 0, endChar: 6, data: { column: 'Type' } },
      { code: 'invalid-choice', line: 2, startChar: 0, endChar: 5, data: { column: 'Type', replacement: 'User' } },
    ]);
    assert.match(diagnostics[0].message, /User or Location/);
  });
});

describe('mandatory values', () => {
  it('reports a blank LastName at its empty cell', () => {
    const text = csv`
      Type,LastName,FirstName
      User,,Ann
      User,  ,Bo
      User,"",Cy
    `;
    expectDiagnostics(text, [
      { code: 'required-value', line: 1, startChar: 5, endChar: 5, data: { column: 'LastName' } },
      { code: 'required-value', line: 2, startChar: 5, endChar: 7, data: { column: 'LastName' } },
      { code: 'required-value', line: 3, startChar: 5, endChar: 7, data: { column: 'LastName' } },
    ]);
  });

  it('reports a blank LastName on a Location row too', () => {
    expectDiagnostics('Type,LastName\nLocation,\n', [
      { code: 'required-value', line: 1, startChar: 9, endChar: 9, data: { column: 'LastName' } },
    ]);
  });

  it('reports a blank Type', () => {
    expectDiagnostics('LastName,Type\nLee,\n', [
      { code: 'required-value', line: 1, startChar: 4, endChar: 4, data: { column: 'Type' } },
    ]);
  });

  it('takes any text as a name', () => {
    expectDiagnostics('Type,LastName,FirstName\nUser,123 !@#,"a, ""b"""\n', []);
  });
});

describe('y/n columns', () => {
  const yesNoColumns = COLUMNS.filter((column) => column.kind === 'yesNo').map((column) => column.name);

  it('are the 13 the import page marks y,n', () => {
    assert.deepEqual(yesNoColumns, [
      'Privacy',
      'PAI',
      'HFAback',
      'Locked',
      'Twin',
      'SCR',
      'ODCR',
      'VM',
      'Agent',
      'Dsite',
      'CAdmin',
      'EAdmin',
      'SysPIN',
    ]);
  });

  for (const column of yesNoColumns) {
    it(`${column}: y, n and blank pass; Yes is not-yes-no (fix y); Y is value-case (fix y)`, () => {
      // SysPIN = y also needs an Email on the row: that rule has its own tests.
      expectAccepted(column, column === 'SysPIN' ? ['n', ''] : ['y', 'n', '']);
      expectRejected(column, [
        ['Yes', 'not-yes-no', 'y'],
        ['Y', 'value-case', 'y'],
        ['N', 'value-case', 'n'],
        ['no', 'not-yes-no', 'n'],
        ['maybe', 'not-yes-no'],
      ]);
    });
  }

  it('suggests y or n for the usual spreadsheet spellings', () => {
    expectRejected('VM', [
      ['TRUE', 'not-yes-no', 'y'],
      ['false', 'not-yes-no', 'n'],
      ['1', 'not-yes-no', 'y'],
      ['0', 'not-yes-no', 'n'],
      ['X', 'not-yes-no', 'y'],
      ['off', 'not-yes-no', 'n'],
    ]);
  });
});

describe('DirAccess', () => {
  it('accepts dial, both, none and blank', () => {
    expectAccepted('DirAccess', ['dial', 'both', 'none', '']);
  });

  it('reports Both as value-case and other words as invalid-choice', () => {
    expectRejected('DirAccess', [
      ['Both', 'value-case', 'both'],
      ['DIAL', 'value-case', 'dial'],
      ['all', 'invalid-choice'],
      ['bth', 'invalid-choice', 'both'],
    ]);
  });
});

describe('Language', () => {
  it('accepts en and blank', () => {
    expectAccepted('Language', ['en', '']);
  });

  it('warns on a language code the page does not list, and rejects words', () => {
    expectRejected('Language', [
      ['fr', 'unlisted-choice'],
      ['en-US', 'unlisted-choice'],
      ['english', 'invalid-choice', 'en'],
      ['EN', 'value-case', 'en'],
      ['French', 'invalid-choice'],
    ]);
  });
});

describe('digits-only columns', () => {
  // The page gives these as digits (MaxDevices: "digit"); anything else is an error.
  for (const column of ['Extension', 'PIN', 'OutgoingCLID', 'MaxDevices']) {
    it(`${column} takes digits only`, () => {
      expectAccepted(column, ['7', '']);
      expectRejected(column, [
        ['12a4', 'not-digits'],
        ['1 2', 'not-digits'],
        ['-3', 'not-digits'],
        ['1.5', 'not-digits'],
      ]);
    });
  }

  // The page gives no format for these (a dynamic site CLID, the max calls for Dsite): digits are expected, and
  // anything else only warns.
  for (const column of ['DsiteCLID', 'NumCallDsite']) {
    it(`${column}: digits expected, anything else a warning (the page gives no format)`, () => {
      expectAccepted(column, ['7', '']);
      const [warning] = expectDiagnostics(
        rowsUnder(column, ['12a4', '-3']),
        [onValue(1, '12a4', 'not-a-number', { column }), onValue(2, '-3', 'not-a-number', { column })],
        TELCO,
      );
      assert.equal(warning.severity, DiagnosticSeverity.Warning);
      assert.match(warning.message, new RegExp(`The page gives no format for ${column}`));
    });
  }

  it('keeps leading zeros in an Extension or PIN', () => {
    expectAccepted('Extension', ['0101']);
    expectAccepted('PIN', ['0042']);
  });
});

describe('OutgoingCLID', () => {
  it('accepts -1 (private), 0 (site number), blank (default) and a DID ID', () => {
    expectAccepted('OutgoingCLID', ['-1', '0', '', '42']);
  });

  it('rejects -2 and text', () => {
    const diagnostics = expectDiagnostics(
      rowsUnder('OutgoingCLID', ['-2', 'abc']),
      [onValue(1, '-2', 'not-digits'), onValue(2, 'abc', 'not-digits')],
      TELCO,
    );
    assert.match(diagnostics[0].message, /-1 \(Private\), 0 \(default: use the site number\)/);
  });
});

describe('MaxDevices', () => {
  it('accepts a single digit', () => {
    expectAccepted('MaxDevices', ['0', '1', '9']);
  });

  it('warns above 9', () => {
    expectRejected('MaxDevices', [
      ['12', 'above-maximum'],
      ['10', 'above-maximum'],
    ]);
  });

  it('says the one-digit limit is our reading of the page\'s "digit"', () => {
    const [above] = expectDiagnostics(rowsUnder('MaxDevices', ['12']), [onValue(1, '12', 'above-maximum')]);
    assert.match(above.message, /The page describes MaxDevices as "digit", which we read as 0–9/);
  });
});

describe('Email', () => {
  it('accepts valid addresses', () => {
    expectAccepted('Email', ['ann.lee@example.com', 'a+b@sub.example.co.uk', 'O_Brien-2@example.org', '']);
  });

  it('rejects invalid syntax', () => {
    expectRejected('Email', [
      ['ann.lee@example', 'invalid-email'],
      ['ann', 'invalid-email'],
      ['.ann@example.com', 'invalid-email'],
      ['a@b@example.com', 'invalid-email'],
      ['ann lee@example.com', 'invalid-email'],
      ['ann@example..com', 'invalid-email'],
    ]);
  });

  it('checks an address with spaces around it as trimmed, and flags the spaces', () => {
    expectRejected('Email', [[' ann@example.com ', 'extra-spaces', 'ann@example.com']]);
  });
});

describe('phone numbers', () => {
  // The page says "digits" for these two: punctuation is an error, with the digits as the fix.
  for (const column of ['HomePhone', 'MobilePhone']) {
    it(`${column}: digits pass; punctuation is reported with the digits as the fix`, () => {
      expectAccepted(column, ['6175550100', '16175550100', '447911123456', '5550100', '33142685300', '']);
      expectRejected(column, [
        ['(617) 555-0100', 'phone-punctuation', '6175550100'],
        ['617.555.0100', 'phone-punctuation', '6175550100'],
        ['+1 617 555 0100', 'phone-punctuation', '16175550100'],
        ['617-555-CALL', 'not-digits'],
        ['61755501', 'implausible-phone'],
        ['617555010', 'implausible-phone'],
      ]);
    });
  }

  it('IncomingDID, a "phone number" on the page, takes punctuation and checks only its digits', () => {
    expectAccepted('IncomingDID', ['+1 617-555-0100', '(617) 555-0100', '617.555.0100', '6175550100', '']);
    expectRejected('IncomingDID', [
      ['617-555-CALL', 'not-digits'],
      ['+1 617-555-01', 'implausible-phone'],
    ]);
  });

  it('calls a number unusual, never one that no phone number can have, and accepts 7 and 11 digits', () => {
    expectAccepted('HomePhone', ['5550100', '16175550100', '33142685300']);
    const [eight, long] = expectDiagnostics(rowsUnder('HomePhone', ['61755501', '1234567890123456']), [
      onValue(1, '61755501', 'implausible-phone'),
      onValue(2, '1234567890123456', 'implausible-phone'),
    ]);
    assert.equal(eight.severity, DiagnosticSeverity.Information);
    assert.match(eight.message, /61755501 is unusual for a phone number \(8 digits\)/);
    assert.match(long.message, /16 digits, more than the 15 of the longest international numbers/);
    for (const message of [eight.message, long.message]) assert.doesNotMatch(message, /no phone number/);
  });

  it('reports punctuation in a quoted phone number over the whole cell', () => {
    expectDiagnostics('Type,LastName,HomePhone\nUser,Lee,"(617) 555-0100"\n', [
      {
        code: 'phone-punctuation',
        line: 1,
        startChar: 9,
        endChar: 25,
        data: { column: 'HomePhone', replacement: '6175550100' },
      },
    ]);
  });
});

describe('ID columns', () => {
  it('KeyProfile: -1 (system default) and any ID pass when the tenant list is unknown', () => {
    expectAccepted('KeyProfile', ['-1', '4', '']);
    expectRejected('KeyProfile', [
      ['-2', 'invalid-id'],
      ['abc', 'invalid-id'],
    ]);
  });

  // The page: "the digit = ID" for DsiteZone (and KeyProfile): anything else is an error.
  it('DsiteZone: any numeric ID passes when the tenant list is unknown or empty; text does not', () => {
    expectAccepted('DsiteZone', ['1', '99', '']);
    expectAccepted('DsiteZone', ['1', '99'], settingsWith({ role: 'telcoAdmin', lists: { siteZones: [] } }));
    expectRejected('DsiteZone', [
      ['-1', 'invalid-id'],
      ['two', 'invalid-id'],
    ]);
  });

  // The page names an "id" for these but gives no format: a numeric ID is expected, anything else warns.
  for (const column of ['Hold', 'CallProfile']) {
    it(`${column}: any numeric ID passes when the tenant list is unknown or empty; text warns`, () => {
      expectAccepted(column, ['1', '99', '']);
      expectAccepted(column, ['1', '99'], settingsWith({ role: 'telcoAdmin', lists: { callProfiles: [] } }));
      expectRejected(column, [
        ['-1', 'not-a-number'],
        ['two', 'not-a-number'],
      ]);
    });
  }

  it('reports IDs the tenant does not have, once its lists are known', () => {
    const settings = settingsWith({
      role: 'telcoAdmin',
      lists: {
        holdAnnouncements: [{ id: '2', name: 'Spring promo' }],
        callProfiles: [
          { id: '1', name: 'Local only' },
          { id: '2', name: 'Long distance' },
        ],
        keyProfiles: [{ id: '4', name: 'Reception' }],
        siteZones: [{ id: '1', name: 'East' }],
      },
    });
    const text = csv`
      Type,LastName,Hold,CallProfile,KeyProfile,DsiteZone
      User,Lee,2,1,4,1
      User,Kim,3,9,5,2
      User,Ray,,,-1,
    `;
    const diagnostics = expectDiagnostics(
      text,
      [
        { code: 'unknown-id', line: 2, startChar: 9, endChar: 10, data: { column: 'Hold' } },
        { code: 'unknown-id', line: 2, startChar: 11, endChar: 12, data: { column: 'CallProfile' } },
        { code: 'unknown-id', line: 2, startChar: 13, endChar: 14, data: { column: 'KeyProfile' } },
        { code: 'unknown-id', line: 2, startChar: 15, endChar: 16, data: { column: 'DsiteZone' } },
      ],
      settings,
    );
    assert.match(diagnostics[1].message, /This tenant's data lists no call permission group with ID 9\. Known/);
    assert.match(diagnostics[1].message, /1 \(Local only\), 2 \(Long distance\)/);
  });
});

describe('spaces around a value', () => {
  it('are a warning with the trimmed value as the fix, in any column', () => {
    expectRejected('FirstName', [[' Ann', 'extra-spaces', 'Ann']]);
    expectRejected('Extension', [['101 ', 'extra-spaces', '101']]);
    expectRejected('DirAccess', [['  dial  ', 'extra-spaces', 'dial']]);
  });

  it('do not hide a problem with the value itself', () => {
    expectDiagnostics('Type,LastName,Privacy\n user ,Lee, Yes\n', [
      { code: 'extra-spaces', line: 1, startChar: 0, endChar: 6, data: { column: 'Type', replacement: 'user' } },
      { code: 'value-case', line: 1, startChar: 0, endChar: 6, data: { column: 'Type', replacement: 'User' } },
      { code: 'extra-spaces', line: 1, startChar: 11, endChar: 15, data: { column: 'Privacy', replacement: 'Yes' } },
      { code: 'not-yes-no', line: 1, startChar: 11, endChar: 15, data: { column: 'Privacy', replacement: 'y' } },
    ]);
  });

  it('are checked inside quotes', () => {
    expectDiagnostics('Type,LastName\nUser," Lee, Jr."\n', [
      {
        code: 'extra-spaces',
        line: 1,
        startChar: 5,
        endChar: 16,
        data: { column: 'LastName', replacement: 'Lee, Jr.' },
      },
    ]);
  });
});

describe('free-text columns', () => {
  it('take anything', () => {
    expectAccepted('FirstName', ['Ann', 'Zoë', '😀', '123', '"a,b"']);
  });
});
