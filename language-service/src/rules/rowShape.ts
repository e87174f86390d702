/**
 * The shape of a data row: empty, or with more or fewer cells than the header has columns.
 */
import type { RowRule } from './rule';

export const rowShape: RowRule = {
  name: 'row-shape',
  checkRow(row, { header, report }) {
    if (row.blank) {
      report(
        'blank-row',
        row.start,
        row.end,
        'Empty row. Delete it: the import may read it as a row with no Type or LastName.',
      );
      return;
    }
    // A row cut short by an unclosed quote is reported as such; its width is unknown, not wrong.
    if (row.unterminated) return;
    const expected = header.width;
    const count = row.cellCount;
    if (count > expected) {
      report(
        'too-many-fields',
        row.cellStart(expected) - 1,
        row.end,
        `This row has ${cells(count)} but the header has ${expected} columns. Remove the extra cells or add a column.`,
      );
    } else if (count < expected && count > 0) {
      const missing = expected - count;
      report(
        'too-few-fields',
        row.start,
        row.end,
        `This row has ${cells(count)} but the header has ${expected} columns; ${missing === 1 ? 'the missing cell reads' : `the missing ${missing} cells read`} as empty.`,
      );
    }
  },
};

function cells(count: number): string {
  return count === 1 ? '1 cell' : `${count} cells`;
}
