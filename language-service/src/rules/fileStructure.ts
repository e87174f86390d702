/**
 * Problems of the file as a whole: nothing in it, a quote never closed, no header row,
 * blank lines before the header.
 */
import type { Finding } from './report';

export function emptyFile(length: number): Finding {
  return {
    code: 'empty-file',
    start: 0,
    end: length,
    message: 'The file is empty. Start with the header row, e.g. Type,FirstName,LastName,Email.',
  };
}

/** A quote at `start` that never closes; the range runs to the end of its line. */
export function unterminatedQuote(start: number, lineEnd: number): Finding {
  return {
    code: 'unterminated-quote',
    start,
    end: lineEnd,
    message:
      'This quote is never closed, so everything after it reads as one cell. Close it with a second " or remove it.',
  };
}

/**
 * The first row names no import column. When it is one quoted cell holding the names (`quoted`, its value), it is
 * the header in quotes: one diagnostic says so, and carries the unquoted header for the fix.
 */
export function missingHeader(start: number, end: number, quoted?: string): Finding {
  if (quoted !== undefined) {
    return {
      code: 'missing-header',
      start,
      end,
      message:
        'The header row is one quoted cell, so the import would read it as a single column named after all of them. Remove the quotes around it.',
      data: { replacement: quoted },
    };
  }
  return {
    code: 'missing-header',
    start,
    end,
    message: 'The first row names no import column: the header row (Type, LastName, ...) is missing.',
  };
}

export function blankRowBeforeHeader(start: number, end: number): Finding {
  return { code: 'blank-row', start, end, message: 'Empty row before the header. Delete it.' };
}
