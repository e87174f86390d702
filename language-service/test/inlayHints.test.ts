/**
 * Column names as inlay hints: before each cell of the data rows in a range, empty cells included.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InlayHint, Range } from 'vscode-languageserver-types';
import { getInlayHints } from '../src/features/inlayHints';
import { csv } from '../../test/unit/helpers/dedent';
import { modelOf as parsedOf, service, settingsWith } from '../../test/unit/helpers/service';
import type { SubscriberModel } from '../src/model/subscriberModel';

/** White-box: the features take the library's model, which `parse` makes behind the opaque document. */
const modelOf = (text: string) => parsedOf(text) as SubscriberModel;

/** `line:char label` with a `+` when the hint keeps a space before the cell's text. */
function describe_(hints: readonly InlayHint[]): string[] {
  return hints.map(
    (hint) => `${hint.position.line}:${hint.position.character} ${String(hint.label)}${hint.paddingRight ? '+' : ''}`,
  );
}

const lines = (from: number, to: number, toCharacter = 0): Range => ({
  start: { line: from, character: 0 },
  end: { line: to, character: toCharacter },
});

const FILE = csv`
  Type,LastName,Extention,SysPIN
  User,Lee,101,y
  Location,"Main
  Lobby",,n
  User,Ng
`;

describe('inlay hints', () => {
  it('labels each cell of the rows in the range with its header name, an empty cell and an unknown column too', () => {
    assert.deepEqual(describe_(getInlayHints(modelOf(FILE), lines(1, 2, 14))), [
      '1:0 Type:+', '1:5 LastName:+', '1:9 Extention:+', '1:13 SysPIN:+',
      '2:0 Type:+', '2:9 LastName:+',
    ]); // prettier-ignore
  });

  it('labels the cells that start on the range’s lines of a row spread over several lines', () => {
    assert.deepEqual(describe_(getInlayHints(modelOf(FILE), lines(3, 3, 20))), ['3:7 Extention:', '3:8 SysPIN:+']);
  });

  it('gives no hint on the header, and none for cells the header has no name for or a row lacks', () => {
    assert.deepEqual(describe_(getInlayHints(modelOf(FILE), lines(0, 0, 40))), []);
    assert.deepEqual(describe_(getInlayHints(modelOf(FILE), lines(4, 5))), ['4:0 Type:+', '4:5 LastName:+']);
    assert.deepEqual(describe_(getInlayHints(modelOf('Type,,VM\nUser,x,y,z\n'), lines(1, 2))), [
      '1:0 Type:+',
      '1:7 VM:+',
    ]);
  });

  it('carries the column title as tooltip and marks hints as parameter names', () => {
    const [hint] = getInlayHints(modelOf(FILE), lines(1, 1, 4));
    assert.equal(hint.tooltip, 'Record type');
    assert.equal(hint.kind, 2);
  });

  it('stops at the most hints asked for', () => {
    assert.equal(getInlayHints(modelOf(FILE), lines(0, 9), 3).length, 3);
  });

  it('gives no hints for a CSV that is not a subscriber file', () => {
    assert.deepEqual(service.getInlayHints(modelOf('sku,qty\nA-1,2\n'), lines(0, 3), settingsWith()), []);
  });
});
