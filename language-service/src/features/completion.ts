/**
 * Completion inside a cell: in the header, the columns not yet present; in a data cell, the column's allowed
 * values with their meanings and the tenant's IDs with their names. In a file with no text yet, the whole header
 * comes first (`newFile/headerCompletion.ts`).
 *
 * A cell whose column takes numbers but has nothing to offer (an ID column whose tenant list is unknown, an
 * Extension) gets one item saying so. VS Code asks its word-based provider only when every provider of a higher
 * score returned no item at all, so an empty list would make it offer words from the file (names, emails) in a
 * cell that takes an ID; a list with one item stops it.
 */
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { blankMeaning, COLUMNS, type ColumnSpec } from '../columns';
import type { SubscriberModel } from '../model/subscriberModel';
import type { TenantContext } from '../settings';
import { isBlankText, wholeHeaderCompletions } from './newFile/headerCompletion';

export function doComplete(model: SubscriberModel, position: Position, tenant: TenantContext): CompletionItem[] {
  const offset = model.document.offsetAt(position);
  const index = model.recordIndexAt(offset);
  // A cursor on an empty last line, past every record, is the start of a new row's first cell.
  const row = index < 0 ? undefined : model.row(index);
  const cellField = row ? row.fieldAt(offset) : -1;
  const range =
    row && cellField >= 0
      ? {
          start: model.document.positionAt(row.cellStart(cellField)),
          end: model.document.positionAt(row.cellEnd(cellField)),
        }
      : { start: position, end: position };
  if (isBlankText(model)) {
    // Blanks anywhere, on one line or several: the whole header first, then each column on its own at the cursor.
    return [...wholeHeaderCompletions(model, position), ...headerCompletions(model, undefined, range)];
  }
  if (!model.header || index === model.headerIndex) {
    return headerCompletions(model, cellField < 0 ? undefined : cellField, range);
  }
  const field = cellField < 0 ? 0 : cellField;
  const column = model.header.columnOfField[field];
  if (!column) return [];
  const rowType = row ? model.header.rowTypeOf(row) : undefined;
  const cellText = row && cellField >= 0 ? row.slice(row.cellStart(cellField), row.cellEnd(cellField)) : '';
  const items = valueCompletions(column, tenant, range, rowType ? blankMeaning(column, rowType) : undefined);
  return items.length > 0 || !takesNumbers(column) ? items : [nothingToOffer(column, range, cellText)];
}

type Range = { start: Position; end: Position };

function headerCompletions(model: SubscriberModel, field: number | undefined, range: Range): CompletionItem[] {
  const current = field === undefined ? undefined : model.header?.columnOfField[field];
  return COLUMNS.filter((column) => column === current || model.header?.fieldOf(column.name) === undefined).map(
    (column, index) => ({
      label: column.name,
      kind: CompletionItemKind.Field,
      detail: column.title,
      documentation: { kind: 'markdown', value: column.help },
      sortText: String(index).padStart(2, '0'),
      textEdit: { range, newText: column.name },
    }),
  );
}

function valueCompletions(column: ColumnSpec, tenant: TenantContext, range: Range, blank?: string): CompletionItem[] {
  const items: CompletionItem[] = (column.choices ?? []).map((choice, index) => ({
    label: choice.value,
    kind: CompletionItemKind.EnumMember,
    detail: choice.meaning,
    labelDetails: { description: choice.meaning },
    documentation: blank && blank === choice.value ? 'Also what an empty cell means on this row.' : undefined,
    sortText: `0${String(index).padStart(3, '0')}`,
    textEdit: { range, newText: choice.value },
  }));
  const known = column.tenantList ? (tenant.lists[column.tenantList] ?? []) : [];
  known.forEach((entry, index) => {
    items.push({
      label: entry.id,
      kind: CompletionItemKind.Value,
      // Plain text fields: a tenant name is shown as written, never read as Markdown.
      detail: entry.name,
      labelDetails: { description: entry.name },
      // Typing the name finds the ID too.
      filterText: `${entry.id} ${entry.name}`,
      sortText: `1${String(index).padStart(5, '0')}`,
      textEdit: { range, newText: entry.id },
    });
  });
  return items;
}

/** Columns whose values are numbers (IDs, digits, phone numbers): words from the file are never right there. */
function takesNumbers(column: ColumnSpec): boolean {
  return column.kind === 'id' || column.kind === 'digits' || column.kind === 'phone';
}

/**
 * The one item of a numbers cell with nothing to offer: it says why, and accepting it leaves the cell as it is.
 * Its filter text is words, so digits being typed filter it out: it shows on Ctrl+Space, not while typing a number.
 */
function nothingToOffer(column: ColumnSpec, range: Range, cellText: string): CompletionItem {
  const label = column.tenantList ? `No ${column.title.toLowerCase()} IDs known` : `${column.title}: type the digits`;
  const detail = column.tenantList
    ? 'The tenant’s list is not loaded: set the endpoint and token, or the subscriberCsv.tenant settings, to pick IDs by name.'
    : 'Nothing to pick from here.';
  return {
    label,
    kind: CompletionItemKind.Text,
    detail,
    filterText: label,
    sortText: '9',
    textEdit: { range, newText: cellText },
  };
}
