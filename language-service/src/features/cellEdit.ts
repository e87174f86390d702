/**
 * The text edit that gives one cell of a data row a new value: the value quoted the way the import reads it back
 * (quotes when it holds a comma, a quote or a line break; a quote inside doubled). A row that ends before the
 * field is first filled up with empty cells. What the row form sends back, so that every change is an ordinary
 * edit of the document (undo, dirty state and save work as for typing).
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { RowView } from '../csv/rowView';
import {
  cellsOf,
  headerIndexOf,
  isUnterminatedRecord,
  positionOf,
  recordCount,
  recordEnd,
} from '../model/modelQueries';
import type { SubscriberModel } from '../model/subscriberModel';

/** The edit that puts `value` into `field` of data row `row` (1-based; 0 is the header); null without that row. */
export function getCellEdit(model: SubscriberModel, row: number, field: number, value: string): TextEdit | null {
  const header = headerIndexOf(model);
  const index = header + row;
  if (header < 0 || row < 0 || index >= recordCount(model) || field < 0 || !Number.isInteger(field)) return null;
  // The cells after an unclosed quote are not known: an edit there could land anywhere.
  if (isUnterminatedRecord(model, index)) return null;
  const cells = cellsOf(model, index, new RowView());
  const text = cellText(value);
  if (field < cells.cellCount) {
    return {
      range: { start: positionOf(model, cells.cellStart(field)), end: positionOf(model, cells.cellEnd(field)) },
      newText: text,
    };
  }
  const end = positionOf(model, recordEnd(model, index));
  return { range: { start: end, end }, newText: ','.repeat(field - cells.cellCount + 1) + text };
}

/** A value as a CSV cell: as it is, or quoted when the import would otherwise split or misread it. */
export function cellText(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
