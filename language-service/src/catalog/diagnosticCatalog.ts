/**
 * What each diagnostic code means, for people: what it checks, a small input that triggers it, why it has its
 * severity (`why`, on the code's `basis`), and where that needs more, what we chose (`choice`).
 * `docs/diagnostics.md` is generated from this table and `diagnosticCodes.ts` (`npm run docs:diagnostics`), and a
 * test keeps them equal.
 */
import { DIAGNOSTIC_CODES, type DiagnosticCode, type DiagnosticFacts } from './diagnosticCodes';

export interface CatalogText {
  /** What the rule checks, one line. */
  readonly title: string;
  /** A small input that triggers it. */
  readonly example: string;
  /** One sentence: why the code has its severity, on its `basis` (what the page says, or why we chose so). */
  readonly why: string;
  /** More on what we chose, where `why` is not enough. */
  readonly choice?: string;
}

/** A code's facts and its explanation together: what the catalog says about one code. */
export interface DiagnosticInfo extends DiagnosticFacts, CatalogText {
  readonly code: DiagnosticCode;
}

const TEXTS: Readonly<Record<DiagnosticCode, CatalogText>> = {
  // --- The file and its header -------------------------------------------------------------------------
  'empty-file': {
    title: 'The file is empty; the import needs at least the header row.',
    example: '(an empty file)',
    why: 'The page says the header row is mandatory.',
  },
  'structure-only': {
    title: 'The file is above the size set for full checks: only its structure is checked while editing.',
    example: 'a 40 MB file with subscriberCsv.fullCheckLimitMB = 20',
    why: 'A limit of our own for editing speed, not a problem in the file.',
    choice:
      'Above the limit the header, quotes and row shapes are still checked while editing; the CLI checks every rule.',
  },
  'missing-header': {
    title: 'The first row names no known column, so the header row is missing (or is one quoted cell).',
    example: 'User,Ann,Lee,...  or  "Type,FirstName,LastName"',
    why: 'The page says the header row is mandatory; a first row that names no column is not one.',
    choice:
      'A header written as one quoted cell ("Type,FirstName,LastName", as some exports quote whole lines) names no column either: it gets this one error, with a fix that removes the quotes around the header and around every row quoted the same way.',
  },
  'unterminated-quote': {
    title: 'A quoted cell is never closed, so the rest of the file reads as one cell.',
    example: 'User,"Lee',
    why: 'Every row after the quote would be read into one cell, so the import cannot take the file as written.',
  },
  'blank-column-name': {
    title: 'A header cell is empty: a column with no name.',
    example: 'Type,LastName,  (a trailing comma, as Excel writes it)',
    why: 'The page is silent; an empty column with no name (a trailing comma) changes nothing, so it is only a note.',
    choice:
      'The fix deletes the column when every cell under it is empty. A row that does hold a value under it gets `unnamed-column-value`, a warning.',
  },
  'duplicate-column': {
    title: 'The same column appears twice in the header (names are compared ignoring case).',
    example: 'Type,LastName,lastname',
    why: 'The page is silent; where both columns hold the same value on every row nothing is lost, so it warns.',
    choice:
      'A row where the two columns hold different values gets `duplicate-column-conflict`, an error. The fix deletes the repeated column when every row holds the same value in both.',
  },
  'misspelt-column': {
    title: 'A header name is a close misspelling of an import column that the header lacks.',
    example: 'Type,LastName,Extention',
    why: 'The import would take the column for an unknown one and drop its values without a word, so it is an error with a rename fix.',
    choice:
      'Close means a few letters apart (edit distance at most 2, or a third of the name for long names). A name close to a column that the header already has is an `unknown-column` instead: renaming it would make a duplicate.',
  },
  'unknown-column': {
    title: 'A header names no column of the import (and is no close misspelling of a missing one).',
    example: 'Type,LastName,Department',
    why: 'The page lists its columns and is silent on others; we expect the import to ignore the values of an extra column, which loses nothing the import could take, so it warns.',
    choice: 'The quick fix deletes the column and its values from the file; nothing needs fixing to import.',
  },
  'missing-column': {
    title: 'A mandatory column (Type, LastName) is missing from the header.',
    example: 'FirstName,LastName',
    why: 'The page names Type and LastName as mandatory columns.',
  },
  'missing-email-column': {
    title: 'The tenant’s PIN notification setting includes email, so the Email column is mandatory.',
    example: 'Type,LastName (PIN notification = Email)',
    why: 'The page makes the Email column mandatory when the tenant’s PIN notification setting is Email or Email and Display.',
  },
  'too-many-columns': {
    title: 'The header has more columns than are checked; the columns past the limit are not read one by one.',
    example: 'a header of 200,000 empty columns (a row of commas pasted onto it)',
    why: 'A limit of our own (10,000 columns), not the page’s: columns past it are not checked, which is no reason to refuse the file.',
    choice:
      'The import has 32 columns; a header past 10,000 is usually something pasted into it. The width is reported once rather than one diagnostic per column, which keeps any line checkable in bounded memory.',
  },
  // --- The shape of a row ---------------------------------------------------------------------------------
  'too-many-fields': {
    title: 'A row has values in cells past the header’s last column.',
    example: 'Type,LastName\nUser,Lee,extra',
    why: 'Values past the last column have no column to go to, and usually mean an unquoted comma shifted the row, so the import cannot take the row as meant.',
  },
  'extra-empty-cells': {
    title: 'A row has empty cells past the header’s last column (trailing commas).',
    example: 'Type,LastName\nUser,Lee,,',
    why: 'Empty cells past the last column hold nothing to lose; spreadsheets write them, so it is a note with a fix that removes them.',
  },
  'too-few-fields': {
    title: 'A row has fewer cells than the header; the missing cells are read as empty.',
    example: 'Type,LastName,Email\nUser,Lee',
    why: 'The page is silent; we read the missing cells as empty and still check the row, and warn because a strict reader may refuse a short row.',
    choice:
      'Spreadsheets often drop trailing empty cells. A missing LastName is still an error. A row short only of columns with no name (a trailing comma on the header) is not reported. The fix adds the missing empty cells.',
  },
  'blank-row': {
    title: 'A row is empty (or only commas).',
    example: 'Type,LastName\n\nUser,Lee',
    why: 'The page is silent; an empty row could be read as a row with no Type and LastName, so it warns and offers to delete it.',
  },
  'unnamed-column-value': {
    title: 'A row has a value under a column whose header cell is empty.',
    example: 'Type,LastName,\nUser,Lee,note',
    why: 'The page is silent; a value under a column with no name has nowhere to go, so we expect the import to drop it, and warn.',
    choice: 'Reported once a row, on its first such value. Name the column, or remove the values.',
  },
  // --- One cell -----------------------------------------------------------------------------------------
  'required-value': {
    title: 'A mandatory value (Type, LastName) is empty.',
    example: 'Type,LastName\nUser,',
    why: 'The page makes Type and LastName mandatory.',
  },
  'invalid-choice': {
    title: 'The value is not one of the values the column allows.',
    example: 'DirAccess: all',
    why: 'The page lists the values: Type is User or Location, DirAccess is dial, both or none, Language is a code such as en.',
  },
  'unlisted-choice': {
    title: 'The value looks right but is not one the import page lists (Language other than en).',
    example: 'Language: fr',
    why: 'The page documents only en but does not say other language codes are refused; a tenant may support them, so it warns.',
  },
  'value-case': {
    title: 'The value differs from an allowed value only in letter case.',
    example: 'Privacy: Y',
    why: 'The page lists values in one case and says only that column names ignore case; the import may or may not recognise "Y" as "y", so it warns with a fix.',
  },
  'extra-spaces': {
    title: 'A value has spaces before or after it.',
    example: 'Type: " User"',
    why: 'The page is silent; the value is checked as if trimmed, but the import may keep the spaces, so it warns with a fix.',
  },
  'not-yes-no': {
    title: 'A y/n column holds something other than y or n.',
    example: 'VM: Yes',
    why: 'The page gives these columns the values y and n.',
    choice: 'Yes, No, True, False, 1, 0 and the like get a fix to y or n.',
  },
  'not-digits': {
    title: 'A column the page gives as digits (or IncomingDID, a phone number) holds something else.',
    example: 'Extension: 12a4',
    why: 'The page describes HomePhone, MobilePhone, Extension, OutgoingCLID, MaxDevices and PIN as digits, and IncomingDID as a phone number.',
  },
  'not-a-number': {
    title: 'A column the page gives no format for (an ID, a caller ID, a count) holds something other than digits.',
    example: 'CallProfile: standard',
    why: 'The page names what these columns hold (a hold announcement id, a call permission group id, a dynamic site CLID, a count of calls) but not their format; we expect digits, so it warns.',
  },
  'phone-punctuation': {
    title: 'HomePhone or MobilePhone is written with spaces, dashes, dots or brackets; the page asks for digits.',
    example: 'MobilePhone: (617) 555-0100',
    why: 'The page describes HomePhone and MobilePhone as digits; the fix keeps only the digits.',
    choice:
      'IncomingDID is described as a phone number, not as digits, so "+1 617-555-0100" is accepted there and only its digits are looked at.',
  },
  'implausible-phone': {
    title: 'A phone number’s digits are unusual for a number: a length or prefix no numbering plan we know of uses.',
    example: 'HomePhone: 61755501',
    why: 'The page asks only for digits; an unusual number is often a typo but may be a real local or internal one, so it is a note.',
    choice:
      'Accepted without a note: 10 digits with a valid North American area code (alone or after a 1), 7-digit local numbers, and numbers valid with a country code. More than 15 digits is longer than any international number (E.164).',
  },
  'invalid-email': {
    title: 'The Email cell is not a valid email address.',
    example: 'Email: ann.lee@example',
    why: 'The page says the Email column holds an email address (and SysPIN = y needs a valid one).',
  },
  'invalid-id': {
    title: 'KeyProfile or DsiteZone holds something other than an ID (digits), or KeyProfile’s -1.',
    example: 'KeyProfile: -2',
    why: 'The page says that for KeyProfile and DsiteZone the digit is the ID, and -1 is the system default key profile.',
  },
  'unknown-id': {
    title: 'The ID is not among the tenant’s known IDs for this column.',
    example: 'CallProfile: 99 (tenant has 1, 2, 3)',
    why: 'Checked only when the tenant’s list is known (tenant data or settings): an ID the tenant does not have cannot be assigned, so it is an error.',
  },
  'above-maximum': {
    title: 'MaxDevices is larger than one digit, as the page describes it.',
    example: 'MaxDevices: 12',
    why: 'The page calls MaxDevices "digit"; a tenant may allow more, so a larger number warns rather than fails.',
  },
  // --- Several cells of one row ---------------------------------------------------------------------------
  'duplicate-column-conflict': {
    title: 'A column appears twice in the header and this row holds different values in the two.',
    example: 'Type,LastName,Email,email\nUser,Lee,a@example.com,b@example.com',
    why: 'Only one of the two values can be imported, and which one is not known, so one would be lost without a word.',
  },
  'email-required': {
    title: 'The tenant sends PIN notices by email and this User row has no Email.',
    example: 'User row, Email empty (PIN notification = Email)',
    why: 'The page makes the Email column mandatory under this tenant setting, not every cell; a user without an address gets no PIN notice by email, so it warns (Location rows are not reported).',
  },
  'syspin-needs-email': {
    title: 'SysPIN = y needs a valid Email on the same row.',
    example: 'SysPIN: y, Email empty',
    why: 'The page says a valid email is required when SysPIN = y.',
  },
  'pin-overrides-syspin': {
    title: 'Both a PIN and SysPIN = y are given: the given PIN is used, no PIN is generated.',
    example: 'PIN: 4821, SysPIN: y',
    why: 'The page says a provided PIN is applied instead of a generated one; a note, nothing to fix.',
  },
  'pin-email-sent': {
    title: 'SysPIN = y and the tenant notifies by email: the user will be emailed their PIN.',
    example: 'SysPIN: y (PIN notification = Email)',
    why: 'The page says the PIN details are emailed in this case; a note, nothing to fix.',
  },
  'telco-only-ignored': {
    title: 'Only a telco admin importing for the tenant can set this column; a tenant admin’s value is ignored.',
    example: 'Dsite: y (role = tenant admin)',
    why: 'The page says these columns apply only when a telco admin imports on the tenant’s behalf; the row imports all the same, so it warns.',
    choice:
      'For a tenant admin the values of these columns are not checked otherwise: a value the import ignores never blocks the import.',
  },
  // --- Across rows --------------------------------------------------------------------------------------
  'duplicate-extension': {
    title: 'Two rows use the same Extension.',
    example: 'Extension 101 on rows 2 and 5',
    why: 'The page is silent, but an extension rings one user or location, so the import cannot give it to both (our reading).',
  },
  'duplicate-email': {
    title: 'Two rows use the same Email.',
    example: 'ann@example.com on rows 2 and 5',
    why: 'The page is silent and shared mailboxes exist, so it warns; PIN notices would reach the same inbox.',
  },
  'extension-in-use': {
    title: 'The Extension is already used on the tenant.',
    example: 'Extension 100 (tenant already uses 100)',
    why: 'Checked only when the tenant’s extensions are known (tenant data or settings): an extension the tenant already uses cannot be given again (our reading).',
  },
  // --- Publishing ----------------------------------------------------------------------------------------
  'too-many-problems': {
    title: 'The file has more problems than the editor lists; errors are listed first and this counts the rest.',
    example: '(a file with 1,200 problems: 1,000 are listed)',
    why: 'A limit of the editor, not a problem in the file.',
    choice:
      'VS Code shows at most 1,000 diagnostics a file, so the editor lists errors first and says how many are left out. The CLI (`subscriber-csv check`) lists them all.',
  },
  // --- Hostile files: wrong encoding, wrong delimiter, content that is dangerous elsewhere ------------------
  'file-encoding': {
    title: 'The file is saved in an encoding other than UTF-8 (Windows-1252 or UTF-16).',
    example: 'a file saved by Excel as "CSV (Comma delimited)" on Windows',
    why: 'The page says nothing of encodings; the file is read and checked in full, and the import is sent as UTF-8.',
    choice:
      "The page says nothing about encodings, so this is a warning, reported once. The CLI and the editor read UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark and Windows-1252, and check the content in full; the import is sent as UTF-8 whatever the file holds. No edit of the text changes a file's encoding, so Fix All leaves it; the editor's quick fix Save as UTF-8 rewrites the file, and `subscriber-csv check --fix`, `subscriber-csv fix` and Save Clean Copy write UTF-8, which every reader takes, the vendor's web page included.",
  },
  'wrong-encoding': {
    title: 'The text looks UTF-16 (a NUL after every letter); the import reads UTF-8.',
    example: 'T\\0y\\0p\\0e\\0 (a UTF-16 file opened as UTF-8)',
    why: 'The text as read is damaged (every other character a NUL), so the import cannot take it as written.',
    choice:
      'The editor hands the server text, not bytes, so the encoding is recognised from the text: at least a quarter NUL characters on alternate positions, or a misread UTF-16 byte order mark. The editor offers to reopen the file as UTF-16; the CLI reads bytes, so it reads such a file as UTF-16 and reports `file-encoding` instead.',
  },
  'nul-character': {
    title: 'A row holds NUL characters: binary data, or part of a UTF-16 file.',
    example: 'User,Le\\0e',
    why: 'No name or number holds a NUL; the import would store it or fail, so it cannot take the row as meant.',
  },
  'replacement-character': {
    title: 'A row holds U+FFFD, where bytes that are not UTF-8 (Windows-1252 "ü") could not be read.',
    example: 'User,M\ufffdller',
    why: 'The original letter is lost once the text is decoded, so the name would be imported mangled.',
    choice:
      "The original letter is lost once the text is decoded, so no edit of the text can fix it: reopen the file with its real encoding (usually Windows-1252; the editor offers it in one click when the file's bytes say so) and save it as UTF-8. The CLI reads bytes: a file whose first megabyte is not UTF-8 is read as Windows-1252 (`file-encoding`); this is reported only for bytes that are not UTF-8 further on.",
  },
  'wrong-delimiter': {
    title: 'The header splits into import columns at semicolons or tabs, not at commas.',
    example: 'Type;FirstName;LastName',
    why: 'Read with commas, each line is one cell, so the import cannot find the columns.',
    choice:
      'The fix rewrites the file with commas, quoting values that hold a comma (such as "1,5"). It is offered only when every row splits into as many cells as the header and every quote closes; otherwise converting could merge or split cells.',
  },
  'value-too-long': {
    title: 'A value is longer than 255 characters: more than any name, address or number.',
    example: 'LastName: (100,000 characters)',
    why: 'The page gives no lengths; such a value is almost surely a paste gone wrong and the import may cut or refuse it, so it warns.',
    choice:
      '255 is the usual limit of a text field (and an email address is at most 254). The message gives the length, never the value.',
  },
  'formula-injection': {
    title: 'A name or email starts with =, +, - or @, so a spreadsheet opening the file would run it as a formula.',
    example: 'LastName: =HYPERLINK("http://example.com","Click")',
    why: 'The import takes such a value; the danger is to whoever opens the file in a spreadsheet, so it warns.',
    choice:
      'Only text columns (FirstName, LastName, Email) are checked: numbers such as an OutgoingCLID of -1 are not formulas, and a value of dashes only ("-", a placeholder) is shown as text. The fix removes the leading characters. We do not prefix a single quote (the usual advice for files meant for spreadsheets): this file is read by the import, which may store the quote as part of the name and show it on phones and in the directory.',
  },
  'weak-pin': {
    title: 'The PIN is easy to guess: one digit repeated, digits in order, or the row’s own extension.',
    example: 'PIN: 1111, 1234, 9876, or the Extension',
    why: 'The import accepts such PINs, so it warns.',
    choice:
      'The message never repeats the PIN (nor the extension it equals). Runs may wrap from 9 to 0 (7890), as on a keypad. There is no fix: only the user can choose a PIN; leaving it empty with SysPIN = y lets the system make one up.',
  },
};

/** Every code with its facts and explanation, keyed by code, in catalog order. */
export const CATALOG = Object.fromEntries(
  (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).map((code) => [
    code,
    { code, ...DIAGNOSTIC_CODES[code], ...TEXTS[code] },
  ]),
) as Readonly<Record<DiagnosticCode, DiagnosticInfo>>;
