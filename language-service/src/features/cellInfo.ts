/**
 * Where the cursor is: the cell's column (its header name, its position among the header's columns, and the
 * column's title and help when it is an import column) and the row it is on (`row 3: Ann Lee, ext 101`). What
 * the editor's status bar shows, so that nobody has to count commas.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import {
  cellsOf,
  columnAtField,
  headerIndexOf,
  headerNameAt,
  headerWidth,
  offsetOf,
  positionOf,
  recordEnd,
  recordIndexOfOffset,
  recordStart,
} from '../model/modelQueries';
import { rowIdentity, rowLabel } from '../model/rowIdentity';
import type { SubscriberModel } from '../model/subscriberModel';

export interface CellInfo {
  /** 0-based field of the cell in its record. */
  field: number;
  /** How many cells the header has: the cell is column `field + 1` of `columns`. */
  columns: number;
  /** The header's name for this field: the import column's own spelling, or the header text; '' past the header. */
  name: string;
  /** Set when the header names an import column here. */
  column?: { title: string; help: string };
  /** 1-based data row (the header is row 0; blank rows count). */
  row: number;
  /** `Ann Lee, ext 101`, `blank row`, or `header`. */
  rowLabel: string;
  /** The cell's range, quotes included. */
  range: Range;
  /** The row's range: from its first cell to the end of its last, over every line a quoted line break adds. */
  rowRange: Range;
}

export function getCellInfo(model: SubscriberModel, position: Position): CellInfo | null {
  const header = headerIndexOf(model);
  const offset = offsetOf(model, position);
  const index = recordIndexOfOffset(model, offset);
  if (header < 0 || index < header) return null;
  const cells = cellsOf(model, index);
  const field = cells.fieldAt(offset);
  if (field < 0) return null;
  const range = { start: positionOf(model, cells.cellStart(field)), end: positionOf(model, cells.cellEnd(field)) };
  const column = columnAtField(model, field);
  const info: CellInfo = {
    field,
    columns: headerWidth(model),
    name: headerNameAt(model, field),
    row: index - header,
    rowLabel: index === header ? 'header' : rowLabel(rowIdentity(model, index)),
    range,
    rowRange: { start: positionOf(model, recordStart(model, index)), end: positionOf(model, recordEnd(model, index)) },
  };
  if (column) info.column = { title: column.title, help: column.help };
  return info;
}
