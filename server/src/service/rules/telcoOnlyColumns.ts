/**
 * Columns only a telco admin can set (PAI, Dsite, DsiteCLID, NumCallDsite, DsiteZone): when a tenant admin
 * imports, the import ignores their values. Warn on each filled cell so nobody expects them to apply.
 */
import type { RowRule } from './rule';

export const telcoOnlyColumns: RowRule = {
  name: 'telco-only-columns',
  checkRow(row, { model, settings, report }) {
    if (row.blank || settings.tenant.role === 'telcoAdmin') return;
    model.columnOfField.forEach((column, field) => {
      const cell = row.cells[field];
      if (column?.setBy !== 'telcoAdmin' || !cell || cell.value.trim() === '') return;
      report(
        'telco-only-ignored',
        cell.start,
        cell.end,
        `${column.name} is applied only when a telco admin imports for the tenant; as a tenant admin this value is ignored.`,
        { column: column.name },
      );
    });
  },
};
