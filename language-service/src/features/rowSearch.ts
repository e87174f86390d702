/**
 * Finds rows by name or extension across the whole file, for Go to Symbol in Workspace (Ctrl+T): the outline
 * lists a bounded number of rows, this reaches every one of them. A row matches when each word of the query is
 * part of its label (`Ann Lee, ext 101`), in any letter case.
 */
import type { SymbolInformation } from 'vscode-languageserver-types';
import { RowView } from '../csv/rowView';
import {
  documentUri,
  headerIndexOf,
  isBlankRecord,
  positionOf,
  recordCount,
  recordEnd,
  recordStart,
} from '../model/modelQueries';
import { rowIdentity, rowLabel, symbolKindOf } from '../model/rowIdentity';
import type { SubscriberModel } from '../model/subscriberModel';

/** Matches returned for one query (editors show a few dozen). */
export const MAX_ROW_MATCHES = 100;

export function findRowSymbols(model: SubscriberModel, query: string, max = MAX_ROW_MATCHES): SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const header = headerIndexOf(model);
  if (words.length === 0 || header < 0) return [];
  const found: SymbolInformation[] = [];
  const view = new RowView();
  for (let index = header + 1; index < recordCount(model) && found.length < max; index++) {
    if (isBlankRecord(model, index)) continue;
    const identity = rowIdentity(model, index, view);
    const label = rowLabel(identity);
    const lower = label.toLowerCase();
    if (!words.every((word) => lower.includes(word))) continue;
    found.push({
      name: label,
      kind: symbolKindOf(identity),
      containerName: `row ${identity.row}`,
      location: {
        uri: documentUri(model),
        range: { start: positionOf(model, recordStart(model, index)), end: positionOf(model, recordEnd(model, index)) },
      },
    });
  }
  return found;
}
