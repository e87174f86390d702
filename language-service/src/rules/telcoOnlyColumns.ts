/**
 * Columns only a telco admin can set (PAI, Dsite, DsiteCLID, NumCallDsite, DsiteZone): when a tenant admin
 * imports, the import ignores their values. Warn on each filled cell so nobody expects them to apply.
 */
import type { ColumnSpec } from '../columns';
import type { RowRule } from './rule';

const telcoOnly = (column: ColumnSpec) => column.setBy === 'telcoAdmin';

export const telcoOnlyColumns: RowRule = {
  name: 'telco-only-columns',
  checkRow(row, { header, settings, report }) {
    if (row.blank || settings.tenant.role === 'telcoAdmin') return;
    for (const field of header.fieldsWhere('telcoOnly', telcoOnly)) {
      if (field >= row.cellCount) break;
      const column = header.columnOfField[field] as ColumnSpec;
      if (!row.hasValue(field)) continue;
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
