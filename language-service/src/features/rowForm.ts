/**
 * One row as a form: each field of the header with its current value, its choices (the column's allowed values
 * and the tenant's IDs with their names, as completion offers them), its help and the problems found on that
 * cell; the problems of the row as a whole; and the import columns the header lacks. What the row form panel
 * shows and Go to Column lists. Changes go back as text edits (`cellEdit.ts`).
 */
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver-types';
import { blankMeaning, COLUMNS, type ColumnSpec, type RowType } from '../columns';
import { RowView } from '../csv/rowView';
import {
  cellsOf,
  columnAtField,
  documentVersion,
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
import type { ServiceSettings, TenantContext } from '../settings';
import type { SubscriberModel } from '../model/subscriberModel';
import { validate } from '../engine/editorValidation';

export interface FormChoice {
  value: string;
  /** What the value means: the column table's meaning, or the tenant's name for an ID. */
  label: string;
}

export interface FormProblem {
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

export interface RowFormField {
  /** 0-based field in the record. */
  field: number;
  /** The import column's own spelling, or the header's text when it names no import column. */
  name: string;
  /** True when the header names an import column here. */
  known: boolean;
  title?: string;
  help?: string;
  /** What an empty cell means on this row. */
  blankMeans?: string;
  /** The cell's value, unquoted. */
  value: string;
  /** The cell's range, quotes included; null when the row ends before this field. */
  range: Range | null;
  /** The values to offer, in completion's order; empty for free text. */
  choices: FormChoice[];
  /** True when a value outside `choices` is an error: a drop-down, not a suggestion list. */
  closed: boolean;
  /** The value is a secret (a PIN). */
  secret: boolean;
  problems: FormProblem[];
}

export interface RowForm {
  /** The document version the form was read from; an edit must name it. */
  version: number;
  /** 1-based data row; 0 for the header, whose fields are the column names (no choices, no defaults). */
  row: number;
  /** 0-based line where the row starts. */
  line: number;
  /** `Ann Lee, ext 101`. */
  label: string;
  type?: RowType;
  /** The field the cursor is in, or -1. */
  cursorField: number;
  fields: RowFormField[];
  /** Problems of the row that concern no single cell (too few cells, a blank row). */
  rowProblems: FormProblem[];
  /** Import columns the header does not name, in the table's order. */
  missingColumns: { name: string; title: string; help: string }[];
}

const SEVERITY: Readonly<Record<DiagnosticSeverity, FormProblem['severity']>> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** The form of the row at `position` (the header included); null before the header or past the last row. */
export function getRowForm(model: SubscriberModel, position: Position, settings: ServiceSettings): RowForm | null {
  const header = headerIndexOf(model);
  const offset = offsetOf(model, position);
  const index = recordIndexOfOffset(model, offset);
  if (header < 0 || index < header) return null;
  const isHeader = index === header;
  const identity = isHeader ? undefined : rowIdentity(model, index);
  // A view of its own: validation below reads rows through the model's shared one.
  const cells = cellsOf(model, index, new RowView());
  const start = recordStart(model, index);
  const end = recordEnd(model, index);
  const form: RowForm = {
    version: documentVersion(model),
    row: identity?.row ?? 0,
    line: positionOf(model, start).line,
    label: identity ? rowLabel(identity) : 'header',
    cursorField: cells.fieldAt(offset),
    fields: [],
    rowProblems: [],
    missingColumns: [],
  };
  if (identity?.type) form.type = identity.type;
  const spans: [number, number][] = [];
  const width = Math.max(headerWidth(model), cells.cellCount);
  for (let field = 0; field < width; field++) {
    const present = field < cells.cellCount;
    const column = columnAtField(model, field);
    // Values are offered for data cells only: a header cell holds a column's name.
    const values = isHeader ? undefined : column;
    const entry: RowFormField = {
      field,
      name: headerNameAt(model, field),
      known: column !== undefined,
      value: present ? cells.value(field) : '',
      range: present
        ? { start: positionOf(model, cells.cellStart(field)), end: positionOf(model, cells.cellEnd(field)) }
        : null,
      choices: values ? choicesOf(values, settings.tenant) : [],
      closed: values ? isClosed(values, settings.tenant) : false,
      secret: values?.secret === true,
      problems: [],
    };
    if (column) {
      entry.title = column.title;
      entry.help = column.help;
      const blank = identity ? blankMeaning(column, identity.type) : undefined;
      if (blank) entry.blankMeans = blank;
    }
    form.fields.push(entry);
    spans.push(present ? [cells.cellStart(field), cells.cellEnd(field)] : [-1, -1]);
  }
  const firstLine = form.line;
  const lastLine = positionOf(model, end).line;
  for (const diagnostic of validate(model, settings)) {
    const { start: from, end: to } = diagnostic.range;
    if (from.line < firstLine || from.line > lastLine) continue;
    const fromOffset = offsetOf(model, from);
    const toOffset = offsetOf(model, to);
    if (fromOffset < start || fromOffset > end) continue;
    // A cell's problem lies within the cell (an empty cell's, at it); one across cells is the row's.
    const field = spans.findIndex(
      ([cellStart, cellEnd]) => cellStart >= 0 && fromOffset >= cellStart && toOffset <= cellEnd,
    );
    (field >= 0 ? form.fields[field].problems : form.rowProblems).push(problemOf(diagnostic));
  }
  const named = new Set(form.fields.filter((field) => field.known).map((field) => field.name));
  for (const column of COLUMNS) {
    if (!named.has(column.name))
      form.missingColumns.push({ name: column.name, title: column.title, help: column.help });
  }
  return form;
}

/** The column's allowed or special values, then the tenant's IDs: what completion offers in its cells. */
function choicesOf(column: ColumnSpec, tenant: TenantContext): FormChoice[] {
  const choices = (column.choices ?? []).map((choice) => ({ value: choice.value, label: choice.meaning }));
  const known = column.tenantList ? (tenant.lists[column.tenantList] ?? []) : [];
  for (const entry of known) choices.push({ value: entry.id, label: entry.name });
  return choices;
}

/** A fixed list (a choice or y/n), or IDs when the tenant's list is known: anything else is an error. */
function isClosed(column: ColumnSpec, tenant: TenantContext): boolean {
  if (column.kind === 'choice' || column.kind === 'yesNo') return true;
  return column.kind === 'id' && column.tenantList !== undefined && (tenant.lists[column.tenantList]?.length ?? 0) > 0;
}

function problemOf(diagnostic: Diagnostic): FormProblem {
  return {
    severity: SEVERITY[diagnostic.severity ?? DiagnosticSeverity.Error],
    code: String(diagnostic.code ?? ''),
    message: diagnostic.message,
  };
}
