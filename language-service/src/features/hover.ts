/**
 * Hover help: on a header cell, what the column is for; on a data cell, the same plus what this value means.
 * Column text comes from the column table, which says what is the vendor page's and what is our reading; cell text
 * and tenant names are escaped, so that they show as written.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import { blankMeaning, type ColumnSpec, type RowType } from '../columns';
import type { SubscriberModel } from '../model/subscriberModel';
import { nearestColumnName } from '../rules/headerColumns';
import { PIN_NOTIFICATION_LABELS, pinNoticesByEmail, type TenantContext } from '../settings';
import { codeSpan, escapeMarkdown } from './markdown';

/** Said only of telco-only columns: the page restricts those and says nothing of the others. */
const TELCO_ONLY =
  'The page: applied only when a telco admin imports on behalf of the tenant; a tenant admin’s value is ignored.';

/** The Markdown that describes a column: meaning, allowed values, default, who may set it. */
export function describeColumn(column: ColumnSpec, tenant: TenantContext, rowType?: RowType): string {
  const lines = [`**${column.name}** — ${column.title}`, '', column.help, ''];
  if (column.choices && column.choices.length > 0) {
    const heading = column.kind === 'choice' || column.kind === 'yesNo' ? 'Allowed values' : 'Special values';
    lines.push(
      `${heading} (the page):`,
      ...column.choices.map((choice) => `- \`${choice.value}\` — ${choice.meaning}`),
    );
    lines.push('');
  }
  const known = column.tenantList ? tenant.lists[column.tenantList] : undefined;
  if (known && known.length > 0) {
    lines.push('Tenant IDs (from the tenant data or settings):');
    lines.push(...known.slice(0, 20).map((entry) => `- ${codeSpan(entry.id)} — ${escapeMarkdown(entry.name)}`), '');
  }
  const facts: string[] = [];
  if (column.requiredColumn) facts.push('The page makes this column mandatory: every row needs a value.');
  if (column.requiredWhenPinNoticesByEmail && pinNoticesByEmail(tenant)) {
    const label = PIN_NOTIFICATION_LABELS[tenant.pinNotification];
    facts.push(`Mandatory for this tenant: its PIN notification setting is "${label}" (the page).`);
  }
  const blank = blankMeaning(column, rowType);
  if (blank) facts.push(`Empty means (the page): ${blank}.`);
  if (column.kind === 'choice' || column.kind === 'yesNo') {
    facts.push('Another letter case than the one listed gets a warning: the import may not recognise it.');
  }
  if (column.kind === 'phone') facts.push('Numbers of an unusual length get a note.');
  if (column.maxValue !== undefined) {
    const { value, described } = column.maxValue;
    facts.push(`We read ${described} as 0–${value}; larger numbers get a warning.`);
  }
  if (column.setBy === 'telcoAdmin') facts.push(TELCO_ONLY);
  if (facts.length > 0) lines.push(facts.join(' '));
  return lines.join('\n').trimEnd();
}

function describeValue(
  column: ColumnSpec,
  value: string,
  tenant: TenantContext,
  rowType?: RowType,
): string | undefined {
  if (value === '') {
    const blank = blankMeaning(column, rowType);
    return blank ? `Empty: ${blank} (the page).` : undefined;
  }
  const choice = column.choices?.find((candidate) => candidate.value === value);
  if (choice) return `${codeSpan(value)} = ${choice.meaning}`;
  const entry = column.tenantList ? tenant.lists[column.tenantList]?.find((known) => known.id === value) : undefined;
  if (entry) return `${codeSpan(value)} = ${escapeMarkdown(entry.name)} (tenant data)`;
  return undefined;
}

export function doHover(model: SubscriberModel, position: Position, tenant: TenantContext): Hover | null {
  const offset = model.document.offsetAt(position);
  const index = model.recordIndexAt(offset);
  const header = model.header;
  if (index < 0 || !header) return null;
  const row = model.row(index);
  const field = row.fieldAt(offset);
  if (field < 0) return null;
  const value = row.value(field);
  const range = {
    start: model.document.positionAt(row.cellStart(field)),
    end: model.document.positionAt(row.cellEnd(field)),
  };
  const column = header.columnOfField[field];
  if (index === header.index) {
    if (column) return { contents: { kind: 'markdown', value: describeColumn(column, tenant) }, range };
    if (value.trim() === '') {
      const unnamed = 'This column has no name, so the import has nowhere to put its values (our reading).';
      return { contents: { kind: 'markdown', value: unnamed }, range };
    }
    const nearest = nearestColumnName(value);
    const hint = nearest ? ` Did you mean **${nearest}**?` : ' The import ignores its values (our reading).';
    return { contents: { kind: 'markdown', value: `${codeSpan(value)} is not an import column.${hint}` }, range };
  }
  if (!column) return null;
  const rowType = header.rowTypeOf(row);
  const meaning = describeValue(column, value.trim(), tenant, rowType);
  const markdown = (meaning ? `${meaning}\n\n---\n\n` : '') + describeColumn(column, tenant, rowType);
  return { contents: { kind: 'markdown', value: markdown }, range };
}
