/**
 * Extensions in use whose holder is known. The tenant's answer lists only the extensions it uses, not who holds
 * them; once a file is imported, the editor knows which of them its own rows hold. A row naming that holder (the
 * same values in the columns marked `namesEntry`: Type, FirstName, LastName) updates the entry on the next import
 * (docs/import-api.md, "Importing again"), so it does not take the extension, and `extension-in-use` stays silent.
 */
import { COLUMNS, type ColumnName } from './columns';

/** A row's values in the columns that name an entry, by column; a missing column reads as empty. */
export type EntryName = Readonly<Partial<Record<ColumnName, string>>>;

export interface KnownHolder {
  extension: string;
  name: EntryName;
}

/** The holders as the rules read them; made with `knownHolders`. */
export interface KnownHolders {
  readonly size: number;
  holderOf(extension: string): EntryName | undefined;
  /**
   * Validation compares settings by their JSON: a list as long as a whole file would be written out at every
   * keystroke, so each set stands for itself by a name of its own.
   */
  toJSON(): string;
}

const NAMING_COLUMNS: readonly ColumnName[] = COLUMNS.filter((column) => column.namesEntry === true).map(
  (column) => column.name,
);

let made = 0;

export function knownHolders(list: readonly KnownHolder[]): KnownHolders {
  const byExtension = new Map(list.map((holder) => [holder.extension, holder.name]));
  const name = `knownHolders#${++made}(${byExtension.size})`;
  return {
    size: byExtension.size,
    holderOf: (extension) => byExtension.get(extension),
    toJSON: () => name,
  };
}

/** True when both name the same entry: the same value in every column that names one. */
export function sameEntryName(a: EntryName, b: EntryName): boolean {
  return NAMING_COLUMNS.every((column) => (a[column] ?? '') === (b[column] ?? ''));
}
