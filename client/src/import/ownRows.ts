/**
 * The entries a file's own rows hold once imported, kept per file in the workspace's state so that, after the
 * tenant data is loaded again (now listing the file's extensions as in use), and after a restart, those rows are
 * not flagged as taking an extension: they hold it (docs/import.md, "After an import"). Kept for the endpoint they
 * were imported to; a file imported again replaces its list. The list holds each row's extension and its values in
 * the columns that name an entry (Type, FirstName, LastName): what the file itself holds, never a PIN. Pure.
 */
import type { KnownHolder, RowPlace } from '../../../common/protocol';
import type { RowResult } from '../../../common/importClient';

export const OWN_ROWS_KEY = 'subscriberCsv.ownRows';
/** A file's list is not kept past this many rows, nor more than this many files (the oldest go first). */
export const MAX_OWN_ROWS = 100_000;
export const MAX_OWN_FILES = 50;

export interface OwnRows {
  endpoint: string;
  /** ISO time of the import. */
  importedAt: string;
  holders: KnownHolder[];
}

export type OwnRowsByFile = Record<string, OwnRows>;

/**
 * The rows an import stored (created, updated or found unchanged) that have an extension, with the entry each
 * names, from the server's places of them (aligned with `rows`).
 */
export function holdersOf(rows: readonly RowResult[], places: readonly (RowPlace | null | undefined)[]): KnownHolder[] {
  const holders: KnownHolder[] = [];
  rows.forEach((row, index) => {
    const place = places[index];
    if (row.status === 'failed' || !place || place.extension === '') return;
    // The endpoint's extension and the text's agree, or the text is not what was uploaded.
    if (row.extension !== undefined && row.extension !== place.extension) return;
    holders.push({ extension: place.extension, name: place.entryName });
  });
  return holders.slice(0, MAX_OWN_ROWS);
}

/** The stored lists with `uri`'s replaced (an empty list forgets it), the oldest past MAX_OWN_FILES dropped. */
export function withOwnRows(stored: OwnRowsByFile, uri: string, own: OwnRows): OwnRowsByFile {
  const next: OwnRowsByFile = { ...stored };
  delete next[uri];
  if (own.holders.length > 0) next[uri] = own;
  const files = Object.entries(next).sort(([, a], [, b]) => b.importedAt.localeCompare(a.importedAt));
  return Object.fromEntries(files.slice(0, MAX_OWN_FILES));
}

/** The well-formed lists of what was stored. */
export function readOwnRows(value: unknown): OwnRowsByFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const read: OwnRowsByFile = {};
  for (const [uri, item] of Object.entries(value as Record<string, unknown>)) {
    const own = item as Partial<OwnRows> | null;
    if (typeof own?.endpoint !== 'string' || typeof own.importedAt !== 'string' || !Array.isArray(own.holders))
      continue;
    const holders = own.holders.filter(
      (holder): holder is KnownHolder =>
        typeof holder?.extension === 'string' && typeof holder.name === 'object' && holder.name !== null,
    );
    read[uri] = { endpoint: own.endpoint, importedAt: own.importedAt, holders: holders.slice(0, MAX_OWN_ROWS) };
  }
  return read;
}
