/**
 * Every cell of a data row against its column: mandatory values present, values of the right kind.
 */
import { checkValue } from '../values/valueCheck';
import type { RowRule } from './rule';

export const cellValues: RowRule = {
  name: 'cell-values',
  checkRow(row, { model, settings, report }) {
    if (row.blank) return;
    model.columnOfField.forEach((column, field) => {
      if (!column) return;
      const cell = row.cells[field];
      const value = cell?.value ?? '';
      if (value.trim() === '') {
        // A cell swallowed by an unclosed quote is unreadable rather than empty: unterminated-quote covers it.
        if (column.requiredValue && (cell || !row.unterminated)) {
          const at = cell ? cell.start : row.end;
          report('required-value', at, cell ? cell.end : row.end, `${column.name} is mandatory; this row has none.`, {
            column: column.name,
          });
        }
        return;
      }
      if (!cell) return;
      const trimmed = value.trim();
      if (trimmed !== value) {
        // Spreadsheets keep stray spaces that the import may not strip; check the value as meant, and flag the spaces.
        report('extra-spaces', cell.start, cell.end, `${column.name} has spaces before or after its value.`, {
          column: column.name,
          replacement: trimmed,
        });
      }
      const finding = checkValue(trimmed, column, settings.tenant);
      if (finding) {
        report(finding.code, cell.start, cell.end, finding.message, {
          column: column.name,
          ...(finding.replacement !== undefined ? { replacement: finding.replacement } : {}),
        });
      }
    });
  },
};
