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
  'and links to its section below. The rules follow the vendor\'s "Import Users" page for OfficeSuite UC; where',
  'that page is silent or loose, "Our choice" says what we chose and why.',
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

export function renderDiagnosticsDoc(): string {
  const lines = [...INTRO];
  const codes = Object.keys(CATALOG) as DiagnosticCode[];
  lines.push('| Code | Severity | About | Import | Fix | Title |', '| --- | --- | --- | --- | --- | --- |');
  for (const name of codes) {
    const entry = CATALOG[name];
    const title = entry.title.replace(/\|/g, '\\|');
    const facts =
      `${SEVERITY_NAMES[entry.severity]} | ${SCOPE_NAMES[entry.scope]} | ${EFFECT_NAMES[entry.effect]} | ` +
      FIX_NAMES[fixKindOf(name) ?? 'none'];
    lines.push(`| [${name}](#${name}) | ${facts} | ${title} |`);
  }
  lines.push('');
  for (const name of codes) {
    const entry = CATALOG[name];
    const facts =
      `**Severity:** ${SEVERITY_NAMES[entry.severity]} · **About:** ${SCOPE_NAMES[entry.scope]} · ` +
      `**Import:** ${EFFECT_NAMES[entry.effect]} · **Fix:** ${FIX_NAMES[fixKindOf(name) ?? 'none']}`;
    lines.push(`## ${name}`, '', facts, '', entry.title, '');
    lines.push(`**Example:** ${code(entry.example)}`, '');
    if (entry.choice) lines.push(`**Our choice:** ${entry.choice}`, '');
  }
  return lines.join('\n');
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(DIAGNOSTICS_DOC_PATH), { recursive: true });
  fs.writeFileSync(DIAGNOSTICS_DOC_PATH, renderDiagnosticsDoc());
  console.log(`Wrote ${path.relative(process.cwd(), DIAGNOSTICS_DOC_PATH)}`);
}
