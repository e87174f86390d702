/**
 * The choices of Go to Column: the row's fields in the header's order (name, place, title, help), then the import
 * columns the header lacks, which can be read about but not gone to. Pure, so that it is tested without an editor.
 */
import type { RowForm } from '../../../common/protocol';

export interface ColumnPick {
  label: string;
  description: string;
  detail: string;
  /** The field to go to; undefined for a column the header lacks. */
  field?: number;
  /** Set on the first pick of the columns the header lacks, which a separator should introduce. */
  separatorBefore?: string;
}

export function columnPicks(form: RowForm): ColumnPick[] {
  const picks: ColumnPick[] = form.fields.map((field) => ({
    label: field.name || `(column ${field.field + 1} has no name)`,
    description: `column ${field.field + 1}${field.known ? ` · ${field.title}` : ' · not an import column'}${field.range ? '' : ' · not on this row'}`,
    detail: field.help ?? '',
    field: field.field,
  }));
  form.missingColumns.forEach((column, index) => {
    const pick: ColumnPick = {
      label: column.name,
      description: `${column.title} · not in this file`,
      detail: column.help,
    };
    if (index === 0) pick.separatorBefore = 'Not in this file’s header';
    picks.push(pick);
  });
  return picks;
}

/** The field a name given to the command stands for: a header name, in any letter case. */
export function fieldNamed(form: RowForm, name: string): number | undefined {
  const wanted = name.trim().toLowerCase();
  return form.fields.find((field) => field.name.toLowerCase() === wanted)?.field;
}

/** Why the cursor cannot go to a pick, or undefined when it can. */
export function whyNotThere(form: RowForm, pick: ColumnPick): string | undefined {
  const where = form.row === 0 ? 'The header' : `Row ${form.row}`;
  if (pick.field === undefined) return `${pick.label} is not a column of this file; Go to Column adds nothing.`;
  const field = form.fields[pick.field];
  if (!field.range) {
    const cells = form.fields.filter((candidate) => candidate.range).length;
    return `${where} ends before ${pick.label} (column ${pick.field + 1}): it has ${cells} ${cells === 1 ? 'cell' : 'cells'}.`;
  }
  return undefined;
}
