/**
 * Who or what a data row is, in the words the editor shows everywhere a row is named (the status bar, the
 * outline, Go to Symbol, the row form): the person's or location's name and the extension, `Ann Lee, ext 101`.
 * Read from the cells under FirstName, LastName, Type and Extension, wherever the header puts them.
 */
import { SymbolKind } from 'vscode-languageserver-types';
import type { ColumnName, RowType } from '../columns';
import type { RowView } from '../csv/rowView';
import { cellsOf, fieldOfColumn, headerIndexOf, rowTypeOf } from './modelQueries';
import type { SubscriberModel } from './subscriberModel';

export interface RowIdentity {
  /** 1-based data row, as the import endpoint counts them: the header is row 0, blank rows count. */
  row: number;
  /** First and last name (a location's name is its LastName); empty when both are. */
  name: string;
  type: RowType | undefined;
  extension: string;
  blank: boolean;
}

/** Names longer than this are cut (a cell can hold a whole paragraph). */
const MAX_NAME_LENGTH = 60;

/** The identity of data record `index` (an index after the header). */
export function rowIdentity(model: SubscriberModel, index: number, view?: RowView): RowIdentity {
  const cells = cellsOf(model, index, view);
  const read = (column: ColumnName) => {
    const field = fieldOfColumn(model, column);
    // Line breaks and runs of spaces inside a quoted cell would break a one-line label.
    return field === undefined ? '' : cells.value(field).replace(/\s+/g, ' ').trim();
  };
  const name = [read('FirstName'), read('LastName')].filter((part) => part !== '').join(' ');
  return {
    row: index - headerIndexOf(model),
    name: name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1)}…` : name,
    type: rowTypeOf(model, cells),
    extension: read('Extension'),
    blank: cells.blank,
  };
}

/** `Ann Lee, ext 101`; `no name, ext 101`; `Main Lobby`; `blank row`. */
export function rowLabel(identity: RowIdentity): string {
  if (identity.blank) return 'blank row';
  const name = identity.name || 'no name';
  return identity.extension ? `${name}, ext ${identity.extension}` : name;
}

/** How outlines and symbol lists draw a row: a user as an object, a location as a module. */
export function symbolKindOf(identity: RowIdentity): SymbolKind {
  if (identity.type === 'User') return SymbolKind.Object;
  return identity.type === 'Location' ? SymbolKind.Module : SymbolKind.Variable;
}
