/**
 * The import summary view's model and page: the counts and each row's fate in words (the preview's and the
 * import's), the refused rows first with their reasons naming the column once, every value escaped, no script, and
 * the Import button only when the preview says an import would go ahead.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { PreviewSuccess, RowResult } from '../../common/importClient';
import { summaryHtml } from '../../client/src/import/summaryHtml';
import {
  MAX_LISTED_ROWS,
  previewSummary,
  refusedSummary,
  resultSummary,
  type SummaryInput,
} from '../../client/src/import/summaryModel';

const ROWS: RowResult[] = [
  {
    row: 2,
    line: 3,
    status: 'failed',
    type: 'User',
    extension: '202',
    column: 'CallProfile',
    reason: 'No call profile 99.',
  },
  { row: 1, line: 2, status: 'created', type: 'User', extension: '201' },
  { row: 3, line: 4, status: 'unchanged', type: 'Location', extension: '250' },
];

function input(rows: readonly RowResult[] = ROWS): SummaryInput {
  return {
    fileName: 'team.subscribers.csv',
    uri: 'file:///work/team.subscribers.csv',
    host: '127.0.0.1:7357',
    at: '3 Mar 2025, 10:00',
    rows,
    names: rows.map((row) => (row.line === 2 ? { label: 'Ann <Lee>, ext 201' } : undefined)),
  };
}

const PREVIEW: PreviewSuccess = {
  ok: true,
  outcome: 'import',
  created: 1,
  updated: 0,
  unchanged: 1,
  failed: 1,
  rows: ROWS,
  problems: [],
  message: '',
  attempts: 1,
};

describe('the summary model', () => {
  it('a preview: its counts, the rows in file order, the refused ones first, and the Import button', () => {
    const model = previewSummary(input(), PREVIEW);
    assert.equal(model.headline, 'Preview: 1 to be created, 0 to be updated, 1 unchanged, 1 to fail');
    assert.match(model.note, /^Nothing was imported: this is what 127\.0\.0\.1:7357 says an import/);
    assert.deepEqual(model.failures, [
      { line: 3, label: 'User, ext 202', status: 'failed', reason: 'CallProfile: No call profile 99.' },
    ]);
    assert.deepEqual(
      model.rows.map((row) => `${row.line}:${row.label}:${row.status}`),
      ['2:Ann <Lee>, ext 201:created', '3:User, ext 202:failed', '4:Location, ext 250:unchanged'],
    );
    assert.equal(model.canImport, true);
  });

  it('a preview the import would refuse: its message, no Import button', () => {
    const conflict: PreviewSuccess = {
      ...PREVIEW,
      outcome: 'conflict',
      created: 0,
      unchanged: 0,
      rows: [ROWS[0]],
      message: 'An import would be refused (409): 1 row in conflict.',
    };
    const model = previewSummary(input([ROWS[0]]), conflict);
    assert.equal(model.headline, 'Preview: nothing to be imported: 1 row in conflict');
    assert.equal(model.note, conflict.message);
    assert.equal(model.canImport, false);
  });

  it('an import: what happened to each row; a file refused as a whole: its problems', () => {
    const result = resultSummary(input(), { created: 1, updated: 0, unchanged: 1, failed: 1 });
    assert.equal(result.headline, 'Imported: 1 created, 0 updated, 1 unchanged, 1 failed');
    assert.equal(result.canImport, false);
    const refused = refusedSummary(input([]), 'The file was refused (400).', [
      { line: 1, column: 'LastName', code: 'missing-column', message: 'LastName is missing.' },
    ]);
    assert.deepEqual(refused.failures, [
      { line: 1, label: 'header', status: 'failed', reason: 'LastName is missing.' },
    ]);
  });

  it('lists at most MAX_LISTED_ROWS rows and counts the rest', () => {
    const many = Array.from({ length: MAX_LISTED_ROWS + 5 }, (_, i): RowResult => ({
      row: i + 1,
      line: i + 2,
      status: 'created',
    }));
    const model = resultSummary(input(many), { created: many.length, updated: 0, unchanged: 0, failed: 0 });
    assert.equal(model.rows.length, MAX_LISTED_ROWS);
    assert.equal(model.unlisted, 5);
    assert.match(
      summaryHtml(model, { cspSource: 'vscode-resource:', styleUri: 's.css' }),
      /…and 5 more rows, counted above/,
    );
  });
});

describe('the summary page', () => {
  const html = summaryHtml(previewSummary(input(), PREVIEW), { cspSource: 'vscode-resource:', styleUri: 'style.css' });

  it('runs no script and loads nothing but its style sheet', () => {
    assert.match(html, /default-src &#39;none&#39;; style-src vscode-resource:; script-src &#39;none&#39;/);
    assert.doesNotMatch(html, /<script/);
  });

  it('escapes every value: a name cannot become markup', () => {
    assert.match(html, /Ann &#60;Lee&#62;, ext 201/);
    assert.doesNotMatch(html, /<Lee>/);
  });

  it('has headings, a status line and tables with column headers; outcomes are words', () => {
    assert.match(html, /<h1>Preview of team\.subscribers\.csv<\/h1>/);
    assert.match(
      html,
      /<p class="headline" role="status">Preview: 1 to be created, 0 to be updated, 1 unchanged, 1 to fail<\/p>/,
    );
    assert.match(html, /<h2 id="failures">Rows that would fail \(1\)<\/h2>/);
    assert.match(html, /<th scope="col">Reason<\/th>/);
    assert.match(html, /<td class="status failed">would fail<\/td>/);
  });

  it('offers the import of the same file through its command, with the file as the argument', () => {
    const argument = encodeURIComponent(JSON.stringify(['file:///work/team.subscribers.csv']));
    assert.ok(html.includes(`href="command:subscriberCsv.importToTenant?${argument}"`));
    assert.match(html, /href="command:subscriberCsv\.showImportHistory"/);
  });
});
