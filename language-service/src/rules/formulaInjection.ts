/**
 * Names and email addresses that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first). These files
 * are opened in Excel before and after the import, so a cell such as `=HYPERLINK("http://…","Click")` is a trap
 * for whoever opens it next. See `values/formulaInjection.ts`.
 */
import {
  isTextColumn,
  mayBeginFormula,
  mayStartLikeFormula,
  startsLikeFormula,
  withoutFormulaStart,
} from '../values/formulaInjection';
import type { ColumnSpec } from '../columns';
import type { RowRule } from './rule';

export const formulaInjection: RowRule = {
  name: 'formula-injection',
  checkRow(row, { header, report }) {
    if (row.blank) return;
    for (const field of header.fieldsWhere('text', isTextColumn)) {
      if (field >= row.cellCount) break;
      // A plain cell (unquoted, nothing to trim) is judged by its first character, without making its value.
      if (row.isPlain(field) && !mayBeginFormula(row.codeAt(row.cellStart(field)))) continue;
      const raw = row.value(field);
      if (!mayStartLikeFormula(raw)) continue;
      const value = raw.trim();
      if (!startsLikeFormula(value)) continue;
      const column = header.columnOfField[field] as ColumnSpec;
      const replacement = withoutFormulaStart(value);
      report(
        'formula-injection',
        row.cellStart(field),
        row.cellEnd(field),
        `${column.name} starts with "${value[0]}", so a spreadsheet opening this file would run it as a formula. Remove the leading "${value[0]}" unless the value is meant to start with it.`,
        replacement === '' ? { column: column.name } : { column: column.name, replacement },
      );
    }
  },
};
