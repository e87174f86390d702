/**
 * The message after an upload: the counts of a success; for a failure the core's words, what the editor marked in
 * the file, and the button that helps.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { ImportFailure, ImportSuccess } from '../../client/src/import/importApi';
import { refusalActions, summarizeImport, type SummaryContext } from '../../client/src/import/importSummary';

const context: SummaryContext = { host: 'pbx.example.com', fileName: 'team.csv', markedProblems: 0 };

function success(overrides: Partial<ImportSuccess> = {}): ImportSuccess {
  return {
    ok: true,
    created: 3,
    updated: 1,
    unchanged: 0,
    failed: 0,
    rows: [],
    attempts: 1,
    replayed: false,
    idempotencyKey: 'k',
    ...overrides,
  };
}

function failure(kind: ImportFailure['kind'], extra: Record<string, unknown> = {}): ImportFailure {
  return {
    ok: false,
    kind,
    message: 'What the core says.',
    attempts: 1,
    idempotencyKey: 'k',
    ...extra,
  } as ImportFailure;
}

describe('summarizeImport', () => {
  it('gives the counts of a clean import', () => {
    assert.deepEqual(summarizeImport(success(), context), {
      severity: 'info',
      message: 'Imported team.csv to pbx.example.com: 3 created, 1 updated, 0 failed.',
      actions: [],
    });
  });

  it('counts the rows the tenant already had unchanged (an import of the same file again)', () => {
    assert.equal(
      summarizeImport(success({ created: 0, updated: 1, unchanged: 4 }), context).message,
      'Imported team.csv to pbx.example.com: 0 created, 1 updated, 4 unchanged, 0 failed.',
    );
  });

  it('says when the answer is the replay of an earlier attempt', () => {
    assert.match(summarizeImport(success({ replayed: true }), context).message, /had already received this import/);
  });

  it('warns when rows failed, and points at the marked rows', () => {
    assert.deepEqual(summarizeImport(success({ failed: 2 }), { ...context, markedProblems: 2 }), {
      severity: 'warning',
      message:
        'Imported team.csv to pbx.example.com: 3 created, 1 updated, 2 failed. The refused rows are marked in the file.',
      actions: ['showProblems'],
    });
  });

  it('points at the log when the failed rows could not be marked', () => {
    const message = summarizeImport(success({ failed: 1 }), context);
    assert.match(message.message, /See the log for the refused rows\.$/);
    assert.deepEqual(message.actions, ['showLog']);
  });

  it('offers to set the token after a 401 or a 403', () => {
    for (const kind of ['unauthorized', 'forbidden'] as const) {
      assert.deepEqual(summarizeImport(failure(kind), context), {
        severity: 'error',
        message: 'What the core says.',
        actions: ['setApiToken'],
      });
    }
  });

  it('adds that the conflicting rows of a 409 are marked', () => {
    const message = summarizeImport(failure('conflict', { status: 409, error: 'conflict', rows: [] }), {
      ...context,
      markedProblems: 1,
    });
    assert.deepEqual(message, {
      severity: 'error',
      message: 'What the core says. The conflicting rows are marked in the file.',
      actions: ['showProblems'],
    });
  });

  it('adds that the problems of a 400 are marked', () => {
    const message = summarizeImport(failure('rejected', { status: 400, problems: [] }), {
      ...context,
      markedProblems: 3,
    });
    assert.equal(message.message, 'What the core says. The problems are marked in the file.');
    assert.deepEqual(message.actions, ['showProblems']);
  });

  it('offers the log when a 400 or 409 marked nothing', () => {
    const message = summarizeImport(failure('rejected', { status: 400, problems: [] }), context);
    assert.deepEqual(message, { severity: 'error', message: 'What the core says.', actions: ['showLog'] });
  });

  it('offers the endpoint setting when the core finds the endpoint unusable', () => {
    assert.deepEqual(summarizeImport(failure('invalidEndpoint'), context).actions, ['openEndpointSetting']);
  });

  it('treats a cancellation as a warning, not an error', () => {
    assert.equal(summarizeImport(failure('cancelled'), context).severity, 'warning');
  });

  it('describes every kind of failure', () => {
    const kinds: ImportFailure['kind'][] = [
      'invalidEndpoint',
      'unauthorized',
      'forbidden',
      'rejected',
      'conflict',
      'tooLarge',
      'rateLimited',
      'server',
      'network',
      'timeout',
      'cancelled',
      'badResponse',
    ];
    for (const kind of kinds)
      assert.ok(summarizeImport(failure(kind), context).message.startsWith('What the core says.'));
  });
});

describe('refusalActions', () => {
  it('offers what fixes each refusal', () => {
    assert.deepEqual(refusalActions('hasErrors'), ['showProblems']);
    assert.deepEqual(refusalActions('noToken'), ['setApiToken']);
    assert.deepEqual(refusalActions('noEndpoint'), ['openEndpointSetting']);
    assert.deepEqual(refusalActions('insecureEndpoint'), ['openEndpointSetting']);
    assert.deepEqual(refusalActions('untrustedWorkspace'), ['manageWorkspaceTrust']);
    assert.deepEqual(refusalActions('noRows'), []);
  });
});
