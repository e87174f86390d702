/**
 * Values far longer than any name, address or number: a paste that went wrong (a whole column in one cell, a
 * document pasted into a name). The message gives the length, never the value, which may be megabytes (or a PIN).
 */
import type { RowRule } from './rule';

/** The longest value we accept without a word: the usual limit of a text field in a database (and of an email). */
export const LONGEST_VALUE = 255;

export const longValues: RowRule = {
  name: 'long-values',
  checkRow(row, { header, report }) {
    if (row.blank) return;
    const columns = header.columnOfField;
    for (let field = 0; field < columns.length && field < row.cellCount; field++) {
      const column = columns[field];
      const start = row.cellStart(field);
      const end = row.cellEnd(field);
      // The cell's text bounds its value's length: most cells are let go without reading their value.
      if (!column || end - start <= LONGEST_VALUE) continue;
      const length = row.value(field).trim().length;
      if (length <= LONGEST_VALUE) continue;
      report(
        'value-too-long',
        start,
        end,
        `This ${column.name} is ${length.toLocaleString('en-US')} characters long; no ${column.title.toLowerCase()} is longer than ${LONGEST_VALUE}. Check for a paste that went wrong.`,
        { column: column.name },
      );
    }
  },
};
