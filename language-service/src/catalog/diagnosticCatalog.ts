/**
 * What each diagnostic code means, for people: what it checks, a small input that triggers it, and where the
 * vendor's page is silent, what we chose and why (`choice`). `docs/diagnostics.md` is generated from this table
 * and `diagnosticCodes.ts` (`npm run docs:diagnostics`), and a test keeps them equal.
 */
import { catalogLink, DIAGNOSTIC_CODES, type DiagnosticCode, type DiagnosticFacts } from './diagnosticCodes';

export interface CatalogText {
  /** What the rule checks, one line. */
  readonly title: string;
  /** A small input that triggers it. */
  readonly example: string;
  /** Why we picked this severity or reading where the import page does not say. */
  readonly choice?: string;
}

/** A code's facts and its explanation together: what the catalog says about one code. */
export interface DiagnosticInfo extends DiagnosticFacts, CatalogText {
  readonly code: DiagnosticCode;
  /** The code's entry in the published catalog (`docs/diagnostics.md`). */
  readonly link: string;
}

const TEXTS: Readonly<Record<DiagnosticCode, CatalogText>> = {
  // --- The file and its header -------------------------------------------------------------------------
  'empty-file': {
    title: 'The file is empty; the import needs at least the header row.',
    example: '(an empty file)',
  },
  'structure-only': {
    title: 'The file is above the size set for full checks: only its structure is checked while editing.',
    example: 'a 40 MB file with subscriberCsv.fullCheckLimitMB = 20',
    choice:
      'Our own limit, not the page’s: above it the header, quotes and row shapes are still checked; the CLI checks every rule.',
  },
  'missing-header': {
    title: 'The first row names no known column, so the header row is missing.',
    example: 'User,Ann,Lee,...',
  },
  'unterminated-quote': {
    title: 'A quoted cell is never closed, so the rest of the file reads as one cell.',
    example: 'User,"Lee',
  },
  'blank-column-name': {
    title: 'A header cell is empty.',
    example: 'Type,,LastName',
    choice: 'The page is silent. Values under a nameless column cannot be mapped to anything, so it is an error.',
  },
  'duplicate-column': {
    title: 'The same column appears twice in the header (names are compared ignoring case).',
    example: 'Type,LastName,lastname',
  },
  'unknown-column': {
    title: 'A header names no column of the import; the nearest known name is suggested.',
    example: 'Type,LastName,Extention',
    choice:
      'The page is silent on unknown columns. Their values would be lost without a word (often a misspelt column), so it is an error with a rename fix.',
  },
  'missing-column': {
    title: 'A mandatory column (Type, LastName) is missing from the header.',
    example: 'FirstName,LastName',
  },
  'missing-email-column': {
    title: 'The tenant sends PIN notices by email, so the Email column is mandatory.',
    example: 'Type,LastName (PIN notification = Email)',
  },
  'too-many-columns': {
    title: 'The header has more columns than are checked; the columns past the limit are not read one by one.',
    example: 'a header of 200,000 empty columns (a row of commas pasted onto it)',
    choice:
      'Our own limit, not the page’s: the import has 32 columns, and a header past 10,000 is not a subscriber header with a few extra columns but something pasted into it. The width is reported once rather than one diagnostic per column, which keeps any line checkable in bounded memory.',
  },
  // --- The shape of a row ---------------------------------------------------------------------------------
  'too-many-fields': {
    title: 'A row has more cells than the header has columns.',
    example: 'Type,LastName\nUser,Lee,extra',
  },
  'too-few-fields': {
    title: 'A row has fewer cells than the header; the missing cells are read as empty.',
    example: 'Type,LastName,Email\nUser,Lee',
    choice:
      'Spreadsheets often drop trailing empty cells. We read the missing cells as empty and still check the row (so a missing LastName is still an error), and warn so the gap is seen.',
  },
  'blank-row': {
    title: 'A row is empty (or only commas).',
    example: 'Type,LastName\n\nUser,Lee',
    choice:
      'The page is silent. An empty row could be read as a user with no Type and LastName, so we warn and offer to delete it.',
  },
  // --- One cell -----------------------------------------------------------------------------------------
  'required-value': {
    title: 'A mandatory value (Type, LastName) is empty.',
    example: 'Type,LastName\nUser,',
  },
  'invalid-choice': {
    title: 'The value is not one of the values the column allows.',
    example: 'DirAccess: all',
  },
  'unlisted-choice': {
    title: 'The value looks right but is not one the import page lists (Language other than en).',
    example: 'Language: fr',
    choice: 'The page documents only en. Other language codes may exist on a tenant, so they warn rather than fail.',
  },
  'value-case': {
    title: 'The value differs from an allowed value only in letter case.',
    example: 'Privacy: Y',
    choice:
      'The page lists values in one case and says only that column names ignore case. A "Y" the import reads as "not y" would silently switch a feature off, so it is an error, fixed in one click.',
  },
  'extra-spaces': {
    title: 'A value has spaces before or after it.',
    example: 'Type: " User"',
    choice:
      'The page is silent. The value is checked as if trimmed; the import may keep the spaces, so it warns with a fix.',
  },
  'not-yes-no': {
    title: 'A y/n column holds something other than y or n.',
    example: 'VM: Yes',
  },
  'not-digits': {
    title: 'A digits-only column holds other characters.',
    example: 'Extension: 12a4',
  },
  'phone-punctuation': {
    title: 'A phone number is written with spaces, dashes, dots or brackets; the import takes digits only.',
    example: 'MobilePhone: (617) 555-0100',
  },
  'implausible-phone': {
    title: 'A phone number has only digits but cannot be a real number (wrong length or prefix).',
    example: 'HomePhone: 61755501',
    choice:
      'The page asks only for digits. A number of the wrong length is probably a typo, but the import may accept it: warning.',
  },
  'invalid-email': {
    title: 'The Email cell is not a valid email address.',
    example: 'Email: ann.lee@example',
  },
  'invalid-id': {
    title: 'An ID column (Hold, DsiteZone, CallProfile, KeyProfile) holds something other than an ID.',
    example: 'KeyProfile: -2',
  },
  'unknown-id': {
    title: 'The ID is not one of the tenant’s known IDs for this column.',
    example: 'CallProfile: 99 (tenant has 1, 2, 3)',
    choice:
      'Checked only when the tenant’s list is known (settings or tenant endpoint). A missing profile fails the import, so it is an error.',
  },
  'above-maximum': {
    title: 'The number is larger than the page’s description allows (MaxDevices is "a digit").',
    example: 'MaxDevices: 12',
    choice: 'The page says "digit"; a tenant may allow more, so a larger number warns rather than fails.',
  },
  // --- Several cells of one row ---------------------------------------------------------------------------
  'email-required': {
    title: 'The tenant sends PIN notices by email and this row has no Email.',
    example: 'Email empty (PIN notification = Email)',
    choice:
      'The page makes the column mandatory; a row without an address could not receive its notice, so each empty cell is an error too.',
  },
  'syspin-needs-email': {
    title: 'SysPIN = y needs a valid Email on the same row.',
    example: 'SysPIN: y, Email empty',
  },
  'pin-overrides-syspin': {
    title: 'Both a PIN and SysPIN = y are given: the given PIN is used, no PIN is generated.',
    example: 'PIN: 4821, SysPIN: y',
  },
  'pin-email-sent': {
    title: 'SysPIN = y and the tenant notifies by email: the user will be emailed their PIN.',
    example: 'SysPIN: y (PIN notification = Email)',
  },
  'telco-only-ignored': {
    title: 'Only a telco admin importing for the tenant can set this column; a tenant admin’s value is ignored.',
    example: 'Dsite: y (role = tenant admin)',
  },
  // --- Across rows --------------------------------------------------------------------------------------
  'duplicate-extension': {
    title: 'Two rows use the same Extension.',
    example: 'Extension 101 on rows 2 and 5',
    choice: 'The page is silent, but an extension can ring only one user or location.',
  },
  'duplicate-email': {
    title: 'Two rows use the same Email.',
    example: 'ann@example.com on rows 2 and 5',
    choice: 'The page is silent. Shared mailboxes exist, so it warns; PIN notices would reach the same inbox.',
  },
  'extension-in-use': {
    title: 'The Extension is already used on the tenant.',
    example: 'Extension 100 (tenant already uses 100)',
    choice: 'Checked only when the tenant’s extensions are known (tenant endpoint or settings).',
  },
  // --- Publishing ----------------------------------------------------------------------------------------
  'too-many-problems': {
    title: 'The file has more problems than the editor lists; errors are listed first and this counts the rest.',
    example: '(a file with 1,200 problems: 1,000 are listed)',
    choice:
      'VS Code shows at most 1,000 diagnostics a file, so the editor lists errors first and says how many are left out. The CLI (`subscriber-csv check`) lists them all.',
  },
  // --- Hostile files: wrong encoding, wrong delimiter, content that is dangerous elsewhere ------------------
  'file-encoding': {
    title: 'The file is saved in an encoding other than UTF-8 (Windows-1252 or UTF-16).',
    example: 'a file saved by Excel as "CSV (Comma delimited)" on Windows',
    choice:
      "The page says nothing about encodings, so this is a warning, reported once. The CLI and the editor read UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark and Windows-1252, and check the content in full; the import is sent as UTF-8 whatever the file holds. No edit of the text changes a file's encoding, so Fix All leaves it; the editor's quick fix Save as UTF-8 rewrites the file, and `subscriber-csv check --fix`, `subscriber-csv fix` and Save Clean Copy write UTF-8, which every reader takes, the vendor's web page included.",
  },
  'wrong-encoding': {
    title: 'The text looks UTF-16 (a NUL after every letter); the import reads UTF-8.',
    example: 'T\\0y\\0p\\0e\\0 (a UTF-16 file opened as UTF-8)',
    choice:
      'The editor hands the server text, not bytes, so the encoding is recognised from the text: at least a quarter NUL characters on alternate positions, or a misread UTF-16 byte order mark. The editor offers to reopen the file as UTF-16; the CLI reads bytes, so it reads such a file as UTF-16 and reports `file-encoding` instead.',
  },
  'nul-character': {
    title: 'A row holds NUL characters: binary data, or part of a UTF-16 file.',
    example: 'User,Le\\0e',
    choice:
      'The page is silent. No name or number holds a NUL, and the import would store it or fail, so it is an error.',
  },
  'replacement-character': {
    title: 'A row holds U+FFFD, where bytes that are not UTF-8 (Windows-1252 "ü") could not be read.',
    example: 'User,M\ufffdller',
    choice:
      "The original letter is lost once the text is decoded, so no edit of the text can fix it: reopen the file with its real encoding (usually Windows-1252; the editor offers it in one click when the file's bytes say so) and save it as UTF-8. The CLI reads bytes: a file whose first megabyte is not UTF-8 is read as Windows-1252 (`file-encoding`); this is reported only for bytes that are not UTF-8 further on.",
  },
  'wrong-delimiter': {
    title: 'The header splits into import columns at semicolons or tabs, not at commas.',
    example: 'Type;FirstName;LastName',
    choice:
      'The fix rewrites the file with commas, quoting values that hold a comma (such as "1,5"). It is offered only when every row splits into as many cells as the header and every quote closes; otherwise converting could merge or split cells.',
  },
  'value-too-long': {
    title: 'A value is longer than 255 characters: more than any name, address or number.',
    example: 'LastName: (100,000 characters)',
    choice:
      'The page gives no lengths. 255 is the usual limit of a text field (and an email address is at most 254), so a longer value is almost surely a paste gone wrong; the import may cut or refuse it, so it warns. The message gives the length, never the value.',
  },
  'formula-injection': {
    title: 'A name or email starts with =, +, - or @, so a spreadsheet opening the file would run it as a formula.',
    example: 'LastName: =HYPERLINK("http://example.com","Click")',
    choice:
      'Only text columns (FirstName, LastName, Email) are checked: numbers such as an OutgoingCLID of -1 are not formulas, and a value of dashes only ("-", a placeholder) is shown as text. The fix removes the leading characters. We do not prefix a single quote (the usual advice for files meant for spreadsheets): this file is read by the import, which may store the quote as part of the name and show it on phones and in the directory.',
  },
  'weak-pin': {
    title: 'The PIN is easy to guess: one digit repeated, digits in order, or the row’s own extension.',
    example: 'PIN: 1111, 1234, 9876, or the Extension',
    choice:
      'The import accepts such PINs, so it warns. The message never repeats the PIN (nor the extension it equals). Runs may wrap from 9 to 0 (7890), as on a keypad. There is no fix: only the user can choose a PIN; leaving it empty with SysPIN = y lets the system make one up.',
  },
};

/** Every code with its facts and explanation, keyed by code, in catalog order. */
export const CATALOG = Object.fromEntries(
  (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).map((code) => [
    code,
    { code, ...DIAGNOSTIC_CODES[code], ...TEXTS[code], link: catalogLink(code) },
  ]),
) as Readonly<Record<DiagnosticCode, DiagnosticInfo>>;
