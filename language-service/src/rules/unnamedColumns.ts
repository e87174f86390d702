/**
 * Values under a column whose header cell is empty: the import has no column to put them in. The header's empty
 * name itself is only a note (`blank-column-name`), as Excel's trailing comma makes one; a row that holds a value
 * there is told, once, with the count of such values.
 */
import type { RowRule } from './rule';

export const unnamedColumns: RowRule = {
  name: 'unnamed-columns',
  checkRow(row, { header, report }) {
    if (row.blank || header.unnamedFields.length === 0) return;
    let first = -1;
    let count = 0;
    for (const field of header.unnamedFields) {
      if (field >= row.cellCount) break;
      if (!row.hasValue(field)) continue;
      if (first < 0) first = field;
      count++;
    }
    if (first < 0) return;
    const more = count > 1 ? ` (and ${count - 1} more on this row)` : '';
    report(
      'unnamed-column-value',
      row.cellStart(first),
      row.cellEnd(first),
      `Column ${first + 1} has no name in the header, so this value${more} has no column to go to and will not be imported (our reading). Name the column, or remove the value.`,
    );
  },
};
