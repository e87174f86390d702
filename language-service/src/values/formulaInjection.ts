/**
 * Spreadsheet formula injection. These files are opened in Excel, and a cell that starts with `=`, `+`, `-` or
 * `@` is read there as a formula: `=HYPERLINK(...)` or `=cmd|...` in a name runs when someone opens the file.
 * Only free-text columns are checked; digits and ID columns (an OutgoingCLID of -1) hold numbers, not formulas.
 */
import type { ColumnSpec } from '../columns';

/** The characters that make a spreadsheet read a cell as a formula when it starts with one. */
const FORMULA_START = /^[=+\-@]/;
/** The trigger characters and spaces at the start of a value: what the fix removes. */
const LEADING_TRIGGERS = /^[=+\-@\s]+/;
/** A run of dashes alone is a placeholder for "none", which spreadsheets show as text. */
const DASHES_ONLY = /^-+$/;

/** True for the columns whose values are free text: names and email addresses. */
export function isTextColumn(column: ColumnSpec): boolean {
  return column.kind === 'text' || column.kind === 'email';
}

const EQUALS = 61;
const PLUS = 43;
const MINUS = 45;
const AT = 64;

/**
 * A quick look at the first character: false means `startsLikeFormula` is false for the trimmed value. Only a
 * trigger or a character that `trim` might remove (a space, a control character, a Unicode space) needs more.
 */
export function mayStartLikeFormula(value: string): boolean {
  return mayBeginFormula(value.charCodeAt(0));
}

/** `mayStartLikeFormula` for a value whose first character code is `first` (NaN for an empty value). */
export function mayBeginFormula(first: number): boolean {
  return first === EQUALS || first === PLUS || first === MINUS || first === AT || first <= 32 || first >= 0xa0;
}

/** True when a (trimmed) value would be read as a formula by a spreadsheet. */
export function startsLikeFormula(value: string): boolean {
  return FORMULA_START.test(value) && !DASHES_ONLY.test(value);
}

/** The value without its leading formula characters (and the spaces between them). */
export function withoutFormulaStart(value: string): string {
  return value.replace(LEADING_TRIGGERS, '');
}
