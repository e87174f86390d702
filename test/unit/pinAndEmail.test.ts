/**
 * The PIN rules of the import page, which tie Email, PIN and SysPIN together on a row:
 * - the Email column is mandatory when the tenant's PIN notification is Email or Email and Display (the column:
 *   an empty cell only warns, and only on a User row);
 * - SysPIN = y needs a valid email;
 * - a given PIN wins over a generated one;
 * - with SysPIN = y and email notification, the user is emailed the PIN.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { csv } from './helpers/dedent';
import { expectDiagnostics, settingsWith } from './helpers/service';

const BY_EMAIL = settingsWith({ pinNotification: 'email' });

// Columns: Type 0-4, LastName 5-6, then Email at 7 on every row below.
const HEADER = 'Type,LastName,Email,PIN,SysPIN';

describe('Email when PIN notices go by email', () => {
  const text = csv`
    ${HEADER}
    User,A,,,
    User,B,b@example.com,,n
    User,C,  ,4821,n
    Location,D,,,n
    location,E,,,
  `;

  for (const pinNotification of ['email', 'emailAndDisplay'] as const) {
    it(`warns on each User row without one, naming the tenant setting; never on a Location (${pinNotification})`, () => {
      const diagnostics = expectDiagnostics(
        text,
        [
          { code: 'email-required', line: 1, startChar: 7, endChar: 7, data: { column: 'Email' } },
          { code: 'email-required', line: 3, startChar: 7, endChar: 9, data: { column: 'Email' } },
          { code: 'value-case', line: 5, startChar: 0, endChar: 8 },
        ],
        settingsWith({ pinNotification }),
      );
      assert.equal(diagnostics[0].severity, DiagnosticSeverity.Warning);
      assert.match(
        diagnostics[0].message,
        pinNotification === 'email'
          ? /The tenant's PIN notification setting is "Email", so PIN notices go by email, and this User has no Email/
          : /The tenant's PIN notification setting is "Email and Display"/,
      );
    });
  }

  for (const pinNotification of ['none', 'display'] as const) {
    it(`is optional (${pinNotification})`, () => {
      expectDiagnostics(
        text,
        [{ code: 'value-case', line: 5, startChar: 0, endChar: 8 }],
        settingsWith({ pinNotification }),
      );
    });
  }

  it('is required at the end of a row too short to have an Email cell', () => {
    expectDiagnostics(
      'Type,LastName,Email\nUser,A\n',
      [
        { code: 'too-few-fields', line: 1, startChar: 0, endChar: 6 },
        { code: 'email-required', line: 1, startChar: 6, endChar: 6 },
      ],
      BY_EMAIL,
    );
  });

  it('is reported once, on the header, when the whole column is missing', () => {
    expectDiagnostics(
      'Type,LastName\nUser,A\nUser,B\n',
      [{ code: 'missing-email-column', line: 0, startChar: 0, endChar: 13 }],
      BY_EMAIL,
    );
  });
});

describe('SysPIN = y', () => {
  it('needs a valid email on the row, whatever the PIN notification', () => {
    const text = csv`
      ${HEADER}
      User,A,,,y
      User,B,b@example,,y
      User,C,c@example.com,,y
    `;
    for (const pinNotification of ['none', 'display'] as const) {
      const diagnostics = expectDiagnostics(
        text,
        [
          { code: 'syspin-needs-email', line: 1, startChar: 9, endChar: 10, data: { column: 'SysPIN' } },
          { code: 'invalid-email', line: 2, startChar: 7, endChar: 16 },
          { code: 'syspin-needs-email', line: 2, startChar: 18, endChar: 19, data: { column: 'SysPIN' } },
        ],
        settingsWith({ pinNotification }),
      );
      assert.match(diagnostics[0].message, /has none/);
      assert.match(diagnostics[2].message, /"b@example" is not one/);
    }
  });

  it('needs an email even when the file has no Email column', () => {
    expectDiagnostics('Type,LastName,SysPIN\nUser,A,y\nUser,B,n\n', [
      { code: 'syspin-needs-email', line: 1, startChar: 7, endChar: 8 },
    ]);
    expectDiagnostics(
      'Type,LastName,SysPIN\nUser,A,y\n',
      [
        { code: 'missing-email-column', line: 0, startChar: 0, endChar: 20 },
        { code: 'syspin-needs-email', line: 1, startChar: 7, endChar: 8 },
      ],
      settingsWith({ pinNotification: 'emailAndDisplay' }),
    );
  });

  it('is not read from SysPIN = Y, which is reported as value-case instead', () => {
    expectDiagnostics(`${HEADER}\nUser,A,,,Y\n`, [{ code: 'value-case', line: 1, startChar: 9, endChar: 10 }]);
  });

  it('with SysPIN = n or blank, no email is needed', () => {
    expectDiagnostics(`${HEADER}\nUser,A,,,n\nUser,B,,,\nUser,C,,4821,n\n`, []);
  });
});

describe('PIN given with SysPIN = y', () => {
  it('is information on the PIN cell: the given PIN is used', () => {
    const text = csv`
      ${HEADER}
      User,D,d@example.com,4821,y
      User,E,e@example.com,4821,n
      User,F,f@example.com,4821,
    `;
    const diagnostics = expectDiagnostics(text, [
      { code: 'pin-overrides-syspin', line: 1, startChar: 21, endChar: 25, data: { column: 'PIN' } },
    ]);
    assert.match(diagnostics[0].message, /given PIN is used/);
  });

  it('still needs a valid email for SysPIN = y', () => {
    expectDiagnostics(`${HEADER}\nUser,E,,4821,y\n`, [
      { code: 'pin-overrides-syspin', line: 1, startChar: 8, endChar: 12 },
      { code: 'syspin-needs-email', line: 1, startChar: 13, endChar: 14 },
    ]);
  });
});

describe('PIN email', () => {
  it('is a hint on SysPIN when SysPIN = y and notices go by email', () => {
    for (const pinNotification of ['email', 'emailAndDisplay'] as const) {
      const diagnostics = expectDiagnostics(
        `${HEADER}\nUser,C,c@example.com,,y\n`,
        [{ code: 'pin-email-sent', line: 1, startChar: 22, endChar: 23, data: { column: 'SysPIN' } }],
        settingsWith({ pinNotification }),
      );
      assert.match(
        diagnostics[0].message,
        /generated PIN will be emailed to c@example\.com: the tenant.s PIN notification/,
      );
    }
  });

  it('is not sent when notices do not go by email', () => {
    for (const pinNotification of ['none', 'display'] as const) {
      expectDiagnostics(`${HEADER}\nUser,C,c@example.com,,y\n`, [], settingsWith({ pinNotification }));
    }
  });

  it('carries the given PIN when the row gives one', () => {
    const diagnostics = expectDiagnostics(
      `${HEADER}\nUser,D,d@example.com,4821,y\n`,
      [
        { code: 'pin-overrides-syspin', line: 1, startChar: 21, endChar: 25 },
        { code: 'pin-email-sent', line: 1, startChar: 26, endChar: 27 },
      ],
      BY_EMAIL,
    );
    assert.match(diagnostics[1].message, /PIN given on this row will be emailed to d@example\.com/);
  });

  it('is not promised when the row has no valid email', () => {
    expectDiagnostics(
      `${HEADER}\nUser,B,b@example,,y\n`,
      [
        { code: 'invalid-email', line: 1, startChar: 7, endChar: 16 },
        { code: 'syspin-needs-email', line: 1, startChar: 18, endChar: 19 },
      ],
      BY_EMAIL,
    );
  });
});
