/**
 * The server's links from a diagnostic's code to its entry in the catalog it ships with (server/src/catalogLinks.ts):
 * a `file:` URI of docs/diagnostics.md with the line of the code's heading, which VS Code opens at that line; no
 * link when the catalog is missing or has no entry, never a link to a page that does not exist.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CATALOG, type DiagnosticCode } from '@subscriber-csv/language-service';
import { catalogLinksIn, loadCatalogLinks } from '../../server/src/catalogLinks';
import { DIAGNOSTICS_DOC_PATH } from '../../scripts/generate-diagnostics-doc';

const codes = Object.keys(CATALOG) as DiagnosticCode[];

function diagnostic(code: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', code };
}

describe('catalog links', () => {
  it('links every code to the line of its heading in docs/diagnostics.md', () => {
    const warnings: string[] = [];
    const links = loadCatalogLinks(DIAGNOSTICS_DOC_PATH, (message) => warnings.push(message));
    const lines = readFileSync(DIAGNOSTICS_DOC_PATH, 'utf8').split('\n');
    const fileUrl = pathToFileURL(DIAGNOSTICS_DOC_PATH).href;
    for (const code of codes) {
      const href = links.hrefOf(code);
      assert.ok(href, `no link for ${code}`);
      const match = /^(file:\/\/.+)#L(\d+)$/.exec(href);
      assert.ok(match, href);
      assert.equal(match[1], fileUrl);
      assert.equal(fileURLToPath(match[1]), DIAGNOSTICS_DOC_PATH);
      assert.equal(lines[Number(match[2]) - 1], `## ${code}`, `the line ${code} links to`);
    }
    assert.deepEqual(warnings, []);
  });

  it('sets codeDescription on diagnostics of codes with an entry only', () => {
    const links = catalogLinksIn(
      '# Diagnostics\n\n## value-case\n\ntext\r\n## not-a-code\n## blank-row\n',
      'file:///c.md',
    );
    const diagnostics = [diagnostic('value-case'), diagnostic('blank-row'), diagnostic('import-rejected')];
    diagnostics.push({ ...diagnostic('x'), code: undefined });
    assert.equal(links.addTo(diagnostics), diagnostics);
    assert.deepEqual(
      diagnostics.map((d) => d.codeDescription),
      [{ href: 'file:///c.md#L3' }, { href: 'file:///c.md#L7' }, undefined, undefined],
    );
    assert.equal(links.hrefOf('empty-file'), undefined);
  });

  it('gives no links, and says so once, when the catalog is not beside the server', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-links-'));
    try {
      const warnings: string[] = [];
      const links = loadCatalogLinks(join(dir, 'docs', 'diagnostics.md'), (message) => warnings.push(message));
      const diagnostics = links.addTo([diagnostic('value-case')]);
      assert.equal(diagnostics[0].codeDescription, undefined);
      assert.deepEqual(warnings, [
        'The diagnostics catalog was not found beside the server (ENOENT): diagnostics carry no links.',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('encodes a path with spaces and non-ASCII letters as a file URI', () => {
    const links = catalogLinksIn('## weak-pin\n', pathToFileURL('/opt/my tools/Zoë/docs/diagnostics.md').href);
    assert.equal(links.hrefOf('weak-pin'), 'file:///opt/my%20tools/Zo%C3%AB/docs/diagnostics.md#L1');
  });
});
