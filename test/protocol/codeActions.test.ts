/**
 * Quick fixes over the protocol: the client asks with the diagnostics the server published (as an editor does),
 * gets the exact edit back, applies it as an incremental change, and the diagnostic goes away.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { codesAndRanges, expected, lines, LspClient, range } from './helpers/lspClient';

describe('code actions', () => {
  let client: LspClient;
  let documents = 0;
  before(async () => {
    client = await LspClient.start({ settings: { subscriberCsv: {} } });
  });
  after(async () => {
    await client.stop();
  });

  /** Opens the text as a new document; returns its uri and the one published diagnostic with `code`. */
  async function openWith(text: string, code: string): Promise<{ uri: string; diagnostic: Diagnostic }> {
    const uri = `file:///work/fix-${++documents}.subscribers.csv`;
    const published = await client.open(uri, 'subscriber-csv', text);
    const matching = published.diagnostics.filter((diagnostic) => diagnostic.code === code);
    assert.equal(matching.length, 1, `one ${code} in ${JSON.stringify(codesAndRanges(published.diagnostics))}`);
    return { uri, diagnostic: matching[0] };
  }

  async function quickFixes(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const actions = (await client.codeActions(uri, diagnostics[0]?.range ?? range(0, 0, 0, 0), diagnostics)) ?? [];
    for (const action of actions) assert.notEqual(typeof action.command, 'string', 'a code action, not a command');
    return actions as CodeAction[];
  }

  async function applyOnly(uri: string, action: CodeAction | undefined) {
    const edits = action?.edit?.changes?.[uri];
    assert.ok(edits, 'the action edits the document');
    return client.applyEdits(uri, edits);
  }

  test('value-case: change Y to y', async () => {
    const { uri, diagnostic } = await openWith(lines('Type,LastName,VM', 'User,Lee,Y'), 'value-case');
    assert.deepEqual(diagnostic.range, range(1, 9, 1, 10));
    const actions = await quickFixes(uri, [diagnostic]);
    // Titles are the rules library's wording: the tests pin the value they name, and the edit exactly.
    assert.match(actions[0]?.title ?? '', /\by\b/);
    assert.deepEqual(actions, [
      {
        title: actions[0].title,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: range(1, 9, 1, 10), newText: 'y' }] } },
      },
    ]);
    assert.deepEqual((await applyOnly(uri, actions[0])).diagnostics, []);
  });

  test('misspelt-column: rename the misspelt column', async () => {
    const { uri, diagnostic } = await openWith(lines('Type,LastName,Extention', 'User,Lee,101'), 'misspelt-column');
    const actions = await quickFixes(uri, [diagnostic]);
    assert.equal(actions.length, 1);
    assert.match(actions[0].title, /\bExtension\b/);
    assert.deepEqual(actions[0].edit, {
      changes: { [uri]: [{ range: range(0, 14, 0, 23), newText: 'Extension' }] },
    });
    assert.deepEqual((await applyOnly(uri, actions[0])).diagnostics, []);
  });

  test('missing-column: add the column and an empty cell on every row', async () => {
    const { uri, diagnostic } = await openWith(lines('Type,FirstName', 'User,Ann', 'User,Bob'), 'missing-column');
    const actions = await quickFixes(uri, [diagnostic]);
    assert.equal(actions.length, 1);
    assert.match(actions[0].title, /\bLastName\b/);
    assert.deepEqual(actions[0].edit, {
      changes: {
        [uri]: [
          { range: range(0, 14, 0, 14), newText: ',LastName' },
          { range: range(1, 8, 1, 8), newText: ',' },
          { range: range(2, 8, 2, 8), newText: ',' },
        ],
      },
    });
    const published = await applyOnly(uri, actions[0]);
    assert.equal(client.document(uri).getText(), lines('Type,FirstName,LastName', 'User,Ann,', 'User,Bob,'));
    // The column is there now; its values are still to be filled in.
    assert.deepEqual(codesAndRanges(published.diagnostics), [
      expected('required-value', 1, 9, 1, 9),
      expected('required-value', 2, 9, 2, 9),
    ]);
  });

  test('blank-row: delete the empty row with its line break', async () => {
    const { uri, diagnostic } = await openWith(lines('Type,LastName', 'User,Lee', '', 'User,Kim'), 'blank-row');
    const actions = await quickFixes(uri, [diagnostic]);
    assert.deepEqual(actions[0]?.edit, { changes: { [uri]: [{ range: range(2, 0, 3, 0), newText: '' }] } });
    assert.deepEqual((await applyOnly(uri, actions[0])).diagnostics, []);
  });

  test('one fix per fixable diagnostic when asked with all of them', async () => {
    const uri = `file:///work/fix-${++documents}.subscribers.csv`;
    const published = await client.open(uri, 'subscriber-csv', lines('Type,LastName,VM,Privacy', 'user,Lee,Yes,N'));
    const actions = await quickFixes(uri, published.diagnostics);
    assert.deepEqual(
      actions.map((action) => [action.diagnostics?.[0].code, action.edit?.changes?.[uri]]),
      [
        ['value-case', [{ range: range(1, 0, 1, 4), newText: 'User' }]],
        ['not-yes-no', [{ range: range(1, 9, 1, 12), newText: 'y' }]],
        ['value-case', [{ range: range(1, 13, 1, 14), newText: 'n' }]],
      ],
    );
  });

  test('no fix for a diagnostic without one, nor for another tool’s diagnostic', async () => {
    const { uri, diagnostic } = await openWith(
      lines('Type,LastName,Extension', 'User,Lee,101', 'User,Kim,101x'),
      'not-digits',
    );
    assert.deepEqual(await quickFixes(uri, [diagnostic]), []);
    const foreign: Diagnostic = {
      ...diagnostic,
      code: 'value-case',
      source: 'another-linter',
      data: { replacement: 'y' },
    };
    assert.deepEqual(await quickFixes(uri, [foreign]), []);
  });
});
