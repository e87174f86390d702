/**
 * Whether a file may be uploaded, and what the confirmation says. Pure: the command gathers the diagnostics and the
 * server's row counts, this module decides, the command shows the result.
 */
import type { ValidateNowResult } from '../../../common/protocol';
import { listInWords, plural } from './text';

export type CheckedSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A diagnostic of the file as the decision needs it: editor-agnostic, zero-based line. */
export interface CheckedDiagnostic {
  severity: CheckedSeverity;
  line: number;
  message: string;
}

export interface ImportCheck {
  fileName: string;
  /** The endpoint's host, named in the confirmation so the user sees where the file goes. */
  host: string;
  /** True when the editor holds changes not yet saved: the editor's text is what is uploaded. */
  hasUnsavedChanges: boolean;
  /** The diagnostics the language server published for the version checked (at most 1,000). */
  diagnostics: readonly CheckedDiagnostic[];
  /** The server's verdict on the same version: whether it is a subscriber file, its counts and rows by Type. */
  verdict: ValidateNowResult;
}

export type RefusalReason = 'notSubscriberFile' | 'hasErrors' | 'noRows';

export type ImportDecision =
  | { kind: 'refuse'; reason: RefusalReason; errors: number; message: string }
  | { kind: 'confirm'; warnings: number; message: string; detail: string };

/** Warnings listed by name in the confirmation; the rest are counted. */
export const MAX_LISTED_WARNINGS = 8;

export function decideImport(check: ImportCheck): ImportDecision {
  const { verdict, fileName } = check;
  // The list holds at most the 1,000 diagnostics published; the verdict counts every one: the larger count wins, so
  // a file is never uploaded on the strength of a list that was cut short.
  const errors = Math.max(verdict.errors, countOf(check.diagnostics, 'error'));
  if (!verdict.isSubscriberFile) {
    return {
      kind: 'refuse',
      reason: 'notSubscriberFile',
      errors,
      message: `${fileName} is not a subscriber file: its header names no import column. Run "Treat as Subscriber CSV" if it is one.`,
    };
  }
  if (errors > 0) {
    return {
      kind: 'refuse',
      reason: 'hasErrors',
      errors,
      message: `${fileName} has ${plural(errors, 'error')}. Fix ${errors === 1 ? 'it' : 'them'} before importing.`,
    };
  }
  const toImport = rowsInWords(verdict);
  if (toImport === undefined) {
    return { kind: 'refuse', reason: 'noRows', errors, message: `${fileName} has no users or locations to import.` };
  }
  const warnings = check.diagnostics
    .filter((diagnostic) => diagnostic.severity === 'warning')
    .sort((a, b) => a.line - b.line);
  const warningCount = Math.max(verdict.warnings, warnings.length);
  return {
    kind: 'confirm',
    warnings: warningCount,
    message: `Import ${toImport} to ${check.host}?`,
    detail: [
      check.hasUnsavedChanges
        ? `From ${fileName}: the text in the editor is imported, including changes not yet saved.`
        : `From ${fileName}.`,
      ...warningLines(warnings, warningCount),
    ].join('\n'),
  };
}

function countOf(diagnostics: readonly CheckedDiagnostic[], severity: CheckedSeverity): number {
  return diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
}

function rowsInWords(verdict: ValidateNowResult): string | undefined {
  const parts: string[] = [];
  if (verdict.users > 0) parts.push(plural(verdict.users, 'user'));
  if (verdict.locations > 0) parts.push(plural(verdict.locations, 'location'));
  return parts.length > 0 ? listInWords(parts) : undefined;
}

function warningLines(warnings: readonly CheckedDiagnostic[], count: number): string[] {
  if (count === 0) return [];
  const listed = warnings
    .slice(0, MAX_LISTED_WARNINGS)
    .map((warning) => `Line ${warning.line + 1}: ${warning.message}`);
  const unlisted = count - listed.length;
  return [
    '',
    `${plural(count, 'warning')}:`,
    ...listed,
    ...(unlisted > 0 ? [`…and ${unlisted} more (see the Problems view).`] : []),
  ];
}
