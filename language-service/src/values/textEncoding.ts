/**
 * Signs in a document's text that its bytes were decoded with the wrong encoding. The editor hands the server
 * text, not bytes: a UTF-16 file read as UTF-8 arrives as a NUL after every letter (its byte order mark as two
 * U+FFFD), and a Windows-1252 file read as UTF-8 arrives with U+FFFD where "ü" was.
 */

export const NUL = '\u0000';
/** What a decoder puts in place of bytes that are not valid in its encoding. */
export const REPLACEMENT_CHARACTER = '\ufffd';

/** How much of the start of a text is looked at to recognise UTF-16. */
export const UTF16_SAMPLE_LENGTH = 1024;

/**
 * A UTF-16 byte order mark as it reads when decoded as something else: as UTF-8 (two replacement characters),
 * as Windows-1252 or Latin-1 ("ÿþ" little-endian, "þÿ" big-endian), or as UTF-16 of the other byte order.
 */
const MISREAD_BYTE_ORDER_MARK = /^(?:\ufffd\ufffd|\u00ff\u00fe|\u00fe\u00ff|\ufffe)/;

/**
 * True when `sample` (the start of a text) looks like UTF-16 read as a one-byte encoding: at least a quarter of
 * its characters are NUL and they fall on every other position (the high bytes of ASCII letters), or it starts
 * with a misread byte order mark followed by such NULs or nothing at all.
 */
export function looksLikeUtf16(sample: string): boolean {
  const bom = MISREAD_BYTE_ORDER_MARK.exec(sample);
  const rest = bom ? sample.slice(bom[0].length) : sample;
  if (bom && rest.length === 0) return true;
  let nuls = 0;
  let even = 0;
  for (let i = 0; i < rest.length; i++) {
    if (rest.charCodeAt(i) !== 0) continue;
    nuls++;
    if (i % 2 === 0) even++;
  }
  if (nuls === 0 || nuls * 4 < rest.length) return false;
  const sameSide = Math.max(even, nuls - even);
  return sameSide * 5 >= nuls * 4;
}

/** True when `text` holds a NUL or a U+FFFD, the characters that show it was decoded with the wrong encoding. */
export function holdsSuspects(text: string): boolean {
  return text.indexOf(NUL) >= 0 || text.indexOf(REPLACEMENT_CHARACTER) >= 0;
}

/** The offset of the first `character` in `text`, and how many there are; undefined when there is none. */
export function findCharacter(text: string, character: string): { first: number; count: number } | undefined {
  let at = text.indexOf(character);
  if (at < 0) return undefined;
  const first = at;
  let count = 0;
  while (at >= 0) {
    count++;
    at = text.indexOf(character, at + 1);
  }
  return { first, count };
}
