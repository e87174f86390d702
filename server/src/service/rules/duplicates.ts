/**
 * Values that must be unique: an Extension used by two rows or already taken on the tenant,
 * and an Email on two rows.
 */
import type { CsvCell } from '../csv/csvModel';
import type { DiagnosticCode } from '../diagnosticCatalog';
import { cellOf } from '../subscriberModel';
import type { FileRule, RuleContext } from './rule';

function reportDuplicates(
  context: RuleContext,
  columnName: string,
  code: DiagnosticCode,
  normalise: (v: string) => string,
) {
  const { model, report } = context;
  if (!model.fieldOfColumn.has(columnName)) return;
  const rowsByValue = new Map<string, { cell: CsvCell; line: number }[]>();
  for (const row of model.dataRows) {
    if (row.blank) continue;
    const cell = cellOf(model, row, columnName);
    const value = cell ? normalise(cell.value.trim()) : '';
    if (!cell || value === '') continue;
    const line = model.document.positionAt(row.start).line + 1;
    const seen = rowsByValue.get(value);
    if (seen) seen.push({ cell, line });
    else rowsByValue.set(value, [{ cell, line }]);
  }
  for (const [value, uses] of rowsByValue) {
    if (uses.length < 2) continue;
    for (const use of uses) {
      const others = uses.filter((other) => other !== use).map((other) => other.line);
      report(code, use.cell.start, use.cell.end, `${columnName} ${value} is also used on line ${others.join(', ')}.`, {
        column: columnName,
      });
    }
  }
}

export const duplicateValues: FileRule = {
  name: 'duplicate-values',
  checkFile(context) {
    reportDuplicates(context, 'Extension', 'duplicate-extension', (value) => value);
    reportDuplicates(context, 'Email', 'duplicate-email', (value) => value.toLowerCase());
  },
};

export const extensionsInUse: FileRule = {
  name: 'extensions-in-use',
  checkFile({ model, settings, report }) {
    const inUse = settings.tenant.extensionsInUse;
    if (!inUse || inUse.length === 0 || !model.fieldOfColumn.has('Extension')) return;
    const taken = new Set(inUse);
    for (const row of model.dataRows) {
      const cell = cellOf(model, row, 'Extension');
      if (cell && taken.has(cell.value.trim())) {
        report(
          'extension-in-use',
          cell.start,
          cell.end,
          `Extension ${cell.value.trim()} is already in use on the tenant.`,
          {
            column: 'Extension',
          },
        );
      }
    }
  },
};
