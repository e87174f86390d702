/**
 * Hover help: on a header cell, what the column is for; on a data cell, the same plus what this value means.
 * All text comes from the column table.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import { blankMeaning, type ColumnSpec, type RowType } from '../columns';
import type { SubscriberModel } from '../model/subscriberModel';
import { nearestColumnName } from '../rules/headerColumns';
import { pinNoticesByEmail, type TenantContext } from '../settings';

const WHO_SETS: Record<ColumnSpec['setBy'], string> = {
  anyone: 'Any admin who imports can set it.',
  telcoAdmin: 'Only a telco admin importing on behalf of the tenant can set it; a tenant admin’s value is ignored.',
};

/** The Markdown that describes a column: meaning, allowed values, default, who may set it. */
export function describeColumn(column: ColumnSpec, tenant: TenantContext, rowType?: RowType): string {
  const lines = [`**${column.name}** — ${column.title}`, '', column.help, ''];
  if (column.choices && column.choices.length > 0) {
    const heading = column.kind === 'choice' || column.kind === 'yesNo' ? 'Allowed values' : 'Special values';
    lines.push(`${heading}:`, ...column.choices.map((choice) => `- \`${choice.value}\` — ${choice.meaning}`), '');
  }
  const known = column.tenantList ? tenant.lists[column.tenantList] : undefined;
  if (known && known.length > 0) {
    lines.push('Tenant IDs:', ...known.slice(0, 20).map((entry) => `- \`${entry.id}\` — ${entry.name}`), '');
  }
  const facts: string[] = [];
  if (column.requiredColumn) facts.push('Mandatory column; every row needs a value.');
  if (column.requiredWhenPinNoticesByEmail && pinNoticesByEmail(tenant)) {
    facts.push('Mandatory here: the tenant sends PIN notices by email.');
  }
  const blank = blankMeaning(column, rowType);
  if (blank) facts.push(`Empty means: ${blank}.`);
  if (column.kind === 'choice' || column.kind === 'yesNo') {
    // The page is silent on letter case; a value the import misreads would silently change a setting.
    facts.push('Write the value exactly as listed: other spellings, even in another letter case, are flagged.');
  }
  if (column.kind === 'phone') facts.push('Digits only; numbers of an impossible length get a warning.');
  else if (column.kind === 'digits') facts.push('Digits only.');
  if (column.maxValue !== undefined) {
    const { value, described } = column.maxValue;
    facts.push(`The import page calls it ${described} (0–${value}); larger numbers get a warning.`);
  }
  facts.push(WHO_SETS[column.setBy]);
  lines.push(facts.join(' '));
  return lines.join('\n');
}

function describeValue(
  column: ColumnSpec,
  value: string,
  tenant: TenantContext,
  rowType?: RowType,
): string | undefined {
  if (value === '') {
    const blank = blankMeaning(column, rowType);
    return blank ? `Empty: ${blank}.` : undefined;
  }
  const choice = column.choices?.find((candidate) => candidate.value === value);
  if (choice) return `\`${value}\` = ${choice.meaning}`;
  const entry = column.tenantList ? tenant.lists[column.tenantList]?.find((known) => known.id === value) : undefined;
  if (entry) return `\`${value}\` = ${entry.name}`;
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
    const nearest = nearestColumnName(value);
    const hint = nearest ? ` Did you mean **${nearest}**?` : '';
    return { contents: { kind: 'markdown', value: `\`${value}\` is not an import column.${hint}` }, range };
  }
  if (!column) return null;
  const rowType = header.rowTypeOf(row);
  const meaning = describeValue(column, value.trim(), tenant, rowType);
  const markdown = (meaning ? `${meaning}\n\n---\n\n` : '') + describeColumn(column, tenant, rowType);
  return { contents: { kind: 'markdown', value: markdown }, range };
}
