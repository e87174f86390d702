/**
 * The file's encoding as its host found it, when that is not UTF-8 (`file-encoding`, once), and characters that
 * show the file's bytes were not UTF-8 text: the tell-tale NULs of UTF-16, NUL characters from
 * binary data, and U+FFFD where bytes of another encoding (Windows-1252: "Müller") could not be read. The import
 * takes UTF-8; a name read with the wrong encoding would be imported mangled.
 *
 * The file rule looks at the start of the text and the header; the row rule at each data row, so that an edit
 * re-checks only the rows it touched.
 */
import type { ColumnName } from '../columns';
import { FILE_ENCODING_INFO, type FileEncoding } from '../fileEncodings';
import type { Report } from './report';
import type { FileRule, RowRule } from './rule';
import { findCharacter, holdsSuspects, looksLikeUtf16, NUL, REPLACEMENT_CHARACTER } from '../values/textEncoding';

export const textEncoding: FileRule = {
  name: 'text-encoding',
  checkFile({ header, headerText, textStart, settings, report }) {
    const encoding = settings.encoding;
    if (encoding !== undefined && encoding !== 'utf-8') {
      report('file-encoding', header.start, header.end, savedAs(encoding), { encoding });
    }
    if (looksLikeUtf16(textStart)) {
      report(
        'wrong-encoding',
        header.start,
        header.end,
        'This file looks UTF-16 (a NUL after every letter); the import reads UTF-8. Save it as UTF-8 ("CSV UTF-8" in Excel) and open it again.',
      );
      return;
    }
    const columnAt = (offset: number) =>
      header.columnOfField[header.cells.findIndex((cell) => offset >= cell.start && offset <= cell.end)]?.name;
    reportCharacters(headerText, header.start, report, columnAt);
  },
};

export const rowCharacters: RowRule = {
  name: 'row-characters',
  checkRow(row, { header, report, mayHoldSuspectCharacters }) {
    if (row.end <= row.start || !mayHoldSuspectCharacters) return;
    const text = row.slice(row.start, row.end);
    if (!holdsSuspects(text)) return;
    // The column of the cell the first one is in, when it is under a known column.
    const columnAt = (offset: number) => header.columnOfField[row.fieldAt(offset)]?.name;
    reportCharacters(text, row.start, report, columnAt);
  },
};

/** What `file-encoding` says: what the file is, and what to do. */
function savedAs(encoding: FileEncoding): string {
  const { label, writtenBy } = FILE_ENCODING_INFO[encoding];
  const source = writtenBy ? ` (${writtenBy})` : '';
  return (
    `This file is saved as ${label}${source}, not UTF-8. The import page does not say which encodings it reads: ` +
    `save the file as UTF-8 so that names such as "Müller" reach the import as written.`
  );
}

/** Reports the first NUL and the first U+FFFD of one record's text, which starts at document offset `base`. */
function reportCharacters(
  text: string,
  base: number,
  report: Report,
  columnAt: (offset: number) => ColumnName | undefined,
): void {
  const nuls = findCharacter(text, NUL);
  if (nuls) {
    const column = columnAt(base + nuls.first);
    report(
      'nul-character',
      base + nuls.first,
      base + nuls.first + 1,
      `This row holds ${count(nuls.count, 'NUL character')}, which no text file has: binary data, or a file saved as UTF-16. Delete ${nuls.count === 1 ? 'it' : 'them'}, or save the file as UTF-8.`,
      column ? { column } : undefined,
    );
  }
  const replaced = findCharacter(text, REPLACEMENT_CHARACTER);
  if (replaced) {
    const column = columnAt(base + replaced.first);
    report(
      'replacement-character',
      base + replaced.first,
      base + replaced.first + 1,
      `This row has ${count(replaced.count, 'character')} that could not be read as UTF-8 (shown as \ufffd): the file was probably saved as Windows-1252 ("CSV" rather than "CSV UTF-8" in Excel). Reopen it with that encoding and save it as UTF-8, or retype the names.`,
      column ? { column } : undefined,
    );
  }
}

function count(n: number, noun: string): string {
  return n === 1 ? `a ${noun}` : `${n.toLocaleString('en-US')} ${noun}s`;
}
