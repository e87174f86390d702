/**
 * PAI, Dsite, DsiteCLID, NumCallDsite and DsiteZone are applied only when a telco admin imports on behalf of
 * the tenant: a tenant admin's values are ignored, so each filled cell warns.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { COLUMNS } from '@subscriber-csv/language-service';
import { csv } from './helpers/dedent';
import { expectDiagnostics, settingsWith } from './helpers/service';

const text = csv`
  Type,LastName,PAI,Dsite,DsiteCLID,NumCallDsite,DsiteZone
  User,A,y,n,6175550100,2,1
  User,B,,,,,
`;

describe('telco-only columns', () => {
  it('are exactly the five the import page names', () => {
    assert.deepEqual(
      COLUMNS.filter((column) => column.setBy === 'telcoAdmin').map((column) => column.name),
      ['PAI', 'Dsite', 'DsiteCLID', 'NumCallDsite', 'DsiteZone'],
    );
  });

  it('warn on each filled cell when a tenant admin imports', () => {
    for (const settings of [settingsWith(), settingsWith({ role: 'tenantAdmin' })]) {
      const diagnostics = expectDiagnostics(
        text,
        [
          { code: 'telco-only-ignored', line: 1, startChar: 7, endChar: 8, data: { column: 'PAI' } },
          { code: 'telco-only-ignored', line: 1, startChar: 9, endChar: 10, data: { column: 'Dsite' } },
          { code: 'telco-only-ignored', line: 1, startChar: 11, endChar: 21, data: { column: 'DsiteCLID' } },
          { code: 'telco-only-ignored', line: 1, startChar: 22, endChar: 23, data: { column: 'NumCallDsite' } },
          { code: 'telco-only-ignored', line: 1, startChar: 24, endChar: 25, data: { column: 'DsiteZone' } },
        ],
        settings,
      );
      assert.match(diagnostics[0].message, /telco admin/);
    }
  });

  it('are silent when a telco admin imports', () => {
    expectDiagnostics(text, [], settingsWith({ role: 'telcoAdmin' }));
  });

  it('have their values checked when a telco admin imports', () => {
    const bad = 'Type,LastName,Dsite,DsiteZone\nUser,A,Yes,east\n';
    expectDiagnostics(
      bad,
      [
        { code: 'not-yes-no', line: 1, startChar: 7, endChar: 10 },
        { code: 'invalid-id', line: 1, startChar: 11, endChar: 15 },
      ],
      settingsWith({ role: 'telcoAdmin' }),
    );
  });

  // The import ignores these values for a tenant admin, so none of them may block that admin's import.
  it('never block a tenant admin: their values get only the telco-only warning', () => {
    const bad = 'Type,LastName,PAI,Dsite,DsiteCLID,NumCallDsite,DsiteZone\nUser,A,Yes, Y ,abc,-2,east\n';
    const settings = settingsWith({ role: 'tenantAdmin', lists: { siteZones: [{ id: '1', name: 'East' }] } });
    const diagnostics = expectDiagnostics(
      bad,
      [
        { code: 'telco-only-ignored', line: 1, startChar: 7, endChar: 10, data: { column: 'PAI' } },
        { code: 'telco-only-ignored', line: 1, startChar: 11, endChar: 14, data: { column: 'Dsite' } },
        { code: 'telco-only-ignored', line: 1, startChar: 15, endChar: 18, data: { column: 'DsiteCLID' } },
        { code: 'telco-only-ignored', line: 1, startChar: 19, endChar: 21, data: { column: 'NumCallDsite' } },
        { code: 'telco-only-ignored', line: 1, startChar: 22, endChar: 26, data: { column: 'DsiteZone' } },
      ],
      settings,
    );
    assert.ok(diagnostics.every((diagnostic) => diagnostic.severity !== DiagnosticSeverity.Error));
  });
});
