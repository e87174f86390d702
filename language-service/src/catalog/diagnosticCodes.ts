/**
 * Every diagnostic code the rules can report, with the facts adapters act on: its severity, what it is about
 * (`scope`) and what it does to an import (`effect`). The CLI, the sandbox and the client derive their lists from
 * these facts rather than keeping lists of codes. What each code means, for people, is in `diagnosticCatalog.ts`.
 * Kept apart from those texts so that a caller that only asks "is this one of ours?" (the extension client) does
 * not carry them.
 */
import { DiagnosticSeverity as Severity } from 'vscode-languageserver-types';

/** What a diagnostic is about: the whole file, its header, one row, or one cell (then `data.column` names it). */
export type DiagnosticScope = 'file' | 'header' | 'row' | 'cell';

/**
 * What the problem does to an import, as we read the vendor's page: the file is refused as a whole (nothing is
 * imported), the row fails on its own (the other rows are imported), or nothing (a warning or a note).
 */
export type ImportEffect = 'refusesFile' | 'failsRow' | 'none';

/**
 * Why a code has its severity: the severity policy, applied to every code (`docs/diagnostics.md` states it).
 * - `page`: the vendor's "Import Users" page states the rule. An error of this basis is one the page requires; a
 *   warning or note of this basis passes on what the page says the import does.
 * - `cannot-import`: the page is silent, but the import certainly cannot take the value as written: it would fail,
 *   or silently change what the file means (a value lost, a misspelt column dropped). Such codes may be errors.
 * - `our-reading`: the page is silent and the value may well import; our advice, so never an error: a warning (with
 *   a fix where a fix is safe) or a note.
 */
export type SeverityBasis = 'page' | 'cannot-import' | 'our-reading';

export interface DiagnosticFacts {
  readonly severity: Severity;
  readonly scope: DiagnosticScope;
  readonly effect: ImportEffect;
  readonly basis: SeverityBasis;
}

/** The `source` of every diagnostic the rules report. */
export const DIAGNOSTIC_SOURCE = 'subscriber-csv';

/**
 * Each code is explained in `docs/diagnostics.md`, one heading per code, generated from this table and the texts.
 * The library gives no link to it: where that file is depends on who ships it (the language server links the copy
 * beside it). The project has no public home to link to.
 */

export const DIAGNOSTIC_CODES = {
  // --- The file and its header -----------------------------------------------------------------------------
  'empty-file': { severity: Severity.Error, scope: 'file', effect: 'refusesFile', basis: 'page' },
  'structure-only': { severity: Severity.Information, scope: 'file', effect: 'none', basis: 'our-reading' },
  'missing-header': { severity: Severity.Error, scope: 'header', effect: 'refusesFile', basis: 'page' },
  'unterminated-quote': { severity: Severity.Error, scope: 'file', effect: 'refusesFile', basis: 'cannot-import' },
  'blank-column-name': { severity: Severity.Information, scope: 'header', effect: 'none', basis: 'our-reading' },
  'duplicate-column': { severity: Severity.Warning, scope: 'header', effect: 'none', basis: 'our-reading' },
  'misspelt-column': { severity: Severity.Error, scope: 'header', effect: 'refusesFile', basis: 'cannot-import' },
  'unknown-column': { severity: Severity.Warning, scope: 'header', effect: 'none', basis: 'our-reading' },
  'missing-column': { severity: Severity.Error, scope: 'header', effect: 'refusesFile', basis: 'page' },
  'missing-email-column': { severity: Severity.Error, scope: 'header', effect: 'refusesFile', basis: 'page' },
  'too-many-columns': { severity: Severity.Warning, scope: 'header', effect: 'none', basis: 'our-reading' },
  // --- The shape of a row ----------------------------------------------------------------------------------
  'too-many-fields': { severity: Severity.Error, scope: 'row', effect: 'failsRow', basis: 'cannot-import' },
  'extra-empty-cells': { severity: Severity.Information, scope: 'row', effect: 'none', basis: 'our-reading' },
  'too-few-fields': { severity: Severity.Warning, scope: 'row', effect: 'none', basis: 'our-reading' },
  'blank-row': { severity: Severity.Warning, scope: 'row', effect: 'none', basis: 'our-reading' },
  'unnamed-column-value': { severity: Severity.Warning, scope: 'row', effect: 'none', basis: 'our-reading' },
  // --- One cell --------------------------------------------------------------------------------------------
  'required-value': { severity: Severity.Error, scope: 'cell', effect: 'failsRow', basis: 'page' },
  'invalid-choice': { severity: Severity.Error, scope: 'cell', effect: 'failsRow', basis: 'page' },
  'unlisted-choice': { severity: Severity.Warning, scope: 'cell', effect: 'none', basis: 'our-reading' },
  'value-case': { severity: Severity.Warning, scope: 'cell', effect: 'none', basis: 'our-reading' },
  'extra-spaces': { severity: Severity.Warning, scope: 'cell', effect: 'none', basis: 'our-reading' },
  'not-yes-no': { severity: Severity.Error, scope: 'cell', effect: 'failsRow', basis: 'page' },
  'not-digits': { severity: Severity.Error, scope: 'cell', effect: 'failsRow', basis: 'page' },
  'not-a-number': { severity: Severity.Warning, scope: 'cell', effect: 'none', basis: 'our-reading' },
  'phone-punctuation': { severity: Severity.Error, scope: 'cell', effect: 'failsRow', basis: 'page' },
  'implausible-phone': { severity: Severity.Information, scope: 'cell', effect: 'none', basis: 'our-reading' },
  'invalid-email': { severity: Severity.Error, scope: 'cell', effect: 'failsRow', basis: 'page' },
  'invalid-id': { severity: Severity.Error, scope: 'cell', effect: 'failsRow', basis: 'page' },
  'unknown-id': { severity: Severity.Error, scope: 'cell', effect: 'failsRow', basis: 'cannot-import' },
  'above-maximum': { severity: Severity.Warning, scope: 'cell', effect: 'none', basis: 'our-reading' },
  // --- Several cells of one row ----------------------------------------------------------------------------
  'duplicate-column-conflict': { severity: Severity.Error, scope: 'cell', effect: 'failsRow', basis: 'cannot-import' },
  'email-required': { severity: Severity.Warning, scope: 'cell', effect: 'none', basis: 'our-reading' },
  'syspin-needs-email': { severity: Severity.Error, scope: 'cell', effect: 'failsRow', basis: 'page' },
  'pin-overrides-syspin': { severity: Severity.Information, scope: 'cell', effect: 'none', basis: 'page' },
  'pin-email-sent': { severity: Severity.Hint, scope: 'cell', effect: 'none', basis: 'page' },
  'telco-only-ignored': { severity: Severity.Warning, scope: 'cell', effect: 'none', basis: 'page' },
  // --- Across rows -----------------------------------------------------------------------------------------
  'duplicate-extension': { severity: Severity.Error, scope: 'cell', effect: 'refusesFile', basis: 'cannot-import' },
  'duplicate-email': { severity: Severity.Warning, scope: 'cell', effect: 'none', basis: 'our-reading' },
  'extension-in-use': { severity: Severity.Error, scope: 'cell', effect: 'refusesFile', basis: 'cannot-import' },
  // --- Publishing ------------------------------------------------------------------------------------------
  'too-many-problems': { severity: Severity.Information, scope: 'file', effect: 'none', basis: 'our-reading' },
  // --- Hostile files: wrong encoding, wrong delimiter, content that is dangerous elsewhere -----------------
  'file-encoding': { severity: Severity.Warning, scope: 'file', effect: 'none', basis: 'our-reading' },
  'wrong-encoding': { severity: Severity.Error, scope: 'file', effect: 'refusesFile', basis: 'cannot-import' },
  'nul-character': { severity: Severity.Error, scope: 'row', effect: 'failsRow', basis: 'cannot-import' },
  'replacement-character': { severity: Severity.Error, scope: 'row', effect: 'failsRow', basis: 'cannot-import' },
  'wrong-delimiter': { severity: Severity.Error, scope: 'file', effect: 'refusesFile', basis: 'cannot-import' },
  'value-too-long': { severity: Severity.Warning, scope: 'cell', effect: 'none', basis: 'our-reading' },
  'formula-injection': { severity: Severity.Warning, scope: 'cell', effect: 'none', basis: 'our-reading' },
  'weak-pin': { severity: Severity.Warning, scope: 'cell', effect: 'none', basis: 'our-reading' },
} as const satisfies Record<string, DiagnosticFacts>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** True for a code the rules report; false for anything else (a code an endpoint made up, say). */
export function isKnownCode(code: unknown): code is DiagnosticCode {
  return typeof code === 'string' && Object.hasOwn(DIAGNOSTIC_CODES, code);
}
