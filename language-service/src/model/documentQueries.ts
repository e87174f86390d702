/**
 * The queries of the opaque `SubscriberDocument`, answered from the editor's model: row counts, rows, the column at
 * a position, and the secret values adapters keep out of messages.
 */
import type { Position } from 'vscode-languageserver-types';
import { findColumn, type ColumnName, type ColumnSpec } from '../columns';
import { RowView } from '../csv/rowView';
import type { DataRow, RowCounts, RowPlace } from '../document';
import { entryNameOf } from './entryName';
import type { Header } from './header';
import { rowIdentity, rowLabel } from './rowIdentity';
import type { SubscriberModel } from './subscriberModel';

const isSecret = (column: ColumnSpec) => column.secret === true;

export function rowCountsOf(model: SubscriberModel): RowCounts {
  const counts: RowCounts = { users: 0, locations: 0, otherRows: 0 };
  const header = model.header;
  if (!header) return counts;
  for (let index = header.index + 1; index < model.records.count; index++) {
    const row = model.row(index);
    if (row.blank) continue;
    const type = header.rowTypeOf(row);
    if (type === 'User') counts.users++;
    else if (type === 'Location') counts.locations++;
    else counts.otherRows++;
  }
  return counts;
}

export function dataRowsOf(model: SubscriberModel): DataRow[] {
  const header = model.header;
  const rows: DataRow[] = [];
  if (!header) return rows;
  for (let index = header.index + 1; index < model.records.count; index++) rows.push(dataRowOf(model, header, index));
  return rows;
}

export function rowAtPosition(model: SubscriberModel, position: Position): DataRow | undefined {
  const header = model.header;
  const index = model.recordIndexAt(model.document.offsetAt(position));
  return header && index > header.index ? dataRowOf(model, header, index) : undefined;
}

export function columnAtPosition(model: SubscriberModel, position: Position): ColumnName | undefined {
  const offset = model.document.offsetAt(position);
  const index = model.recordIndexAt(offset);
  if (!model.header || index < model.header.index) return undefined;
  return model.header.columnOfField[model.row(index).fieldAt(offset)]?.name;
}

export function rowPlaceAt(model: SubscriberModel, line: number, column?: string | null): RowPlace | undefined {
  const header = model.header;
  if (!header || !Number.isInteger(line) || line < 0 || line >= model.document.lineCount) return undefined;
  const index = model.records.indexAt(model.document.offsetAt({ line, character: 0 }));
  if (index <= header.index) return undefined;
  // A view of its own: the label below reads the record again through the shared one.
  const row = model.row(index, new RowView());
  const identity = rowIdentity(model, index);
  const at = (offset: number) => model.document.positionAt(offset);
  const place: RowPlace = {
    row: identity.row,
    range: { start: at(row.start), end: at(row.end) },
    label: rowLabel(identity),
    type: identity.type,
    extension: identity.extension,
    entryName: entryNameOf(header, row),
  };
  const name = column ? findColumn(column)?.name : undefined;
  const field = name === undefined ? undefined : header.fieldOf(name);
  if (field !== undefined && field < row.cellCount) {
    place.cell = { start: at(row.cellStart(field)), end: at(row.cellEnd(field)) };
  }
  return place;
}

export function columnsOf(model: SubscriberModel): ColumnName[] {
  const names = new Set<ColumnName>();
  for (const column of model.header?.columnOfField ?? []) if (column) names.add(column.name);
  return [...names];
}

export function secretValuesOf(model: SubscriberModel): string[] {
  const header = model.header;
  const values = new Set<string>();
  if (!header) return [];
  for (let index = header.index + 1; index < model.records.count; index++) {
    for (const value of secretsOfRow(header, model.row(index))) values.add(value);
  }
  return [...values];
}

function secretsOfRow(header: Header, row: RowView): string[] {
  const values: string[] = [];
  for (const field of header.fieldsWhere('secret', isSecret)) {
    const value = row.value(field).trim();
    if (value !== '') values.push(value);
  }
  return values;
}

function dataRowOf(model: SubscriberModel, header: Header, index: number): DataRow {
  const row = model.row(index);
  const values = new Map<ColumnName, string>();
  for (const [field, column] of header.columnOfField.entries()) {
    if (column && !values.has(column.name)) values.set(column.name, row.value(field).trim());
  }
  return {
    number: index - header.index,
    line: model.document.positionAt(row.start).line,
    blank: row.blank,
    type: header.rowTypeOf(row),
    secretValues: secretsOfRow(header, row),
    value: (column) => values.get(column) ?? '',
  };
}
