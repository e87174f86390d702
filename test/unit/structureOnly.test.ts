import { describe, it } from 'node:test';
import { csv } from './helpers/dedent';
import { expectDiagnostics, settingsWith } from './helpers/service';

// The server's self-protection for files above subscriberCsv.fullCheckLimitMB: only the structure is checked.
describe('structure-only checks (large files)', () => {
  const text = csv`
    Type,LastName,Extension,VM
    user,Lee,101,Yes
    User,Kim,101,y,extra
    User,"open
  `;

  it('reports the structure (header, shapes, quotes) and says why the values are not checked', () => {
    expectDiagnostics(
      text,
      [
        { code: 'structure-only', line: 0, startChar: 0, endChar: 26 },
        { code: 'too-many-fields', line: 2, startChar: 14, endChar: 20 },
        { code: 'unterminated-quote', line: 3, startChar: 5, endChar: 10 },
      ],
      settingsWith({}, { assumeSubscriberFile: true, structureOnly: true }),
    );
  });

  it('checks every rule when the file is under the limit', () => {
    expectDiagnostics(
      text,
      [
        { code: 'value-case', line: 1, startChar: 0, endChar: 4 },
        { code: 'duplicate-extension', line: 1, startChar: 9, endChar: 12 },
        { code: 'not-yes-no', line: 1, startChar: 13, endChar: 16 },
        { code: 'duplicate-extension', line: 2, startChar: 9, endChar: 12 },
        { code: 'too-many-fields', line: 2, startChar: 14, endChar: 20 },
        { code: 'unterminated-quote', line: 3, startChar: 5, endChar: 10 },
      ],
      settingsWith({}, { assumeSubscriberFile: true }),
    );
  });
});
