/**
 * The PIN rules of the import page, which tie the Email, PIN and SysPIN cells of a row together:
 * an email is needed when PIN notices go by email or when the system makes up the PIN, and a given PIN
 * wins over a generated one.
 */
import { PIN_NOTIFICATION_LABELS, pinNoticesByEmail } from '../settings';
import { cellOf, valueOf } from '../subscriberModel';
import { isValidEmail } from '../values/emailValues';
import type { RowRule } from './rule';

export const pinAndEmail: RowRule = {
  name: 'pin-and-email',
  checkRow(row, { model, settings, report }) {
    // A row cut short by an unclosed quote may have its Email, PIN or SysPIN swallowed: nothing to tie together.
    if (row.blank || row.unterminated) return;
    const email = valueOf(model, row, 'Email');
    const emailCell = cellOf(model, row, 'Email');
    const sysPinCell = cellOf(model, row, 'SysPIN');
    const sysPin = valueOf(model, row, 'SysPIN') === 'y';
    const byEmail = pinNoticesByEmail(settings.tenant);
    const label = PIN_NOTIFICATION_LABELS[settings.tenant.pinNotification];

    // Where the row has an Email column, point at its cell; otherwise the header rule already reports the column.
    if (byEmail && email === '' && model.fieldOfColumn.has('Email')) {
      const at = emailCell ?? { start: row.end, end: row.end };
      report(
        'email-required',
        at.start,
        at.end,
        `The tenant's PIN notification is "${label}": this row needs an Email.`,
        {
          column: 'Email',
        },
      );
    }
    if (!sysPin || !sysPinCell) return;
    if (!isValidEmail(email)) {
      report(
        'syspin-needs-email',
        sysPinCell.start,
        sysPinCell.end,
        email === ''
          ? 'SysPIN = y needs a valid Email on this row, and this row has none.'
          : `SysPIN = y needs a valid Email on this row; "${email}" is not one.`,
        { column: 'SysPIN' },
      );
    }
    const pinCell = cellOf(model, row, 'PIN');
    const pinGiven = pinCell !== undefined && pinCell.value.trim() !== '';
    if (pinGiven) {
      report(
        'pin-overrides-syspin',
        pinCell.start,
        pinCell.end,
        'This row gives a PIN and sets SysPIN = y: the given PIN is used and no PIN is generated.',
        { column: 'PIN' },
      );
    }
    // The page sends the PIN details whenever SysPIN = y and notices go by email, whichever PIN is applied.
    if (byEmail && isValidEmail(email)) {
      const which = pinGiven ? 'The PIN given on this row' : 'The generated PIN';
      report('pin-email-sent', sysPinCell.start, sysPinCell.end, `${which} will be emailed to ${email}.`, {
        column: 'SysPIN',
      });
    }
  },
};
