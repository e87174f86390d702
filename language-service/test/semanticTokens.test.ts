/**
 * Semantic tokens: one token a cell, typed by the cell's field, from the parser. Quoted cells with commas and line
 * breaks and quotes inside plain cells keep every later cell in its column's colour.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range, SemanticTokens } from 'vscode-languageserver-types';
import { COLUMN_COLOURS, getSemanticTokens, SEMANTIC_TOKENS_LEGEND } from '../src/features/semanticTokens';
import { csv } from '../../test/unit/helpers/dedent';
import { modelOf as parsedOf, service, settingsWith } from '../../test/unit/helpers/service';
import type { SubscriberModel } from '../src/model/subscriberModel';

/** White-box: the features take the library's model, which `parse` makes behind the opaque document. */
const modelOf = (text: string) => parsedOf(text) as SubscriberModel;

/** Decodes the relative encoding into `line:char+length=type` strings, one a token. */
function decode(tokens: SemanticTokens): string[] {
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaCharacter, length, type, modifiers] = tokens.data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaCharacter : deltaCharacter;
    assert.equal(modifiers, 0);
    out.push(`${line}:${character}+${length}=${type}`);
  }
  return out;
}

const lines = (from: number, to: number): Range => ({
  start: { line: from, character: 0 },
  end: { line: to, character: 0 },
});

const FILE = csv`
  Type,FirstName,LastName,Extension,VM
  User,Ann "Bo",Lee,102,y
  User,Cy,"Two
  Lines, yes",103,n
  User,,"a,b",104,y
`;

describe('semantic tokens', () => {
  it('has eight column types, none of them a string or a comment', () => {
    assert.equal(SEMANTIC_TOKENS_LEGEND.tokenTypes.length, COLUMN_COLOURS);
    assert.deepEqual(SEMANTIC_TOKENS_LEGEND.tokenTypes.slice(0, 2), ['subscriberColumn1', 'subscriberColumn2']);
    for (const type of SEMANTIC_TOKENS_LEGEND.tokenTypes) assert.doesNotMatch(type, /string|comment/i);
  });

  it('types each cell by its field, across a quote inside a plain cell and a quoted line break', () => {
    assert.deepEqual(decode(getSemanticTokens(modelOf(FILE))), [
      '0:0+4=0', '0:5+9=1', '0:15+8=2', '0:24+9=3', '0:34+2=4',
      // `Ann "Bo"` is one plain cell: the quotes in it are text.
      '1:0+4=0', '1:5+8=1', '1:14+3=2', '1:18+3=3', '1:22+1=4',
      // The quoted cell runs over two lines: one token a line, both of column 3; Extension is still column 4.
      '2:0+4=0', '2:5+2=1', '2:8+4=2', '3:0+11=2', '3:12+3=3', '3:16+1=4',
      // The empty FirstName gets no token; the comma inside quotes does not start a cell.
      '4:0+4=0', '4:6+5=2', '4:12+3=3', '4:16+1=4',
    ]); // prettier-ignore
  });

  it('answers a range with the tokens on its lines only, a cell begun above included', () => {
    assert.deepEqual(decode(getSemanticTokens(modelOf(FILE), lines(3, 3))), ['3:0+11=2', '3:12+3=3', '3:16+1=4']);
    assert.deepEqual(decode(getSemanticTokens(modelOf(FILE), lines(1, 1))), [
      '1:0+4=0', '1:5+8=1', '1:14+3=2', '1:18+3=3', '1:22+1=4',
    ]); // prettier-ignore
  });

  it('cycles through the eight types from the ninth column on', () => {
    const header = Array.from({ length: 10 }, (_, index) => `c${index}`).join(',');
    const tokens = decode(getSemanticTokens(modelOf(`Type,${header}\n`)));
    assert.deepEqual(tokens.slice(7, 11), ['0:23+2=7', '0:26+2=0', '0:29+2=1', '0:32+2=2']);
  });

  it('splits a cell at CRLF and CR line breaks too', () => {
    const tokens = decode(getSemanticTokens(modelOf('Type,LastName\r\nUser,"a\r\nb\rc"\r\n')));
    assert.deepEqual(tokens, ['0:0+4=0', '0:5+8=1', '1:0+4=0', '1:5+2=1', '2:0+1=1', '3:0+2=1']);
  });

  it('colours nothing after a quote that never closes (the rest of the file is one broken cell)', () => {
    const tokens = decode(getSemanticTokens(modelOf('Type,LastName,VM\nUser,"Lee,y\nUser,Ng,n\n')));
    assert.deepEqual(tokens, ['0:0+4=0', '0:5+8=1', '0:14+2=2', '1:0+4=0']);
  });

  it('keeps its positions in UTF-16 code units, as editors count them', () => {
    assert.deepEqual(decode(getSemanticTokens(modelOf('Type,LastName,VM\nUser,Zoë 🙂,y\n'))).slice(3), [
      '1:0+4=0', '1:5+6=1', '1:12+1=2',
    ]); // prettier-ignore
  });

  it('stops at the most tokens asked for (a line of a million cells must not make a million tokens)', () => {
    assert.deepEqual(decode(getSemanticTokens(modelOf(FILE), undefined, 3)), ['0:0+4=0', '0:5+9=1', '0:15+8=2']);
  });

  it('gives no tokens for a CSV that is not a subscriber file', () => {
    assert.deepEqual(service.getSemanticTokens(modelOf('sku,qty\nA-1,2\n'), settingsWith()).data, []);
  });
});
