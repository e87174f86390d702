/**
 * decideImport: a file with errors is refused with the count; otherwise the confirmation names the host, the users
 * and locations to import, the warnings, and whether the editor holds unsaved changes.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { ValidateNowResult } from '../../common/protocol';
import {
  decideImport,
  MAX_LISTED_WARNINGS,
  type CheckedDiagnostic,
  type ImportCheck,
} from '../../client/src/import/decideImport';

function verdict(overrides: Partial<ValidateNowResult> = {}): ValidateNowResult {
  return {
    version: 1,
    isSubscriberFile: true,
    errors: 0,
    warnings: 0,
    publishedErrors: 0,
    publishedWarnings: 0,
    users: 3,
    locations: 1,
    otherRows: 0,
    secretValues: [],
    ...overrides,
  };
}

function check(overrides: Partial<ImportCheck> = {}): ImportCheck {
  return {
    fileName: 'team.subscribers.csv',
    host: 'pbx.example.com',
    hasUnsavedChanges: false,
    diagnostics: [],
    verdict: verdict(),
    ...overrides,
  };
}

const warning = (line: number, message: string): CheckedDiagnostic => ({ severity: 'warning', line, message });
const error = (line: number, message: string): CheckedDiagnostic => ({ severity: 'error', line, message });

describe('decideImport', () => {
  it('refuses a file with errors, with the count', () => {
    const decision = decideImport(
      check({
        diagnostics: [error(2, 'a'), error(4, 'b'), warning(3, 'c')],
        verdict: verdict({ errors: 2, warnings: 1 }),
      }),
    );
    assert.deepEqual(decision, {
      kind: 'refuse',
      reason: 'hasErrors',
      errors: 2,
      message: 'team.subscribers.csv has 2 errors. Fix them before importing.',
    });
  });

  it('says "it" for a single error', () => {
    const decision = decideImport(check({ diagnostics: [error(2, 'a')], verdict: verdict({ errors: 1 }) }));
    assert.equal(
      decision.kind === 'refuse' && decision.message,
      'team.subscribers.csv has 1 error. Fix it before importing.',
    );
  });

  it("counts the server's errors when the editor's list lags behind", () => {
    const decision = decideImport(check({ diagnostics: [], verdict: verdict({ errors: 1 }) }));
    assert.equal(decision.kind, 'refuse');
    assert.equal(decision.kind === 'refuse' && decision.errors, 1);
  });

  it("counts the editor's errors when the server's count is lower", () => {
    const decision = decideImport(
      check({ diagnostics: [error(1, 'a'), error(2, 'b')], verdict: verdict({ errors: 0 }) }),
    );
    assert.equal(decision.kind === 'refuse' && decision.errors, 2);
  });

  it('refuses a file that is not a subscriber file', () => {
    const decision = decideImport(check({ verdict: verdict({ isSubscriberFile: false, users: 0, locations: 0 }) }));
    assert.equal(decision.kind, 'refuse');
    assert.equal(decision.kind === 'refuse' && decision.reason, 'notSubscriberFile');
  });

  it('refuses a file with no user or location rows', () => {
    const decision = decideImport(check({ verdict: verdict({ users: 0, locations: 0 }) }));
    assert.deepEqual(decision, {
      kind: 'refuse',
      reason: 'noRows',
      errors: 0,
      message: 'team.subscribers.csv has no users or locations to import.',
    });
  });

  it('confirms a clean file naming the host, the users and the locations', () => {
    assert.deepEqual(decideImport(check()), {
      kind: 'confirm',
      warnings: 0,
      message: 'Import 3 users and 1 location to pbx.example.com?',
      detail: 'From team.subscribers.csv.',
    });
  });

  it('names only the kinds of rows present', () => {
    const decision = decideImport(check({ verdict: verdict({ users: 1, locations: 0 }) }));
    assert.equal(decision.kind === 'confirm' && decision.message, 'Import 1 user to pbx.example.com?');
    const locations = decideImport(check({ verdict: verdict({ users: 0, locations: 2 }) }));
    assert.equal(locations.kind === 'confirm' && locations.message, 'Import 2 locations to pbx.example.com?');
  });

  it('says that the text in the editor is imported when it has unsaved changes', () => {
    const decision = decideImport(check({ hasUnsavedChanges: true }));
    assert.equal(
      decision.kind === 'confirm' && decision.detail,
      'From team.subscribers.csv: the text in the editor is imported, including changes not yet saved.',
    );
  });

  it('names the warnings by line, in line order', () => {
    const decision = decideImport(
      check({
        diagnostics: [
          warning(5, 'Row 5 is empty.'),
          { severity: 'information', line: 1, message: 'x' },
          warning(2, 'Fewer cells.'),
        ],
        verdict: verdict({ warnings: 2 }),
      }),
    );
    assert.deepEqual(decision, {
      kind: 'confirm',
      warnings: 2,
      message: 'Import 3 users and 1 location to pbx.example.com?',
      detail: ['From team.subscribers.csv.', '', '2 warnings:', 'Line 3: Fewer cells.', 'Line 6: Row 5 is empty.'].join(
        '\n',
      ),
    });
  });

  it('lists at most a few warnings and counts the rest', () => {
    const many = Array.from({ length: MAX_LISTED_WARNINGS + 3 }, (_, index) => warning(index + 1, `w${index}`));
    const decision = decideImport(check({ diagnostics: many, verdict: verdict({ warnings: many.length }) }));
    assert.equal(decision.kind, 'confirm');
    const lines = decision.kind === 'confirm' ? decision.detail.split('\n') : [];
    assert.equal(lines.filter((line) => line.startsWith('Line ')).length, MAX_LISTED_WARNINGS);
    assert.equal(lines[lines.length - 1], '…and 3 more (see the Problems view).');
  });
});
