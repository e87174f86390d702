/**
 * The colours are declared in three places that must agree: the server's token legend, the manifest's token types
 * and their TextMate scopes, and the grammar that colours the same columns before the server answers. None of the
 * scopes may be a string or a comment: VS Code's quick suggestions are off in those by default.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SEMANTIC_TOKENS_LEGEND } from '@subscriber-csv/language-service';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const grammar = JSON.parse(readFileSync(path.join(root, 'syntaxes/subscriber-csv.tmLanguage.json'), 'utf8'));

describe('token types in the manifest and the grammar', () => {
  const types: string[] = SEMANTIC_TOKENS_LEGEND.tokenTypes;

  it('declares every token type of the legend, in order', () => {
    assert.deepEqual(
      manifest.contributes.semanticTokenTypes.map((type: { id: string }) => type.id),
      types,
    );
  });

  it('maps each token type to one TextMate scope that is neither a string nor a comment', () => {
    const scopes: Record<string, string[]> = manifest.contributes.semanticTokenScopes[0].scopes;
    assert.deepEqual(Object.keys(scopes), types);
    for (const [type, mapped] of Object.entries(scopes)) {
      assert.equal(mapped.length, 1, type);
      assert.doesNotMatch(mapped[0], /^(string|comment)\b/, type);
    }
    assert.equal(
      new Set(Object.values(scopes).map((mapped) => mapped[0])).size,
      types.length,
      'eight distinct colours',
    );
  });

  it('colours the grammar’s cells with the same scopes in the same cycle, and no cell as a string', () => {
    const scopes: Record<string, string[]> = manifest.contributes.semanticTokenScopes[0].scopes;
    const captures: Record<string, { name: string }> = grammar.patterns[0].captures;
    const cells = Object.entries(captures)
      .filter(([group]) => Number(group) % 2 === 1)
      .map(([, capture]) => capture.name);
    assert.deepEqual(
      cells,
      types.map((type, index) => `${scopes[type][0]}.column${index + 1}.subscriber-csv`),
    );
    assert.doesNotMatch(JSON.stringify(grammar.patterns), /"(string|comment)\./);
  });
});
