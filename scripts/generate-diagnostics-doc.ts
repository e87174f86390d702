/**
 * Writes docs/diagnostics.md from the diagnostic catalog: one anchored section per code, so that each
 * diagnostic's `codeDescription` link lands on its entry. Run with `npm run docs:diagnostics`; a unit test
 * fails when the committed file differs from what this renders.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import {
  CATALOG,
  DIAGNOSTIC_SOURCE,
  fixKindOf,
  type FixKind,
  type DiagnosticCode,
  type DiagnosticScope,
  type ImportEffect,
  type SeverityBasis,
} from '@subscriber-csv/language-service';

export const DIAGNOSTICS_DOC_PATH = path.join(__dirname, '..', 'docs', 'diagnostics.md');

export const SEVERITY_NAMES: Readonly<Record<DiagnosticSeverity, string>> = {
  [DiagnosticSeverity.Error]: 'Error',
  [DiagnosticSeverity.Warning]: 'Warning',
  [DiagnosticSeverity.Information]: 'Information',
  [DiagnosticSeverity.Hint]: 'Hint',
};

const SCOPE_NAMES: Readonly<Record<DiagnosticScope, string>> = {
  file: 'the file',
  header: 'the header',
  row: 'a row',
  cell: 'a cell',
};

const EFFECT_NAMES: Readonly<Record<ImportEffect, string>> = {
  refusesFile: 'refuses the file',
  failsRow: 'fails the row',
  none: 'none',
};

const BASIS_NAMES: Readonly<Record<SeverityBasis, string>> = {
  page: 'the page',
  'cannot-import': 'cannot import',
  'our-reading': 'our reading',
};

const FIX_NAMES: Readonly<Record<FixKind | 'none', string>> = {
  auto: 'automatic',
  quickFix: 'quick fix',
  none: 'none',
};

const INTRO = [
  '# Diagnostics',
  '',
  '<!-- Generated from language-service/src/catalog/ by `npm run docs:diagnostics`. Do not edit by hand. -->',
  '',
  `Every problem the subscriber CSV checker reports has a stable code (shown with the source \`${DIAGNOSTIC_SOURCE}\`)`,
  'and links to its section below. The rules follow the vendor\'s "Import Users" page for OfficeSuite UC.',
  '',
  '## Severity policy',
  '',
  "An error blocks the import: the editor's **Import to Tenant** and `subscriber-csv import` refuse a file with one,",
  'and the sandbox endpoint fails its row or refuses the file. So a code is an error only on one of two grounds, and',
  'every code says which ground its severity stands on ("Basis"), with one sentence of why:',
  '',
  "- **the page**: the vendor's page states the rule. An error on this basis is one the page requires (a mandatory",
  "  column, a value from the page's list); a warning or note on it passes on what the page says the import does.",
  '- **cannot import**: the page is silent, but the import certainly cannot take the value as written: it would fail,',
  '  or silently change what the file means (a misspelt column whose values would be dropped, two values for one',
  '  column, text damaged by the wrong encoding).',
  '- **our reading**: the page is silent and the file may well import. Never an error: a warning where it is',
  '  probably a mistake (with a quick fix wherever a fix is safe), information or a hint where it is harmless.',
  '',
  'Where the answer depends on the row (User or Location) or on the tenant (its PIN notification setting, its lists',
  "of IDs, the importer's role), the message says so. Values of the columns only a telco admin can set are not",
  'checked when a tenant admin imports: the import ignores them then, so they never block that import.',
  '',
  '- **Error**: the import refuses the row or file, or would silently lose or misread data.',
  '- **Warning**: probably a mistake, but the import may accept it.',
  '- **Information** and **Hint**: how the import will treat the row; nothing to fix.',
  '',
  '"About" says what a problem concerns (a diagnostic about a cell names its column); "Import" says what it does to',
  'an import, as we read the page: it refuses the whole file, fails only its row, or nothing. The command line, the',
  'sandbox endpoint and the editor all take these from the catalog.',
  '',
  '"Fix" says how a problem is fixed. An **automatic** fix changes how a value is written, never what it says, and',
  'needs no choice: Fix All in the editor (**Subscriber CSV: Fix All Auto-fixable Problems**, or `source.fixAll` on',
  'save), `subscriber-csv check --fix` and `subscriber-csv fix` apply every one at once. A **quick fix** guesses, adds',
  'what only you can fill in or drops characters of a value, so it is applied only when you pick it (Ctrl+.).',
  '',
];

/** A table cell or inline text: line breaks shown as `\n`, so an example stays on one line. */
function inline(text: string): string {
  return text.replace(/\r?\n/g, '\\n');
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${inline(text)}${fence}`;
}

/** "[a](#a), [b](#b)": the codes of one severity on one basis, linked. */
function codesWhere(codes: readonly DiagnosticCode[], test: (code: DiagnosticCode) => boolean): string {
  const matching = codes.filter(test).map((name) => `[${name}](#${name})`);
  return matching.length > 0 ? matching.join(', ') : 'none';
}

export function renderDiagnosticsDoc(): string {
  const lines = [...INTRO];
  const codes = Object.keys(CATALOG) as DiagnosticCode[];
  const isError = (name: DiagnosticCode) => CATALOG[name].severity === DiagnosticSeverity.Error;
  lines.push(
    `Errors the page requires: ${codesWhere(codes, (name) => isError(name) && CATALOG[name].basis === 'page')}.`,
    '',
    `Errors because the import cannot take the value: ${codesWhere(
      codes,
      (name) => isError(name) && CATALOG[name].basis === 'cannot-import',
    )}.`,
    '',
    '## All codes',
    '',
  );
  lines.push(
    '| Code | Severity | Basis | About | Import | Fix | Title |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const name of codes) {
    const entry = CATALOG[name];
    const title = entry.title.replace(/\|/g, '\\|');
    const facts =
      `${SEVERITY_NAMES[entry.severity]} | ${BASIS_NAMES[entry.basis]} | ${SCOPE_NAMES[entry.scope]} | ` +
      `${EFFECT_NAMES[entry.effect]} | ${FIX_NAMES[fixKindOf(name) ?? 'none']}`;
    lines.push(`| [${name}](#${name}) | ${facts} | ${title} |`);
  }
  lines.push('');
  for (const name of codes) {
    const entry = CATALOG[name];
    const facts =
      `**Severity:** ${SEVERITY_NAMES[entry.severity]} · **Basis:** ${BASIS_NAMES[entry.basis]} · ` +
      `**About:** ${SCOPE_NAMES[entry.scope]} · **Import:** ${EFFECT_NAMES[entry.effect]} · ` +
      `**Fix:** ${FIX_NAMES[fixKindOf(name) ?? 'none']}`;
    lines.push(`## ${name}`, '', facts, '', entry.title, '');
    lines.push(`**Why:** ${entry.why}`, '');
    lines.push(`**Example:** ${code(entry.example)}`, '');
    if (entry.choice) lines.push(`**Details:** ${entry.choice}`, '');
  }
  return lines.join('\n');
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(DIAGNOSTICS_DOC_PATH), { recursive: true });
  fs.writeFileSync(DIAGNOSTICS_DOC_PATH, renderDiagnosticsDoc());
  console.log(`Wrote ${path.relative(process.cwd(), DIAGNOSTICS_DOC_PATH)}`);
}
