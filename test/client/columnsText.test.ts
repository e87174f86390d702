/**
 * The client's pure parts of the column features: the status bar's words, Go to Column's choices, which lines get
 * column-name hints, and the row form page's shell.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CellInfo, RowForm, RowFormField } from '../../common/protocol';
import { cellStatusText } from '../../client/src/columns/cellStatusText';
import { columnPicks, fieldNamed, whyNotThere } from '../../client/src/columns/columnPicks';
import { columnNamesMode, hintLines } from '../../client/src/columns/hintRange';
import { escapeHtml, rowFormHtml } from '../../client/src/columns/rowFormHtml';

const range = (line: number, start: number, end: number) => ({
  start: { line, character: start },
  end: { line, character: end },
});

const SYSPIN: CellInfo = {
  field: 30,
  columns: 32,
  name: 'SysPIN',
  column: { title: 'System-generated PIN', help: 'When on, the system makes up a PIN.' },
  row: 3,
  rowLabel: 'Ann Lee, ext 101',
  range: range(3, 80, 81),
  rowRange: range(3, 0, 90),
};

describe('cell status text', () => {
  it('names the column with its place, and the row with its person and extension', () => {
    const text = cellStatusText(SYSPIN);
    assert.equal(text.column, 'SysPIN · column 31 of 32');
    assert.equal(text.row, 'row 3: Ann Lee, ext 101');
    assert.equal(
      text.tooltip,
      '**SysPIN** — System-generated PIN\n\nWhen on, the system makes up a PIN.\n\n_Click to go to another column._',
    );
  });

  it('says header row on the header, and explains unknown columns and cells past the header', () => {
    assert.equal(cellStatusText({ ...SYSPIN, row: 0, rowLabel: 'header' }).row, 'header row');
    const unknown = cellStatusText({ ...SYSPIN, name: 'Notes', column: undefined });
    assert.equal(unknown.column, 'Notes · column 31 of 32');
    assert.match(unknown.tooltip, /^`Notes` is not an import column: the import ignores it \(our reading\)\./);
    const odd = cellStatusText({ ...SYSPIN, name: 'a`*b*', column: undefined });
    assert.match(odd.tooltip, /^``a`\*b\*`` is not an import column/);
    const past = cellStatusText({ ...SYSPIN, field: 33, name: '', column: undefined });
    assert.equal(past.column, 'column 34 of 32');
    assert.match(past.tooltip, /past the header's 32 columns/);
  });
});

function formField(field: number, name: string, value: string, present = true): RowFormField {
  return {
    field,
    name,
    known: name !== 'Notes',
    title: name === 'Notes' ? undefined : `${name} title`,
    help: name === 'Notes' ? undefined : `${name} help.`,
    value,
    range: present ? range(2, field * 5, field * 5 + value.length) : null,
    choices: [],
    closed: false,
    secret: false,
    problems: [],
  };
}

const FORM: RowForm = {
  version: 4,
  row: 2,
  line: 2,
  label: 'Bo Ng, ext 102',
  type: 'User',
  cursorField: 1,
  fields: [
    formField(0, 'Type', 'User'),
    formField(1, 'LastName', 'Ng'),
    formField(2, 'Notes', 'x'),
    formField(3, 'VM', '', false),
  ],
  rowProblems: [],
  missingColumns: [
    { name: 'Email', title: 'Email address', help: 'Where the system sends notices.' },
    { name: 'PIN', title: 'PIN', help: 'The PIN.' },
  ],
};

describe('Go to Column choices', () => {
  it('lists the row’s fields in header order with place, title and help, then the columns the header lacks', () => {
    assert.deepEqual(columnPicks(FORM), [
      { label: 'Type', description: 'column 1 · Type title', detail: 'Type help.', field: 0 },
      { label: 'LastName', description: 'column 2 · LastName title', detail: 'LastName help.', field: 1 },
      { label: 'Notes', description: 'column 3 · not an import column', detail: '', field: 2 },
      { label: 'VM', description: 'column 4 · VM title · not on this row', detail: 'VM help.', field: 3 },
      {
        label: 'Email',
        description: 'Email address · not in this file',
        detail: 'Where the system sends notices.',
        separatorBefore: 'Not in this file’s header',
      },
      { label: 'PIN', description: 'PIN · not in this file', detail: 'The PIN.' },
    ]);
  });

  it('finds a field by name in any letter case', () => {
    assert.equal(fieldNamed(FORM, 'lastname'), 1);
    assert.equal(fieldNamed(FORM, ' VM '), 3);
    assert.equal(fieldNamed(FORM, 'Email'), undefined);
  });

  it('explains, rather than adds, a cell the row lacks or a column the file lacks', () => {
    const picks = columnPicks(FORM);
    assert.equal(whyNotThere(FORM, picks[1]), undefined);
    assert.equal(whyNotThere(FORM, picks[3]), 'Row 2 ends before VM (column 4): it has 3 cells.');
    assert.equal(whyNotThere(FORM, picks[4]), 'Email is not a column of this file; Go to Column adds nothing.');
  });
});

describe('column-name hint lines', () => {
  const viewPort = { startLine: 0, endLine: 200 };
  it('reads the setting, cursorRow by default', () => {
    assert.equal(columnNamesMode(undefined), 'cursorRow');
    assert.equal(columnNamesMode('off'), 'off');
    assert.equal(columnNamesMode('allVisibleRows'), 'allVisibleRows');
    assert.equal(columnNamesMode('everything'), 'cursorRow');
  });

  it('asks for nothing when off, and for the cursor row’s lines only in cursorRow mode', () => {
    assert.equal(hintLines('off', viewPort, { startLine: 3, endLine: 3 }, []), undefined);
    assert.deepEqual(hintLines('cursorRow', viewPort, { startLine: 3, endLine: 4 }, []), { startLine: 3, endLine: 4 });
    assert.equal(hintLines('cursorRow', viewPort, undefined, []), undefined);
    assert.equal(hintLines('cursorRow', { startLine: 10, endLine: 20 }, { startLine: 3, endLine: 4 }, []), undefined);
  });

  it('asks for the visible lines only in allVisibleRows mode, or the whole view port when none are known', () => {
    const visible = [
      { startLine: 40, endLine: 60 },
      { startLine: 90, endLine: 95 },
    ];
    assert.deepEqual(hintLines('allVisibleRows', viewPort, undefined, visible), { startLine: 40, endLine: 95 });
    assert.deepEqual(hintLines('allVisibleRows', viewPort, undefined, []), viewPort);
  });
});

describe('row form page', () => {
  const html = rowFormHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'abc123==',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/rowForm.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/rowForm.css',
  });

  it('allows only its own nonce-carrying script and its own style sheet', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(
      csp,
      'default-src &#39;none&#39;; style-src https://file+.vscode-resource.vscode-cdn.net; script-src &#39;nonce-abc123==&#39;; img-src &#39;none&#39;; font-src &#39;none&#39;; connect-src &#39;none&#39;; form-action &#39;none&#39;; base-uri &#39;none&#39;',
    );
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="abc123==" src="[^"]+rowForm\.js"><\/script>/);
    assert.doesNotMatch(html, /style="/);
  });

  it('escapes text for HTML', () => {
    assert.equal(
      escapeHtml(`<img src=x onerror="a('b')">&`),
      '&#60;img src=x onerror=&#34;a(&#39;b&#39;)&#34;&#62;&#38;',
    );
  });
});
