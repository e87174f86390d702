/**
 * A column named twice in the header (`duplicate-column`, a warning on the header) holding different values on a
 * row: the import can take only one, and which is not known, so one value would be lost without a word. Rows that
 * hold the same value in both are fine.
 */
import type { ColumnSpec } from '../columns';
import type { RowRule } from './rule';

export const repeatedColumns: RowRule = {
  name: 'repeated-columns',
  checkRow(row, { header, report }) {
    if (row.blank || row.unterminated || header.repeatedFields.length === 0) return;
    for (const { field, first } of header.repeatedFields) {
      if (row.value(field).trim() === row.value(first).trim()) continue;
      const column = header.columnOfField[field] as ColumnSpec;
      const present = field < row.cellCount;
      report(
        'duplicate-column-conflict',
        present ? row.cellStart(field) : row.end,
        present ? row.cellEnd(field) : row.end,
        `${column.name} is both column ${first + 1} and column ${field + 1}, and this row gives them different values: only one can be imported. Make them equal, or delete one of the columns.`,
        { column: column.name },
      );
    }
  },
};
