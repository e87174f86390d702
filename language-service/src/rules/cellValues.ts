/**
 * Every cell of a data row against its column: mandatory values present, values of the right kind. The values of
 * columns that only a telco admin can set are not checked for anyone else: the import ignores them then
 * (`telco-only-ignored` says so), so nothing about them may block that import.
 */
import type { ColumnSpec } from '../columns';
import { acceptsPlainCell } from '../values/plainCells';
import { checkValue } from '../values/valueCheck';
import type { RowRule } from './rule';

const anyColumn = () => true;
const setByAnyone = (column: ColumnSpec) => column.setBy !== 'telcoAdmin';

export const cellValues: RowRule = {
  name: 'cell-values',
  checkRow(row, { header, settings, report }) {
    if (row.blank) return;
    const columns = header.columnOfField;
    // The header's answer is kept, so that no row asks each column again.
    const fields =
      settings.tenant.role === 'telcoAdmin'
        ? header.fieldsWhere('any column', anyColumn)
        : header.fieldsWhere('set by anyone', setByAnyone);
    // An index, not for-of: the profile found an iterator made on every row here.
    for (let at = 0; at < fields.length; at++) {
      const field = fields[at];
      const column = columns[field] as ColumnSpec;
      // Most cells are read from their text, without making their value (`plainCells.ts`).
      if (row.isPlain(field) && acceptsPlainCell(row, field, column, settings.tenant)) continue;
      const present = field < row.cellCount;
      const value = row.value(field);
      const trimmed = value.trim();
      if (trimmed === '') {
        // A cell swallowed by an unclosed quote is unreadable rather than empty: unterminated-quote covers it.
        if (column.requiredValue && (present || !row.unterminated)) {
          const start = present ? row.cellStart(field) : row.end;
          report(
            'required-value',
            start,
            present ? row.cellEnd(field) : row.end,
            `${column.name} is mandatory; this row has none.`,
            { column: column.name },
          );
        }
        continue;
      }
      const start = row.cellStart(field);
      const end = row.cellEnd(field);
      if (trimmed !== value) {
        // Spreadsheets keep stray spaces that the import may not strip; check the value as meant, and flag the spaces.
        report('extra-spaces', start, end, `${column.name} has spaces before or after its value.`, {
          column: column.name,
          replacement: trimmed,
        });
      }
      const finding = checkValue(trimmed, column, settings.tenant);
      if (finding) {
        report(finding.code, start, end, finding.message, {
          column: column.name,
          ...(finding.replacement !== undefined ? { replacement: finding.replacement } : {}),
        });
      }
    }
  },
};
