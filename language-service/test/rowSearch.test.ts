/**
 * Go to Symbol in Workspace: rows found by name or extension anywhere in the file, with their exact ranges.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { findRowSymbols } from '../src/features/rowSearch';
import { csv } from '../../test/unit/helpers/dedent';
import { modelOf as parsedOf, service, settingsWith, TEST_URI } from '../../test/unit/helpers/service';
import type { SubscriberModel } from '../src/model/subscriberModel';

/** White-box: the features take the library's model, which `parse` makes behind the opaque document. */
const modelOf = (text: string) => parsedOf(text) as SubscriberModel;

const FILE = csv`
  Type,FirstName,LastName,Extension
  User,Ann,Lee,101
  Location,,Main Lobby,150
  User,Annette,Ng,210
`;

const names = (query: string, max?: number) => findRowSymbols(modelOf(FILE), query, max).map((row) => row.name);

describe('row search', () => {
  it('finds rows whose label holds every word of the query, in any letter case', () => {
    assert.deepEqual(names('ann'), ['Ann Lee, ext 101', 'Annette Ng, ext 210']);
    assert.deepEqual(names('ANN lee'), ['Ann Lee, ext 101']);
    assert.deepEqual(names('150'), ['Main Lobby, ext 150']);
    assert.deepEqual(names('nobody'), []);
  });

  it('gives each row its kind, its row number and its range', () => {
    const [lobby] = findRowSymbols(modelOf(FILE), 'lobby');
    assert.deepEqual(lobby, {
      name: 'Main Lobby, ext 150',
      kind: SymbolKind.Module,
      containerName: 'row 2',
      location: { uri: TEST_URI, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 24 } } },
    });
  });

  it('answers an empty query with nothing, stops at the most matches asked for, and ignores other CSV files', () => {
    assert.deepEqual(names('  '), []);
    assert.deepEqual(names('1', 1), ['Ann Lee, ext 101']);
    assert.deepEqual(service.findRowSymbols(modelOf('sku,qty\nann,1\n'), 'ann', settingsWith()), []);
  });
});
