/**
 * Quick fixes, chosen by diagnostic code and built from the details in the diagnostic's `data`
 * (never from its message text).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, isKnownCode } from '../catalog/diagnosticCodes';
import type { FixableCode } from '../catalog/fixKinds';
import type { SubscriberModel } from '../model/subscriberModel';
import type { DiagnosticData } from '../rules/report';
import type { RowView } from '../csv/rowView';
import { extraCellsAreEmpty } from '../rules/rowShape';
import { convertToCommas, detectDelimiter } from '../rules/wrongDelimiter';

type Fixer = (diagnostic: Diagnostic, data: DiagnosticData, model: SubscriberModel) => CodeAction | undefined;

function replaceWith(title: (replacement: string) => string): Fixer {
  return (diagnostic, data, model) => {
    if (data.replacement === undefined) return undefined;
    return fix(
      title(data.replacement),
      diagnostic,
      model,
      [{ range: diagnostic.range, newText: csvField(data.replacement) }],
      true,
    );
  };
}

/** A record's range in the document. */
function recordRange(model: SubscriberModel, index: number) {
  const doc = model.document;
  return { start: doc.positionAt(model.records.starts[index]), end: doc.positionAt(model.records.ends[index]) };
}

/** A value written as a CSV cell: quoted, its quotes doubled, when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Adds a column at the end of the header, and an empty cell under it on every data row. */
const addColumn: Fixer = (diagnostic, data, model) => {
  const header = model.header;
  if (!header || !data.column) return undefined;
  const width = header.width;
  const doc = model.document;
  const at = (offset: number) => ({ start: doc.positionAt(offset), end: doc.positionAt(offset) });
  const edits: TextEdit[] = [{ range: at(header.end), newText: `,${data.column}` }];
  for (let index = model.headerIndex + 1; index < model.records.count; index++) {
    const row = model.row(index);
    if (row.blank) continue;
    if (row.cellCount >= width) edits.push({ range: at(row.cellEnd(width - 1)), newText: ',' });
    else edits.push({ range: at(row.end), newText: ','.repeat(width - row.cellCount + 1) });
  }
  return fix(`Add the ${data.column} column`, diagnostic, model, edits, true);
};

/** Deletes an empty row together with its line break. */
const deleteRow: Fixer = (diagnostic, _data, model) => {
  const doc = model.document;
  const index = model.recordIndexAt(doc.offsetAt(diagnostic.range.start));
  if (index < 0) return undefined;
  const records = model.records;
  const length = model.source.length;
  const hasNext = index + 1 < records.count;
  const end = hasNext ? records.starts[index + 1] : length;
  const rowStart = records.starts[index];
  // The row's own line break goes with it; only a last row with no line break of its own takes the one before it,
  // so that the file keeps ending as it did.
  const start = hasNext || records.ends[index] < length ? rowStart : Math.max(0, previousLineBreak(model, rowStart));
  return fix(
    'Delete the empty row',
    diagnostic,
    model,
    [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText: '' }],
    true,
  );
};

/** Removes extra cells past the header's width when they are all empty (a trailing comma or two). */
const trimExtraCells: Fixer = (diagnostic, _data, model) => {
  const index = model.recordIndexAt(model.document.offsetAt(diagnostic.range.start));
  if (index < 0 || !model.header) return undefined;
  if (!extraCellsAreEmpty(model.row(index), model.header.width)) return undefined;
  return fix('Remove the empty extra cells', diagnostic, model, [{ range: diagnostic.range, newText: '' }], true);
};

/** Adds the empty cells a short row lacks, so that it has as many as the header. */
const padRow: Fixer = (diagnostic, _data, model) => {
  const index = model.recordIndexAt(model.document.offsetAt(diagnostic.range.start));
  const header = model.header;
  if (index < 0 || !header) return undefined;
  const row = model.row(index);
  const missing = header.width - row.cellCount;
  if (missing <= 0 || row.unterminated) return undefined;
  const at = model.document.positionAt(row.end);
  const cellsWord = missing === 1 ? 'cell' : 'cells';
  return fix(
    `Add the ${missing} missing empty ${cellsWord}`,
    diagnostic,
    model,
    [{ range: { start: at, end: at }, newText: ','.repeat(missing) }],
    true,
  );
};

/** Removes the quotes around a header written as one quoted cell, and around every data row quoted the same way. */
const unquoteHeader: Fixer = (diagnostic, data, model) => {
  const header = model.header;
  if (data.replacement === undefined || !header || header.quotedAsOneCell !== data.replacement) return undefined;
  const edits: TextEdit[] = [{ range: recordRange(model, header.index), newText: data.replacement }];
  for (let index = header.index + 1; index < model.records.count; index++) {
    const row = model.row(index);
    if (row.blank || row.cellCount !== 1) continue;
    const cell = row.cell(0);
    if (cell?.quoted && cell.value.includes(',') && !/[\r\n]/.test(cell.value)) {
      edits.push({ range: recordRange(model, index), newText: cell.value });
    }
  }
  return fix('Remove the quotes around the header (and rows quoted the same way)', diagnostic, model, edits, true);
};

/** Rewrites the whole file with commas between cells, when that keeps every value (see `convertToCommas`). */
const convertDelimiter: Fixer = (diagnostic, _data, model) => {
  const header = model.header;
  const delimiter = header && detectDelimiter(model.source.slice(header.start, header.end), header.knownColumnCount);
  if (!delimiter) return undefined;
  const length = model.source.length;
  const converted = convertToCommas(model.source.slice(0, length), delimiter.character);
  if (converted === undefined) return undefined;
  const doc = model.document;
  const range = { start: doc.positionAt(0), end: doc.positionAt(length) };
  return fix(
    `Convert the file to commas (it is ${delimiter.description})`,
    diagnostic,
    model,
    [{ range, newText: converted }],
    true,
  );
};

/**
 * The edits deleting column `field` (its header cell and its cell on every row), or undefined when a row's cell
 * fails `keep` (then deleting would lose something the fix promises not to).
 */
function deleteColumnEdits(
  model: SubscriberModel,
  field: number,
  keep: (row: RowView) => boolean = () => true,
): TextEdit[] | undefined {
  const header = model.header;
  if (!header || field < 0 || header.cells.length < 2) return undefined;
  const doc = model.document;
  const cells = header.cells;
  // The cell goes with the comma before it (after it, for the first cell).
  const span = (starts: (f: number) => number, ends: (f: number) => number) =>
    field > 0 ? { from: ends(field - 1), to: ends(field) } : { from: starts(0), to: starts(1) };
  const removals = [
    span(
      (f) => cells[f].start,
      (f) => cells[f].end,
    ),
  ];
  for (let index = model.headerIndex + 1; index < model.records.count; index++) {
    const row = model.row(index);
    if (!keep(row)) return undefined;
    if (field >= row.cellCount || (field === 0 && row.cellCount < 2)) continue;
    removals.push(
      span(
        (f) => row.cellStart(f),
        (f) => row.cellEnd(f),
      ),
    );
  }
  return removals.map(({ from, to }) => ({
    range: { start: doc.positionAt(from), end: doc.positionAt(to) },
    newText: '',
  }));
}

/** The header field whose cell starts where the diagnostic does. */
function headerFieldAt(model: SubscriberModel, diagnostic: Diagnostic): number {
  const start = model.document.offsetAt(diagnostic.range.start);
  return model.header ? model.header.cells.findIndex((cell) => cell.start === start) : -1;
}

/** Deletes a header cell with no name, and its cell on every row, when all those cells are empty (a trailing comma). */
const deleteEmptyColumn: Fixer = (diagnostic, _data, model) => {
  const field = headerFieldAt(model, diagnostic);
  const edits = deleteColumnEdits(model, field, (row) => row.value(field).trim() === '');
  return edits && fix('Delete the empty column', diagnostic, model, edits, true);
};

/** Deletes a column the import does not know, values and all: offered, never preferred (nothing needs it). */
const deleteUnknownColumn: Fixer = (diagnostic, _data, model) => {
  const field = headerFieldAt(model, diagnostic);
  const edits = deleteColumnEdits(model, field);
  return edits && fix('Delete this column and its values', diagnostic, model, edits, false);
};

/** Deletes a repeated column when every row holds the same value in it as in the column's first occurrence. */
const deleteRepeatedColumn: Fixer = (diagnostic, _data, model) => {
  const field = headerFieldAt(model, diagnostic);
  const first = model.header?.repeatedFields.find((repeated) => repeated.field === field)?.first;
  if (first === undefined) return undefined;
  const edits = deleteColumnEdits(model, field, (row) => row.value(field).trim() === row.value(first).trim());
  return (
    edits && fix('Delete the repeated column (every row holds the same value in both)', diagnostic, model, edits, true)
  );
};

/** One fixer for each code that has a fix (`FIX_KINDS` says which; TypeScript keeps the two lists equal). */
const FIXERS: Readonly<Record<FixableCode, Fixer>> = {
  'value-case': replaceWith((value) => `Change to ${value}`),
  'not-yes-no': replaceWith((value) => `Change to ${value}`),
  'invalid-choice': replaceWith((value) => `Change to ${value}`),
  'phone-punctuation': replaceWith((value) => `Keep only the digits: ${value}`),
  'extra-spaces': replaceWith(() => 'Remove the spaces around the value'),
  'misspelt-column': replaceWith((value) => `Rename the column to ${value}`),
  'unknown-column': deleteUnknownColumn,
  'duplicate-column': deleteRepeatedColumn,
  'missing-column': addColumn,
  'missing-email-column': addColumn,
  'missing-header': unquoteHeader,
  'blank-row': deleteRow,
  'extra-empty-cells': trimExtraCells,
  'too-few-fields': padRow,
  'formula-injection': replaceWith(() => 'Remove the leading formula characters (=, +, -, @)'),
  'wrong-delimiter': convertDelimiter,
  'blank-column-name': deleteEmptyColumn,
};

export function getCodeActions(model: SubscriberModel, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const action = quickFixFor(model, diagnostic);
    if (action) actions.push(action);
  }
  return actions;
}

/** The quick fix of one diagnostic of ours, built from its code and `data`; undefined when it has none. */
export function quickFixFor(model: SubscriberModel, diagnostic: Diagnostic): CodeAction | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isKnownCode(diagnostic.code)) return undefined;
  if (!Object.hasOwn(FIXERS, diagnostic.code)) return undefined;
  return FIXERS[diagnostic.code as FixableCode](diagnostic, (diagnostic.data ?? {}) as DiagnosticData, model);
}

function fix(
  title: string,
  diagnostic: Diagnostic,
  model: SubscriberModel,
  edits: TextEdit[],
  preferred: boolean,
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: { changes: { [model.document.uri]: edits } },
  };
}

/** The offset before the line break that ends just before `offset`. */
function previousLineBreak(model: SubscriberModel, offset: number): number {
  const before = model.source.slice(Math.max(0, offset - 2), offset);
  let at = offset;
  let last = before.length - 1;
  if (before.charCodeAt(last) === 10) {
    at--;
    last--;
  }
  if (before.charCodeAt(last) === 13) at--;
  return at;
}
