/**
 * Characters that show the file's bytes were not UTF-8 text: the tell-tale NULs of UTF-16, NUL characters from
 * binary data, and U+FFFD where bytes of another encoding (Windows-1252: "Müller") could not be read. The import
 * takes UTF-8; a name read with the wrong encoding would be imported mangled.
 *
 * The file rule looks at the start of the text and the header; the row rule at each data row, so that an edit
 * re-checks only the rows it touched.
 */
import type { Report } from './report';
import type { FileRule, RowRule } from './rule';
import type { TextSource } from '../text/textSource';
import { findCharacter, looksLikeUtf16, NUL, REPLACEMENT_CHARACTER, UTF16_SAMPLE_LENGTH } from '../values/textEncoding';

export const textEncoding: FileRule = {
  name: 'text-encoding',
  checkFile({ model, report }) {
    const header = model.header;
    if (!header) return;
    const source = model.source;
    if (looksLikeUtf16(source.slice(0, Math.min(source.length, UTF16_SAMPLE_LENGTH)))) {
      report(
        'wrong-encoding',
        header.start,
        header.end,
        'This file looks UTF-16 (a NUL after every letter); the import reads UTF-8. Save it as UTF-8 ("CSV UTF-8" in Excel) and open it again.',
      );
      return;
    }
    reportCharacters(source.slice(header.start, header.end), header.start, report);
  },
};

/** True when `text` holds a character `reportCharacters` looks for. */
function holdsSuspects(text: string): boolean {
  return text.indexOf(NUL) >= 0 || text.indexOf(REPLACEMENT_CHARACTER) >= 0;
}

/**
 * Whether a text held as one string has any NUL or U+FFFD at all, found once per text source (one per document
 * version): most files have none, and their rows then cost nothing here.
 */
const suspectsBySource = new WeakMap<TextSource, boolean>();

function mayHoldSuspects(source: TextSource): boolean {
  if (source.text === undefined) return true;
  let found = suspectsBySource.get(source);
  if (found === undefined) {
    found = holdsSuspects(source.text);
    suspectsBySource.set(source, found);
  }
  return found;
}

export const rowCharacters: RowRule = {
  name: 'row-characters',
  checkRow(row, { model, report }) {
    if (row.end <= row.start || !mayHoldSuspects(model.source)) return;
    const text = model.source.slice(row.start, row.end);
    if (holdsSuspects(text)) reportCharacters(text, row.start, report);
  },
};

/** Reports the first NUL and the first U+FFFD of one record's text, which starts at document offset `base`. */
function reportCharacters(text: string, base: number, report: Report): void {
  const nuls = findCharacter(text, NUL);
  if (nuls) {
    report(
      'nul-character',
      base + nuls.first,
      base + nuls.first + 1,
      `This row holds ${count(nuls.count, 'NUL character')}, which no text file has: binary data, or a file saved as UTF-16. Delete ${nuls.count === 1 ? 'it' : 'them'}, or save the file as UTF-8.`,
    );
  }
  const replaced = findCharacter(text, REPLACEMENT_CHARACTER);
  if (replaced) {
    report(
      'replacement-character',
      base + replaced.first,
      base + replaced.first + 1,
      `This row has ${count(replaced.count, 'character')} that could not be read as UTF-8 (shown as \ufffd): the file was probably saved as Windows-1252 ("CSV" rather than "CSV UTF-8" in Excel). Reopen it with that encoding and save it as UTF-8, or retype the names.`,
    );
  }
}

function count(n: number, noun: string): string {
  return n === 1 ? `a ${noun}` : `${n.toLocaleString('en-US')} ${noun}s`;
}
