/**
 * Values the tenant already uses (`takenOnTenant` in the column table: extensions): a row taking one is refused
 * by the import. Checked only when the tenant's list is known. A row naming the entry that holds the value (known
 * once the file's own rows were imported: `TenantContext.knownHolders`) does not take it: importing it again
 * updates that entry.
 */
import type { ColumnSpec } from '../columns';
import { sameEntryName } from '../knownHolders';
import { entryNameOf } from '../model/entryName';
import type { RowRule } from './rule';

const takenSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The tenant's values as a set, made once per list rather than once per row. */
function takenSet(inUse: readonly string[]): ReadonlySet<string> {
  let taken = takenSets.get(inUse);
  if (!taken) {
    taken = new Set(inUse);
    takenSets.set(inUse, taken);
  }
  return taken;
}

export const takenOnTenant: RowRule = {
  name: 'taken-on-tenant',
  checkRow(row, { header, settings, report }) {
    const inUse = settings.tenant.extensionsInUse;
    if (!inUse || inUse.length === 0) return;
    const field = header.fieldWhere('takenOnTenant', (column) => column.takenOnTenant === true);
    if (field === undefined || field >= row.cellCount) return;
    const column = header.columnOfField[field] as ColumnSpec;
    const value = row.value(field).trim();
    if (!takenSet(inUse).has(value)) return;
    const holder = settings.tenant.knownHolders?.holderOf(value);
    if (holder && sameEntryName(entryNameOf(header, row), holder)) return;
    report(
      'extension-in-use',
      row.cellStart(field),
      row.cellEnd(field),
      `${column.name} ${value} is already in use on this tenant, as its tenant data lists it.`,
      { column: column.name },
    );
  },
};
