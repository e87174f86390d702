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

export interface DiagnosticFacts {
  readonly severity: Severity;
  readonly scope: DiagnosticScope;
  readonly effect: ImportEffect;
}

/** The `source` of every diagnostic the rules report. */
export const DIAGNOSTIC_SOURCE = 'subscriber-csv';

/** Where each code is explained: `docs/diagnostics.md`, one heading per code. */
export const CATALOG_URL = 'https://github.com/officesuite-tools/subscriber-csv/blob/main/docs/diagnostics.md';

export const DIAGNOSTIC_CODES = {
  // --- The file and its header -------------------------------------------------------------------------
  'empty-file': { severity: Severity.Error, scope: 'file', effect: 'refusesFile' },
  'structure-only': { severity: Severity.Information, scope: 'file', effect: 'none' },
  'missing-header': { severity: Severity.Error, scope: 'header', effect: 'refusesFile' },
  'unterminated-quote': { severity: Severity.Error, scope: 'file', effect: 'refusesFile' },
  'blank-column-name': { severity: Severity.Error, scope: 'header', effect: 'refusesFile' },
  'duplicate-column': { severity: Severity.Error, scope: 'header', effect: 'refusesFile' },
  'unknown-column': { severity: Severity.Error, scope: 'header', effect: 'refusesFile' },
  'missing-column': { severity: Severity.Error, scope: 'header', effect: 'refusesFile' },
  'missing-email-column': { severity: Severity.Error, scope: 'header', effect: 'refusesFile' },
  'too-many-columns': { severity: Severity.Error, scope: 'header', effect: 'refusesFile' },
  // --- The shape of a row ---------------------------------------------------------------------------------
  'too-many-fields': { severity: Severity.Error, scope: 'row', effect: 'failsRow' },
  'too-few-fields': { severity: Severity.Warning, scope: 'row', effect: 'none' },
  'blank-row': { severity: Severity.Warning, scope: 'row', effect: 'none' },
  // --- One cell -----------------------------------------------------------------------------------------
  'required-value': { severity: Severity.Error, scope: 'cell', effect: 'failsRow' },
  'invalid-choice': { severity: Severity.Error, scope: 'cell', effect: 'failsRow' },
  'unlisted-choice': { severity: Severity.Warning, scope: 'cell', effect: 'none' },
  'value-case': { severity: Severity.Error, scope: 'cell', effect: 'failsRow' },
  'extra-spaces': { severity: Severity.Warning, scope: 'cell', effect: 'none' },
  'not-yes-no': { severity: Severity.Error, scope: 'cell', effect: 'failsRow' },
  'not-digits': { severity: Severity.Error, scope: 'cell', effect: 'failsRow' },
  'phone-punctuation': { severity: Severity.Error, scope: 'cell', effect: 'failsRow' },
  'implausible-phone': { severity: Severity.Warning, scope: 'cell', effect: 'none' },
  'invalid-email': { severity: Severity.Error, scope: 'cell', effect: 'failsRow' },
  'invalid-id': { severity: Severity.Error, scope: 'cell', effect: 'failsRow' },
  'unknown-id': { severity: Severity.Error, scope: 'cell', effect: 'failsRow' },
  'above-maximum': { severity: Severity.Warning, scope: 'cell', effect: 'none' },
  // --- Several cells of one row ---------------------------------------------------------------------------
  'email-required': { severity: Severity.Error, scope: 'cell', effect: 'failsRow' },
  'syspin-needs-email': { severity: Severity.Error, scope: 'cell', effect: 'failsRow' },
  'pin-overrides-syspin': { severity: Severity.Information, scope: 'cell', effect: 'none' },
  'pin-email-sent': { severity: Severity.Hint, scope: 'cell', effect: 'none' },
  'telco-only-ignored': { severity: Severity.Warning, scope: 'cell', effect: 'none' },
  // --- Across rows --------------------------------------------------------------------------------------
  'duplicate-extension': { severity: Severity.Error, scope: 'cell', effect: 'refusesFile' },
  'duplicate-email': { severity: Severity.Warning, scope: 'cell', effect: 'none' },
  'extension-in-use': { severity: Severity.Error, scope: 'cell', effect: 'refusesFile' },
  // --- Publishing ----------------------------------------------------------------------------------------
  'too-many-problems': { severity: Severity.Information, scope: 'file', effect: 'none' },
  // --- Hostile files: wrong encoding, wrong delimiter, content that is dangerous elsewhere ------------------
  'file-encoding': { severity: Severity.Warning, scope: 'file', effect: 'none' },
  'wrong-encoding': { severity: Severity.Error, scope: 'file', effect: 'refusesFile' },
  'nul-character': { severity: Severity.Error, scope: 'row', effect: 'failsRow' },
  'replacement-character': { severity: Severity.Error, scope: 'row', effect: 'failsRow' },
  'wrong-delimiter': { severity: Severity.Error, scope: 'file', effect: 'refusesFile' },
  'value-too-long': { severity: Severity.Warning, scope: 'cell', effect: 'none' },
  'formula-injection': { severity: Severity.Warning, scope: 'cell', effect: 'none' },
  'weak-pin': { severity: Severity.Warning, scope: 'cell', effect: 'none' },
} as const satisfies Record<string, DiagnosticFacts>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** True for a code the rules report; false for anything else (a code an endpoint made up, say). */
export function isKnownCode(code: unknown): code is DiagnosticCode {
  return typeof code === 'string' && Object.hasOwn(DIAGNOSTIC_CODES, code);
}

/** The link to a code's entry in the catalog. */
export function catalogLink(code: DiagnosticCode): string {
  return `${CATALOG_URL}#${code}`;
}
