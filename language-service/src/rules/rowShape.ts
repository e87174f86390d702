/**
 * The shape of a data row: empty, or with more or fewer cells than the header has columns. Cells past the header's
 * last column are an error only when they hold values (an unquoted comma shifted the row); empty ones are what
 * spreadsheets write and only get a note. A row short only of columns with no name (a trailing comma on the
 * header) is not short.
 */
import type { RowView } from '../csv/rowView';
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
      const extra = count - expected;
      if (extraCellsAreEmpty(row, expected)) {
        report(
          'extra-empty-cells',
          row.cellStart(expected) - 1,
          row.end,
          `This row has ${extra === 1 ? 'an empty cell' : `${extra} empty cells`} past the header's ${expected} columns (trailing commas); ${extra === 1 ? 'it holds' : 'they hold'} nothing. Remove ${extra === 1 ? 'it' : 'them'}.`,
        );
      } else {
        report(
          'too-many-fields',
          row.cellStart(expected) - 1,
          row.end,
          `This row has ${cells(count)} but the header has ${expected} columns, and the cells past them hold values: often an unquoted comma inside a value. Quote that value, remove the extra cells, or add a column.`,
        );
      }
    } else if (count < header.namedWidth && count > 0) {
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

/** True when every cell past the first `width` is empty (or blank); cells past the kept ones are unknown, not empty. */
export function extraCellsAreEmpty(row: RowView, width: number): boolean {
  if (row.cellCount > row.keptCellCount) return false;
  for (let field = width; field < row.cellCount; field++) if (row.value(field).trim() !== '') return false;
  return true;
}

function cells(count: number): string {
  return count === 1 ? '1 cell' : `${count} cells`;
}
