/**
 * The New Subscriber File template and the row snippets: column names and order come from the library's table,
 * the required columns are always there, and what the template writes checks clean with the library itself.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { COLUMNS, findColumn } from '../src/columns';
import { cellText } from '../src/features/cellEdit';
import {
  allColumnNames,
  EXAMPLE_VALUES,
  headerColumns,
  requiredColumnNames,
  ROW_TYPES,
  templateText,
} from '../src/features/newFile/template';
import { rowSnippet } from '../src/features/newFile/rowSnippets';
import { SNIPPETS_PATH, snippetsJson } from '../../scripts/generate-snippets';
import { service, validateText } from '../../test/unit/helpers/service';

const summary = (text: string) => validateText(text).map((d) => `${d.range.start.line}:${d.code}`);

describe('New Subscriber File template', () => {
  it('writes the header of every column in the table, then a User and a Location row', () => {
    const lines = templateText(allColumnNames()).split('\n');
    assert.equal(lines[0], COLUMNS.map((c) => c.name).join(','));
    assert.equal(lines[0].split(',').length, 32);
    assert.match(lines[1], /^User,Dana,Reyes,dana\.reyes@example\.com,/);
    assert.match(lines[2], /^Location,,Front Desk,/);
    assert.equal(lines[1].split(',').length, 32);
    assert.equal(lines[2].split(',').length, 32);
    assert.deepEqual(lines.slice(3), ['']);
  });

  it('checks clean with the rules library (no diagnostic at all)', () => {
    assert.deepEqual(summary(templateText(allColumnNames())), []);
  });

  it('keeps picked columns in the table order and always adds Type and LastName', () => {
    assert.deepEqual(requiredColumnNames(), ['Type', 'LastName']);
    assert.deepEqual(headerColumns(['Extension', 'email', 'FirstName']), [
      'Type',
      'FirstName',
      'LastName',
      'Email',
      'Extension',
    ]);
    assert.deepEqual(headerColumns([]), ['Type', 'LastName']);
    assert.deepEqual(headerColumns(['NoSuchColumn', 'VM']), ['Type', 'LastName', 'VM']);
  });

  it('writes a checked-clean file for a few picked columns too', () => {
    const text = templateText(['Extension', 'Email', 'SysPIN']);
    assert.equal(
      text,
      'Type,LastName,Email,Extension,SysPIN\n' +
        'User,Reyes,dana.reyes@example.com,201,y\n' +
        'Location,Front Desk,,200,n\n',
    );
    assert.deepEqual(summary(text), []);
  });

  it('names only columns the table knows in its examples', () => {
    for (const type of ROW_TYPES) {
      for (const name of Object.keys(EXAMPLE_VALUES[type])) {
        assert.equal(findColumn(name)?.name, name, `${type} example names ${name}`);
      }
    }
  });

  it('quotes a cell with a comma, a quote or a line break', () => {
    assert.equal(cellText('Lee'), 'Lee');
    assert.equal(cellText("O'Brien, Jr."), `"O'Brien, Jr."`);
    assert.equal(cellText('say "hi"'), '"say ""hi"""');
  });
});

describe('the service’s new file', () => {
  it('is the template, for all columns or the picked ones, with the pick list', () => {
    assert.equal(service.getNewFileText('all'), templateText(allColumnNames()));
    assert.equal(service.getNewFileText(['VM']), templateText(['VM']));
    const columns = service.getNewFileColumns();
    assert.deepEqual(
      columns.map((column) => column.name),
      COLUMNS.map((column) => column.name),
    );
    assert.deepEqual(
      columns.filter((column) => column.required).map((column) => column.name),
      ['Type', 'LastName'],
    );
  });
});

describe('row snippets', () => {
  it('are the template rows with tab stops on the cells a person changes', () => {
    const user = rowSnippet('User');
    assert.equal(user.prefix, 'user-row');
    assert.match(user.body, /^User,\$\{1:Dana\},\$\{2:Reyes\},\$\{3:dana\.reyes@example\.com\},/);
    assert.match(user.body, /,\$\{4:201\},/);
    assert.ok(user.body.endsWith('$0'));
    const location = rowSnippet('Location');
    assert.match(location.body, /^Location,,\$\{1:Front Desk\},/);
    // With the placeholders and the final tab stop removed, each snippet is its template row.
    const [, userRow, locationRow] = templateText(allColumnNames()).split('\n');
    const plain = (body: string) => body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0$/, '');
    assert.equal(plain(user.body), userRow);
    assert.equal(plain(location.body), locationRow);
  });

  it('are committed as generated (npm run snippets)', () => {
    assert.equal(readFileSync(SNIPPETS_PATH, 'utf8'), snippetsJson());
  });
});
