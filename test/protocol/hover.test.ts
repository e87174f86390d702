/**
 * Hover over the protocol: on a header cell, what the column means; on a data cell, what the value means.
 * Expected text comes from the column table, so the tests check that hovers read it, not its exact wording.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COLUMNS, type ColumnSpec } from '@subscriber-csv/language-service';
import { hoverText, lines, LspClient, range, withCursor } from './helpers/lspClient';

const TENANT = { callProfiles: [{ id: '1', name: 'Local only' }] };

function column(name: string): ColumnSpec {
  const found = COLUMNS.find((candidate) => candidate.name === name);
  assert.ok(found, name);
  return found;
}

function meaningOf(columnName: string, value: string): string {
  const choice = column(columnName).choices?.find((candidate) => candidate.value === value);
  assert.ok(choice, `${columnName} ${value}`);
  return choice.meaning;
}

describe('hover', () => {
  let client: LspClient;
  let documents = 0;
  before(async () => {
    client = await LspClient.start({ settings: { subscriberCsv: { tenant: TENANT } } });
  });
  after(async () => {
    await client.stop();
  });

  /** Opens the text (cursor marked with `|`) as a new document and hovers at the cursor. */
  async function hoverAt(marked: string, languageId = 'subscriber-csv') {
    const { text, position } = withCursor(marked);
    const uri = `file:///work/hover-${++documents}.csv`;
    await client.open(uri, languageId, text);
    return client.hover(uri, position);
  }

  test('on a header cell: what the column means, as markdown, over the cell', async () => {
    const hover = await hoverAt(lines('Type,LastName,V|M', 'User,Lee,y'));
    assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents);
    assert.equal(hover.contents.kind, 'markdown');
    const text = hoverText(hover);
    assert.ok(text.includes('**VM**'), text);
    assert.ok(text.includes(column('VM').title), text);
    assert.ok(text.includes(column('VM').help), text);
    assert.deepEqual(hover.range, range(0, 14, 0, 16));
  });

  test('on a data cell: what the value means, then the column', async () => {
    const hover = await hoverAt(lines('Type,LastName,VM', 'User,Lee,|y'));
    const text = hoverText(hover);
    assert.ok(text.startsWith(`\`y\` = ${meaningOf('VM', 'y')}`), text);
    assert.ok(text.includes(column('VM').help), text);
    assert.deepEqual(hover?.range, range(1, 9, 1, 10));
  });

  test('on an empty cell: what empty means for this row type', async () => {
    const user = hoverText(await hoverAt(lines('Type,LastName,DirAccess', 'User,Lee,|')));
    const location = hoverText(await hoverAt(lines('Type,LastName,DirAccess', 'Location,Lobby,|')));
    assert.ok(user.startsWith('Empty: both (the page).'), user);
    assert.ok(location.startsWith('Empty: dial (the page).'), location);
  });

  test('on a tenant ID: the name from the configured tenant list', async () => {
    const text = hoverText(await hoverAt(lines('Type,LastName,CallProfile', 'User,Lee,|1')));
    assert.ok(text.startsWith('`1` = Local only'), text);
    assert.ok(text.includes('- `1` — Local only'), text);
  });

  test('on a misspelt header: the column it probably means', async () => {
    const hover = await hoverAt(lines('Type,LastName,Exten|tion', 'User,Lee,101'));
    assert.ok(hoverText(hover).includes('Did you mean **Extension**?'), hoverText(hover));
    assert.deepEqual(hover?.range, range(0, 14, 0, 23));
  });

  test('in a plain csv document with header sku,qty,price: no hover', async () => {
    assert.equal(await hoverAt(lines('sk|u,qty,price', 'A-1,2,9.99'), 'csv'), null);
  });
});
