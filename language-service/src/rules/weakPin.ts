/**
 * PINs that are easy to guess: one digit repeated, digits in order, or the row's own extension. The PIN is a
 * secret, so the message names the weakness and never the digits (nor the extension, which would give them).
 */
import { valueOf } from '../subscriberModel';
import { PIN_WEAKNESS_REASONS, pinWeakness } from '../values/weakPin';
import type { RowRule } from './rule';

export const weakPin: RowRule = {
  name: 'weak-pin',
  checkRow(row, { model, report }) {
    if (row.blank) return;
    const field = model.fieldOfColumn.get('PIN');
    if (field === undefined || field >= row.cellCount) return;
    const weakness = pinWeakness(row.value(field).trim(), valueOf(model, row, 'Extension'));
    if (!weakness) return;
    report(
      'weak-pin',
      row.cellStart(field),
      row.cellEnd(field),
      `This PIN is easy to guess: ${PIN_WEAKNESS_REASONS[weakness]}. Choose another, or leave it empty and set SysPIN = y so that the system makes one up.`,
      { column: 'PIN' },
    );
  },
};
