/**
 * Column names in the text: a hint `SysPIN:` before each cell of the data rows in a range, an empty cell
 * included (`,SysPIN:,`), so that a row of short values can be read without counting commas. Which rows get them
 * (the cursor's row, or every visible row) is the editor's choice: it asks for the range it wants.
 *
 * VS Code shows at most 1,500 hints in an editor; a range that would give more gets the first `max`.
 */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import { RowView } from '../csv/rowView';
import {
  cellsOf,
  columnAtField,
  headerIndexOf,
  headerNameAt,
  headerWidth,
  isBlankRecord,
  offsetOf,
  positionOf,
  recordIndexFrom,
} from '../model/modelQueries';
import type { SubscriberModel } from '../model/subscriberModel';

export const MAX_INLAY_HINTS = 1500;

export function getInlayHints(model: SubscriberModel, range: Range, max = MAX_INLAY_HINTS): InlayHint[] {
  const header = headerIndexOf(model);
  if (header < 0) return [];
  const from = offsetOf(model, range.start);
  const to = offsetOf(model, range.end);
  const first = Math.max(header + 1, recordIndexFrom(model, from));
  const last = recordIndexFrom(model, to);
  const width = headerWidth(model);
  const labels = Array.from({ length: width }, (_, field) => headerNameAt(model, field));
  const hints: InlayHint[] = [];
  const view = new RowView();
  for (let index = first; index <= last && hints.length < max; index++) {
    if (isBlankRecord(model, index)) continue;
    const cells = cellsOf(model, index, view);
    // Cells past the header's width have no name to show.
    const fields = Math.min(cells.cellCount, width);
    for (let field = 0; field < fields && hints.length < max; field++) {
      const start = cells.cellStart(field);
      if (start < from || start > to || labels[field] === '') continue;
      const column = columnAtField(model, field);
      const hint: InlayHint = {
        position: positionOf(model, start),
        label: `${labels[field]}:`,
        kind: InlayHintKind.Parameter,
        paddingRight: cells.cellEnd(field) > start,
      };
      if (column) hint.tooltip = column.title;
      hints.push(hint);
    }
  }
  return hints;
}
