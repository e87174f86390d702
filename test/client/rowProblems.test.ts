/**
 * Mapping the endpoint's row results and file problems onto lines of the uploaded text.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { rowReason } from '../../common/importClient/rowText';
import { problemsOfFile, problemsOfRows } from '../../client/src/import/rowProblems';
import { csv } from '../unit/helpers/dedent';

const text = csv`
  Type,LastName,Extension
  User,Lee,100
  User,Müller-Lüdenscheidt,101
  Location,HQ,200
`;

describe('problemsOfRows', () => {
  it('marks each failed row on its whole line, naming the column once', () => {
    const problems = problemsOfRows(
      [
        { row: 1, line: 2, status: 'created' },
        { row: 2, line: 3, status: 'failed', column: 'Extension', reason: 'Extension 101 is already in use.' },
        { row: 3, line: 4, status: 'failed', column: 'CallProfile', reason: 'No call profile 99.' },
      ],
      text,
      'import-failed',
    );
    assert.deepEqual(problems, [
      {
        line: 2,
        startCharacter: 0,
        endLine: 2,
        endCharacter: 'User,Müller-Lüdenscheidt,101'.length,
        message: 'Extension 101 is already in use.',
        code: 'import-failed',
      },
      {
        line: 3,
        startCharacter: 0,
        endLine: 3,
        endCharacter: 15,
        message: 'CallProfile: No call profile 99.',
        code: 'import-failed',
      },
    ]);
  });

  it('puts a row on the cell the server found for its line and column', () => {
    const asked: string[] = [];
    const [problem] = problemsOfRows(
      [{ row: 2, line: 3, status: 'failed', column: 'Extension', reason: 'Extension 101 is already in use.' }],
      text,
      'import-conflict',
      (line, column) => {
        asked.push(`${line}:${column}`);
        return { line: 2, startCharacter: 26, endLine: 2, endCharacter: 29 };
      },
    );
    assert.deepEqual(asked, ['3:Extension']);
    assert.deepEqual(problem, {
      line: 2,
      startCharacter: 26,
      endLine: 2,
      endCharacter: 29,
      message: 'Extension 101 is already in use.',
      code: 'import-conflict',
    });
  });

  it('leaves the message alone when no column is named', () => {
    const [problem] = problemsOfRows(
      [{ row: 3, line: 4, status: 'failed', column: null, reason: 'Locked.' }],
      text,
      'import-conflict',
    );
    assert.deepEqual(problem, {
      line: 3,
      startCharacter: 0,
      endLine: 3,
      endCharacter: 15,
      message: 'Locked.',
      code: 'import-conflict',
    });
  });

  it('says the endpoint refused the row when it gives no reason', () => {
    const [problem] = problemsOfRows([{ row: 1, line: 2, status: 'failed' }], text, 'import-failed');
    assert.equal(problem.message, 'The endpoint refused this row.');
  });

  it('falls back on the data row when the line is missing', () => {
    const [problem] = problemsOfRows([{ row: 1, line: null, status: 'failed', reason: 'x' }], text, 'import-failed');
    assert.equal(problem.line, 1);
  });

  it('puts a line past the end on the last line', () => {
    const [problem] = problemsOfRows([{ row: 40, line: 41, status: 'failed', reason: 'x' }], text, 'import-failed');
    assert.equal(problem.line, 4);
    assert.equal(problem.endCharacter, 0);
  });

  it('reads CRLF line breaks', () => {
    const [problem] = problemsOfRows(
      [{ row: 1, line: 2, status: 'failed', reason: 'x' }],
      'Type,LastName\r\nUser,Lee\r\n',
      'import-failed',
    );
    assert.deepEqual([problem.line, problem.endCharacter], [1, 8]);
  });
});

describe('problemsOfFile', () => {
  it("marks each problem on its line with the endpoint's code, naming the column once", () => {
    assert.deepEqual(
      problemsOfFile(
        [
          { line: 2, column: 'Type', code: 'invalid-choice', message: 'Type must be User or Location.' },
          { line: 3, column: 'Extension', code: 'not-digits', message: 'Takes digits only.' },
        ],
        text,
      ),
      [
        {
          line: 1,
          startCharacter: 0,
          endLine: 1,
          endCharacter: 12,
          message: 'Type must be User or Location.',
          code: 'invalid-choice',
        },
        {
          line: 2,
          startCharacter: 0,
          endLine: 2,
          endCharacter: 28,
          message: 'Extension: Takes digits only.',
          code: 'not-digits',
        },
      ],
    );
  });

  it('puts a problem with no line on the header', () => {
    const [problem] = problemsOfFile([{ message: 'No LastName column.' }], text);
    assert.deepEqual(problem, {
      line: 0,
      startCharacter: 0,
      endLine: 0,
      endCharacter: 'Type,LastName,Extension'.length,
      message: 'No LastName column.',
      code: 'import-rejected',
    });
  });
});

describe('rowReason', () => {
  it('names the column before a reason that does not name it, and only then', () => {
    const cases: [string | null | undefined, string | undefined, string][] = [
      ['Extension', 'Extension 301 is already in use on the tenant.', 'Extension 301 is already in use on the tenant.'],
      [
        'CallProfile',
        'The tenant has no call permission group with ID 99.',
        'CallProfile: The tenant has no call permission group with ID 99.',
      ],
      ['PIN', 'A PINless row.', 'PIN: A PINless row.'],
      ['Email', 'email is missing', 'email is missing'],
      [null, 'Locked.', 'Locked.'],
      ['Type', undefined, 'Type: The endpoint refused this row.'],
    ];
    for (const [column, reason, expected] of cases) assert.equal(rowReason({ column, reason }), expected, `${column}`);
  });
});
