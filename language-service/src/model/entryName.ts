/**
 * The entry a row names, as the import endpoint tells it (docs/import-api.md, "Importing again"): the row's values
 * in the columns marked `namesEntry`, a choice written in its canonical spelling (`user` names a User).
 */
import type { ColumnSpec } from '../columns';
import type { RowView } from '../csv/rowView';
import type { EntryName } from '../knownHolders';
import type { Header } from './header';

const namesEntry = (column: ColumnSpec) => column.namesEntry === true;

export function entryNameOf(header: Header, row: RowView): EntryName {
  const name: Partial<Record<string, string>> = {};
  for (const field of header.fieldsWhere('namesEntry', namesEntry)) {
    const column = header.columnOfField[field] as ColumnSpec;
    if (name[column.name] !== undefined || field >= row.cellCount) continue;
    const value = row.value(field).trim();
    const choice = column.choices?.find((candidate) => candidate.value.toLowerCase() === value.toLowerCase());
    name[column.name] = choice?.value ?? value;
  }
  return name;
}
