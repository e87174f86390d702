/**
 * Secrets that are easy to guess: one digit repeated, digits in order, or the value of the column the table says
 * a secret must differ from (a PIN equal to the row's own extension). The value is a secret, so the message names
 * the weakness and never the digits (nor the other value, which would give them).
 */
import type { ColumnSpec } from '../columns';
import { PIN_WEAKNESS_REASONS, pinWeakness } from '../values/weakPin';
import type { RowRule } from './rule';

const guessable = (column: ColumnSpec) => column.secret === true && column.kind === 'digits';

export const weakPin: RowRule = {
  name: 'weak-pin',
  checkRow(row, { header, report }) {
    if (row.blank) return;
    for (const field of header.fieldsWhere('guessable secret', guessable)) {
      if (field >= row.cellCount) continue;
      const secret = row.value(field).trim();
      if (secret === '') continue;
      const column = header.columnOfField[field] as ColumnSpec;
      const other = column.weakIfEqualTo === undefined ? '' : header.valueOf(row, column.weakIfEqualTo);
      const weakness = pinWeakness(secret, other);
      if (!weakness) continue;
      report(
        'weak-pin',
        row.cellStart(field),
        row.cellEnd(field),
        `This ${column.name} is easy to guess: ${PIN_WEAKNESS_REASONS[weakness]}. Choose another, or leave it empty and set SysPIN = y so that the system makes one up.`,
        { column: column.name },
      );
    }
  },
};
