/**
 * Which codes have a fix, and whether "Fix All" applies it (`auto`) or only a click on that one diagnostic does
 * (`quickFix`). A fix is automatic when it changes how a value is written, never what it says, and needs no choice:
 * the same letters in the case the import takes, the digits of a phone number without their punctuation, a value
 * without stray spaces, a file with commas instead of semicolons, an empty row, cell or column gone, a short row
 * padded with empty cells, a repeated column that holds the same values as the first, quotes around a whole header. A fix that guesses
 * (the nearest column name or choice), adds what only the user can fill in (a missing column), drops a column the
 * import would ignore (which may hold what the user wants to keep) or drops characters of a value (a leading `=`)
 * waits for a person. The quick fixes themselves are in `features/codeActions.ts`.
 */
import type { DiagnosticCode } from './diagnosticCodes';

export type FixKind = 'auto' | 'quickFix';

export const FIX_KINDS = {
  'value-case': 'auto',
  'not-yes-no': 'auto',
  'phone-punctuation': 'auto',
  'extra-spaces': 'auto',
  'blank-row': 'auto',
  'extra-empty-cells': 'auto',
  'too-few-fields': 'auto',
  'wrong-delimiter': 'auto',
  'blank-column-name': 'auto',
  // Lossless: offered only when every row holds the same value in both columns.
  'duplicate-column': 'auto',
  // Removes the quotes around a header written as one quoted cell (and rows quoted the same way).
  'missing-header': 'auto',
  'invalid-choice': 'quickFix',
  'misspelt-column': 'quickFix',
  'unknown-column': 'quickFix',
  'missing-column': 'quickFix',
  'missing-email-column': 'quickFix',
  'formula-injection': 'quickFix',
} as const satisfies Partial<Record<DiagnosticCode, FixKind>>;

export type FixableCode = keyof typeof FIX_KINDS;

/** The kind of fix a code has, or undefined when it has none. */
export function fixKindOf(code: DiagnosticCode): FixKind | undefined {
  return Object.hasOwn(FIX_KINDS, code) ? FIX_KINDS[code as FixableCode] : undefined;
}
