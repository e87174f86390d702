/**
 * The server's side of what the client learns from an import: where the rows the endpoint answered about are
 * (`ImportRowsRequest`), and the entries a document's own rows hold once imported (`KnownHoldersNotification`),
 * read with care since they come from the client's stored state.
 */
import type { KnownHolder, RowPlace, SubscriberDocument } from '@subscriber-csv/language-service';
import type { ImportRowsParams } from '../../common/protocol';

/** At most this many rows are placed per request: the endpoint's answers list every row of a file this size. */
const MAX_ROWS = 200_000;

export function rowPlacesOf(model: SubscriberDocument, rows: ImportRowsParams['rows']): (RowPlace | null)[] {
  if (!Array.isArray(rows)) return [];
  return rows.slice(0, MAX_ROWS).map((row) => {
    const line = typeof row?.line === 'number' ? row.line - 1 : -1;
    const column = typeof row?.column === 'string' ? row.column : undefined;
    return model.rowPlace(line, column) ?? null;
  });
}

/** The notification's holders, the well-formed ones; undefined when it names no document. */
export function readKnownHolders(params: unknown): { uri: string; holders: KnownHolder[] } | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const { uri, holders } = params as { uri?: unknown; holders?: unknown };
  if (typeof uri !== 'string' || !Array.isArray(holders)) return undefined;
  const read: KnownHolder[] = [];
  for (const holder of holders.slice(0, MAX_ROWS)) {
    const { extension, name } = (holder ?? {}) as { extension?: unknown; name?: unknown };
    if (typeof extension !== 'string' || typeof name !== 'object' || name === null) continue;
    const values = Object.entries(name).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    read.push({ extension, name: Object.fromEntries(values) });
  }
  return { uri, holders: read };
}
