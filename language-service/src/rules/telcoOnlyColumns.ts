/**
 * Columns only a telco admin can set (PAI, Dsite, DsiteCLID, NumCallDsite, DsiteZone): when a tenant admin
 * imports, the import ignores their values. Warn on each filled cell so nobody expects them to apply.
 */
import type { RowRule } from './rule';

export const telcoOnlyColumns: RowRule = {
  name: 'telco-only-columns',
  checkRow(row, { model, settings, report }) {
    if (row.blank || settings.tenant.role === 'telcoAdmin') return;
    const columns = model.columnOfField;
    for (let field = 0; field < columns.length && field < row.cellCount; field++) {
      const column = columns[field];
      if (column?.setBy !== 'telcoAdmin' || row.value(field).trim() === '') continue;
      report(
        'telco-only-ignored',
        row.cellStart(field),
        row.cellEnd(field),
        `${column.name} is applied only when a telco admin imports for the tenant; as a tenant admin this value is ignored.`,
        { column: column.name },
      );
    }
  },
};
