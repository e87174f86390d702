/**
 * Values that must be unique across rows (Extension, Email) or on the tenant (Extension).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { csv } from './helpers/dedent';
import { expectDiagnostics, settingsWith } from './helpers/service';

describe('duplicate Extension', () => {
  it('is reported on every row that shares it, naming the other lines', () => {
    const text = csv`
      Type,LastName,Extension
      User,A,101
      User,B,102
      User,C,101
      User,D,
      User,E,
      User,F,101
    `;
    const diagnostics = expectDiagnostics(text, [
      { code: 'duplicate-extension', line: 1, startChar: 7, endChar: 10, data: { column: 'Extension' } },
      { code: 'duplicate-extension', line: 3, startChar: 7, endChar: 10, data: { column: 'Extension' } },
      { code: 'duplicate-extension', line: 6, startChar: 7, endChar: 10, data: { column: 'Extension' } },
    ]);
    assert.match(diagnostics[0].message, /line 4, 7/);
    assert.match(diagnostics[1].message, /line 2, 7/);
  });

  it('counts lines from 1 across quoted line breaks', () => {
    const text = 'Type,LastName,Extension\nUser,"A\nB",101\nUser,C,101\n';
    const diagnostics = expectDiagnostics(text, [
      { code: 'duplicate-extension', line: 2, startChar: 3, endChar: 6 },
      { code: 'duplicate-extension', line: 3, startChar: 7, endChar: 10 },
    ]);
    assert.match(diagnostics[0].message, /line 4\b/);
    assert.match(diagnostics[1].message, /line 2\b/);
  });
});

describe('duplicate Email', () => {
  it('is a warning on every row that shares it, ignoring case', () => {
    const text = csv`
      Type,LastName,Email
      User,A,ann@example.com
      User,B,bo@example.com
      User,C,Ann@Example.COM
      User,D,
      User,E,
    `;
    expectDiagnostics(text, [
      { code: 'duplicate-email', line: 1, startChar: 7, endChar: 22, data: { column: 'Email' } },
      { code: 'duplicate-email', line: 3, startChar: 7, endChar: 22, data: { column: 'Email' } },
    ]);
  });
});

describe('extension in use', () => {
  const text = csv`
    Type,LastName,Extension
    User,A,100
    User,B,101
  `;

  it('is reported when the tenant already uses the extension', () => {
    expectDiagnostics(
      text,
      [{ code: 'extension-in-use', line: 1, startChar: 7, endChar: 10, data: { column: 'Extension' } }],
      settingsWith({ extensionsInUse: ['100', '200'] }),
    );
  });

  it('is silent when the tenant extensions are unknown', () => {
    expectDiagnostics(text, []);
    expectDiagnostics(text, [], settingsWith({ extensionsInUse: [] }));
  });

  it('comes with duplicate-extension when two rows take a used extension', () => {
    expectDiagnostics(
      'Type,LastName,Extension\nUser,A,100\nUser,B,100\n',
      [
        { code: 'duplicate-extension', line: 1, startChar: 7, endChar: 10 },
        { code: 'extension-in-use', line: 1, startChar: 7, endChar: 10 },
        { code: 'duplicate-extension', line: 2, startChar: 7, endChar: 10 },
        { code: 'extension-in-use', line: 2, startChar: 7, endChar: 10 },
      ],
      settingsWith({ extensionsInUse: ['100'] }),
    );
  });
});
