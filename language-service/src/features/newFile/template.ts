/**
 * What a new subscriber file starts with: the header (every column, or the ones picked) and one example row of
 * each type. Column names and their order come from the rules library's table; only the example values live
 * here, shared by the New Subscriber File command (through the server, so that the extension client does not carry
 * the column table) and the generated row snippets.
 */
import { COLUMNS, type ColumnSpec } from '../../columns';
import { cellText } from '../cellEdit';

export type RowType = ColumnSpec['appliesTo'][number];

/**
 * Example values by column name; a column not named here stays empty (its default applies). Kept valid for the
 * default settings (tenant admin, no PIN notices by email, no tenant lists): telco-only columns and tenant IDs
 * are left empty, since any value there depends on who imports and on the tenant.
 */
export const EXAMPLE_VALUES: Readonly<Record<RowType, Readonly<Record<string, string>>>> = {
  User: {
    Type: 'User',
    FirstName: 'Dana',
    LastName: 'Reyes',
    Email: 'dana.reyes@example.com',
    MobilePhone: '6175550123',
    Extension: '201',
    Language: 'en',
    OutgoingCLID: '0',
    Privacy: 'n',
    HFAback: 'n',
    Locked: 'n',
    DirAccess: 'both',
    MaxDevices: '3',
    Twin: 'n',
    SCR: 'n',
    ODCR: 'n',
    VM: 'y',
    Agent: 'n',
    CAdmin: 'n',
    EAdmin: 'n',
    KeyProfile: '-1',
    SysPIN: 'y',
  },
  Location: {
    Type: 'Location',
    LastName: 'Front Desk',
    Extension: '200',
    Language: 'en',
    OutgoingCLID: '0',
    Privacy: 'n',
    HFAback: 'y',
    Locked: 'y',
    DirAccess: 'dial',
    MaxDevices: '1',
    Twin: 'n',
    SCR: 'n',
    ODCR: 'n',
    VM: 'n',
    Agent: 'n',
    CAdmin: 'n',
    EAdmin: 'n',
    KeyProfile: '-1',
    SysPIN: 'n',
  },
};

export const ROW_TYPES: readonly RowType[] = ['User', 'Location'];

/** Every column name, in the table's (the vendor's) order. */
export function allColumnNames(): string[] {
  return COLUMNS.map((column) => column.name);
}

/** The columns a file cannot do without: always written, whatever was picked. */
export function requiredColumnNames(): string[] {
  return COLUMNS.filter((column) => column.requiredColumn).map((column) => column.name);
}

/** The picked columns plus the required ones, in the table's order; names the table does not know are dropped. */
export function headerColumns(picked: readonly string[]): string[] {
  const wanted = new Set([...picked, ...requiredColumnNames()].map((name) => name.toLowerCase()));
  return COLUMNS.filter((column) => wanted.has(column.name.toLowerCase())).map((column) => column.name);
}

/** The example row of `type` for a header of `columns`. */
export function exampleCells(type: RowType, columns: readonly string[]): string[] {
  return columns.map((name) => EXAMPLE_VALUES[type][name] ?? '');
}

/** One line of cells, each quoted the way the import reads it back, without its line break. */
function csvLine(cells: readonly string[]): string {
  return cells.map(cellText).join(',');
}

/** The header row of `columns`, without its line break. */
export function headerLine(columns: readonly string[]): string {
  return csvLine(columns);
}

/** The whole new file: header, a User row and a Location row, each line ending with a line break. */
export function templateText(picked: readonly string[]): string {
  const columns = headerColumns(picked);
  const lines = [headerLine(columns), ...ROW_TYPES.map((type) => csvLine(exampleCells(type, columns)))];
  return lines.map((line) => line + '\n').join('');
}

/** A column as the New Subscriber File command offers it. */
export interface NewFileColumn {
  name: string;
  title: string;
  /** Always written, whatever was picked. */
  required: boolean;
}

/** Every column, in the table's order, for the command's pick list. */
export function newFileColumns(): NewFileColumn[] {
  return COLUMNS.map((column) => ({
    name: column.name,
    title: column.title,
    required: column.requiredColumn === true,
  }));
}
