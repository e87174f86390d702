/**
 * Asks the server where the rows an endpoint answered about are in the uploaded version of a document
 * (`ImportRowsRequest`): their cells, their labels and the entries they name. Undefined when the document has
 * moved on (the lines may hold other rows then) or the server could not say; callers fall back to whole lines.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImportRowsRequest, type RowPlace } from '../../common/protocol';
import { errorText } from './documentCheck';
import type { CellFinder, CellRange } from './import/rowProblems';

export interface RowQuestion {
  line: number;
  column?: string | null;
}

export async function placeRows(
  client: LanguageClient,
  document: vscode.TextDocument,
  version: number,
  rows: readonly RowQuestion[],
  log: vscode.LogOutputChannel,
): Promise<(RowPlace | null)[] | undefined> {
  if (rows.length === 0 || document.version !== version) return rows.length === 0 ? [] : undefined;
  try {
    const places = await client.sendRequest(ImportRowsRequest.type, {
      uri: client.code2ProtocolConverter.asUri(document.uri),
      version,
      rows: rows.map(({ line, column }) => ({ line, column: column ?? null })),
    });
    return places ?? undefined;
  } catch (error) {
    log.warn(`Asking the server where the imported rows are failed: ${errorText(error)}`);
    return undefined;
  }
}

/** Finds each answer's cell (or row) among the places the server gave for `rows`, by line and column. */
export function cellFinder(rows: readonly RowQuestion[], places: readonly (RowPlace | null)[] | undefined): CellFinder {
  const cells = new Map<string, CellRange>();
  rows.forEach((row, index) => {
    const place = places?.[index];
    if (!place) return;
    const { start, end } = place.cell ?? place.range;
    cells.set(keyOf(row.line, row.column), {
      line: start.line,
      startCharacter: start.character,
      endLine: end.line,
      endCharacter: end.character,
    });
  });
  return (line, column) => (typeof line === 'number' ? cells.get(keyOf(line, column)) : undefined);
}

function keyOf(line: number, column: string | null | undefined): string {
  return `${line}:${column ?? ''}`;
}
