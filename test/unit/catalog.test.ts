/**
 * The diagnostic catalog: every code is complete, has a test, and has an up-to-date entry in docs/diagnostics.md.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CATALOG, isKnownCode, type DiagnosticCode } from '@subscriber-csv/language-service';
import { DIAGNOSTICS_DOC_PATH, renderDiagnosticsDoc, SEVERITY_NAMES } from '../../scripts/generate-diagnostics-doc';

const codes = Object.keys(CATALOG) as DiagnosticCode[];

describe('diagnostic catalog', () => {
  it('gives every code a severity, a title and an example', () => {
    const severities: number[] = Object.values(DiagnosticSeverity).filter((value) => typeof value === 'number');
    for (const code of codes) {
      const entry: { severity: number; title: string; example: string; choice?: string } = CATALOG[code];
      assert.match(code, /^[a-z]+(-[a-z]+)*$/, `${code} is not kebab-case`);
      assert.ok(severities.includes(entry.severity), `${code} has no valid severity`);
      assert.ok(entry.title.trim().length > 0, `${code} has no title`);
      assert.ok(entry.example.trim().length > 0, `${code} has no example`);
      if (entry.choice !== undefined) assert.ok(entry.choice.trim().length > 0, `${code} has an empty choice`);
    }
  });

  it('gives each code a heading of its own in docs/diagnostics.md, which the language server links to', () => {
    const headings = renderDiagnosticsDoc()
      .split('\n')
      .filter((line) => line.startsWith('## '));
    // The policy and the table come first; then one heading a code, in catalog order, each once.
    assert.deepEqual(headings.slice(0, 2), ['## Severity policy', '## All codes']);
    assert.deepEqual(
      headings.slice(2),
      codes.map((code) => `## ${code}`),
    );
  });

  it('says what each code is about and what it does to an import: errors refuse the file or fail the row', () => {
    for (const code of codes) {
      const { severity, scope, effect } = CATALOG[code];
      assert.ok(['file', 'header', 'row', 'cell'].includes(scope), `${code} has no scope`);
      if (severity === DiagnosticSeverity.Error) assert.notEqual(effect, 'none', `${code} is an error with no effect`);
      else assert.equal(effect, 'none', `${code} is not an error but has an effect`);
    }
    assert.equal(isKnownCode('value-case'), true);
    assert.equal(isKnownCode('import-failed'), false);
    assert.equal(isKnownCode('toString'), false);
  });

  it('has a test naming every code', () => {
    const testDir = __dirname;
    const sources = fs
      .readdirSync(testDir)
      .filter((name) => name.endsWith('.test.ts') && name !== path.basename(__filename))
      .map((name) => fs.readFileSync(path.join(testDir, name), 'utf8'))
      .join('\n');
    const untested = codes.filter((code) => !sources.includes(`'${code}'`));
    assert.deepEqual(untested, [], `codes no test names: ${untested.join(', ')}`);
  });
});

describe('docs/diagnostics.md', () => {
  it('is up to date with the catalog (run `npm run docs:diagnostics`)', () => {
    const onDisk = fs.existsSync(DIAGNOSTICS_DOC_PATH) ? fs.readFileSync(DIAGNOSTICS_DOC_PATH, 'utf8') : '';
    assert.ok(
      onDisk === renderDiagnosticsDoc(),
      'docs/diagnostics.md is out of date: run `npm run docs:diagnostics` and commit the result',
    );
  });

  it('has an anchored section per code with its severity, title and example', () => {
    const doc = renderDiagnosticsDoc();
    for (const code of codes) {
      const start = doc.indexOf(`\n## ${code}\n`);
      assert.ok(start >= 0, `no section for ${code}`);
      const next = doc.indexOf('\n## ', start + 1);
      const section = doc.slice(start, next < 0 ? undefined : next);
      const entry: { severity: DiagnosticSeverity; title: string; example: string; choice?: string } = CATALOG[code];
      assert.ok(section.includes(`**Severity:** ${SEVERITY_NAMES[entry.severity]}`), `severity of ${code}`);
      assert.ok(section.includes(entry.title), `title of ${code}`);
      assert.ok(section.includes(entry.example.replace(/\n/g, '\\n')), `example of ${code}`);
      if (entry.choice) assert.ok(section.includes(entry.choice), `choice of ${code}`);
    }
  });
});
