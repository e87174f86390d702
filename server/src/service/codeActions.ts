/**
 * Quick fixes, chosen by diagnostic code and built from the details in the diagnostic's `data`
 * (never from its message text).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type DiagnosticCode } from './diagnosticCatalog';
import type { DiagnosticData } from './rules/report';
import { recordAt, type SubscriberModel } from './subscriberModel';

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

/** A value written as a CSV cell: quoted, its quotes doubled, when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Adds a column at the end of the header, and an empty cell under it on every data row. */
const addColumn: Fixer = (diagnostic, data, model) => {
  const header = model.header;
  if (!header || !data.column) return undefined;
  const width = header.cells.length;
  const doc = model.document;
  const at = (offset: number) => ({ start: doc.positionAt(offset), end: doc.positionAt(offset) });
  const edits: TextEdit[] = [{ range: at(header.end), newText: `,${data.column}` }];
  for (const row of model.dataRows) {
    if (row.blank) continue;
    if (row.cells.length >= width) edits.push({ range: at(row.cells[width - 1].end), newText: ',' });
    else edits.push({ range: at(row.end), newText: ','.repeat(width - row.cells.length + 1) });
  }
  return fix(`Add the ${data.column} column`, diagnostic, model, edits, true);
};

/** Deletes an empty row together with its line break. */
const deleteRow: Fixer = (diagnostic, _data, model) => {
  const doc = model.document;
  const row = recordAt(model, doc.offsetAt(diagnostic.range.start));
  if (!row) return undefined;
  const text = doc.getText();
  const next = model.csv.records[row.index + 1];
  const end = next ? next.start : text.length;
  // The row's own line break goes with it; only a last row with no line break of its own takes the one before it,
  // so that the file keeps ending as it did.
  const start = next || row.end < text.length ? row.start : Math.max(0, previousLineBreak(text, row.start));
  return fix(
    'Delete the empty row',
    diagnostic,
    model,
    [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) } }].map((r) => ({ ...r, newText: '' })),
    true,
  );
};

/** Removes extra cells past the header's width when they are all empty (a trailing comma or two). */
const trimExtraCells: Fixer = (diagnostic, _data, model) => {
  const doc = model.document;
  const row = recordAt(model, doc.offsetAt(diagnostic.range.start));
  const width = model.header?.cells.length ?? 0;
  if (!row || row.cells.slice(width).some((cell) => cell.value !== '')) return undefined;
  return fix('Remove the empty extra cells', diagnostic, model, [{ range: diagnostic.range, newText: '' }], true);
};

const FIXERS: Partial<Record<DiagnosticCode, Fixer>> = {
  'value-case': replaceWith((value) => `Change to ${value}`),
  'not-yes-no': replaceWith((value) => `Change to ${value}`),
  'invalid-choice': replaceWith((value) => `Change to ${value}`),
  'phone-punctuation': replaceWith((value) => `Keep only the digits: ${value}`),
  'extra-spaces': replaceWith(() => 'Remove the spaces around the value'),
  'unknown-column': replaceWith((value) => `Rename the column to ${value}`),
  'missing-column': addColumn,
  'missing-email-column': addColumn,
  'blank-row': deleteRow,
  'too-many-fields': trimExtraCells,
};

export function getCodeActions(model: SubscriberModel, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const fixer = FIXERS[diagnostic.code as DiagnosticCode];
    const action = fixer?.(diagnostic, (diagnostic.data ?? {}) as DiagnosticData, model);
    if (action) actions.push(action);
  }
  return actions;
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

function previousLineBreak(text: string, offset: number): number {
  let at = offset;
  if (text.charCodeAt(at - 1) === 10) at--;
  if (text.charCodeAt(at - 1) === 13) at--;
  return at;
}
