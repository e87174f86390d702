/**
 * The outline of a subscriber file: the header, holding each data row as a child named after the person or the
 * location and its extension (`Ann Lee, ext 101`), with the row's type and number as detail.
 *
 * The header's range runs to the end of the last row: VS Code's sticky scroll shows the first line of every
 * symbol the viewport is inside, so the header row stays on screen while the rows scroll under it. The name
 * holds the extension because Go to Symbol (Ctrl+Shift+O) filters on names only. Editors ask for symbols after
 * every pause in typing, so at most `maxRows` rows are listed; a last child says how many are left out.
 *
 * A row's symbol is kept under its record's id and given again while the record starts on the same line and is the
 * same row: after a keystroke only the edited row is read again (reading the rows' cells was most of an answer).
 */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { RowView } from '../csv/rowView';
import {
  headerIndexOf,
  headerOf,
  headerWidth,
  isBlankRecord,
  nonBlankRecords,
  positionOf,
  recordCount,
  recordEnd,
  recordIdOf,
  recordStart,
} from '../model/modelQueries';
import { rowIdentity, rowLabel, symbolKindOf } from '../model/rowIdentity';
import type { SubscriberModel } from '../model/subscriberModel';

/**
 * Rows listed by default: a screenful of outline many times over, and few enough that the answer (about 200 bytes
 * a row, decoded by the editor after every pause in typing) takes a few milliseconds. 5,000 took 50 ms at 100k rows.
 */
export const MAX_ROW_SYMBOLS = 1000;

/** A row's symbol as made for the line it started on and its row number. */
interface KeptSymbol {
  line: number;
  row: number;
  symbol: DocumentSymbol;
}

/** The row symbols of the last answer for a model, by record id, and the header they were read under. */
interface SymbolCache {
  header: object | undefined;
  rows: Map<number, KeptSymbol>;
}

const caches = new WeakMap<SubscriberModel, SymbolCache>();

export function findDocumentSymbols(model: SubscriberModel, maxRows = MAX_ROW_SYMBOLS): DocumentSymbol[] {
  const header = headerIndexOf(model);
  if (header < 0) return [];
  const before = caches.get(model);
  // A new header may read names from other columns: nothing kept is right under it.
  const kept = before && before.header === headerOf(model) ? before.rows : undefined;
  const keeping = new Map<number, KeptSymbol>();
  caches.set(model, { header: headerOf(model), rows: keeping });
  const count = recordCount(model);
  let last = count - 1;
  while (last > header && isBlankRecord(model, last)) last--;
  const rangeOf = (first: number, final: number): Range => ({
    start: positionOf(model, recordStart(model, first)),
    end: positionOf(model, recordEnd(model, final)),
  });
  const rows: DocumentSymbol[] = [];
  const view = new RowView();
  let listed = 0;
  let index = header + 1;
  for (; index <= last && listed < maxRows; index++) {
    if (isBlankRecord(model, index)) continue;
    listed++;
    const id = recordIdOf(model, index);
    const start = positionOf(model, recordStart(model, index));
    const row = index - header;
    let entry = kept?.get(id);
    if (!entry || entry.line !== start.line || entry.row !== row) {
      const identity = rowIdentity(model, index, view);
      // Frozen: the same object goes out in later answers, so a change made to one answer must fail loudly.
      const range = Object.freeze({
        start: Object.freeze(start),
        end: Object.freeze(positionOf(model, recordEnd(model, index))),
      });
      const symbol = Object.freeze({
        name: rowLabel(identity),
        detail: `${identity.type ?? 'no type'} · row ${identity.row}`,
        kind: symbolKindOf(identity),
        range,
        selectionRange: range,
      });
      entry = { line: start.line, row, symbol };
    }
    keeping.set(id, entry);
    rows.push(entry.symbol);
  }
  // The rows past the listed ones are counted in one pass over the record flags, not read.
  const { count: unlisted, first: firstUnlisted } = nonBlankRecords(model, index, last);
  if (unlisted > 0) {
    const range = rangeOf(firstUnlisted, last);
    rows.push({
      name: `${unlisted.toLocaleString('en-US')} more rows not listed`,
      detail: `the outline lists the first ${maxRows.toLocaleString('en-US')}; Go to Symbol in Workspace finds any row`,
      kind: SymbolKind.Null,
      range,
      selectionRange: { start: range.start, end: range.start },
    });
  }
  const headerRange = rangeOf(header, header);
  const rowCount = listed + unlisted;
  return [
    {
      name: 'Header',
      detail: `${headerWidth(model)} columns · ${rowCount.toLocaleString('en-US')} ${rowCount === 1 ? 'row' : 'rows'}`,
      kind: SymbolKind.Struct,
      range: { start: headerRange.start, end: rangeOf(last, last).end },
      selectionRange: headerRange,
      children: rows,
    },
  ];
}
