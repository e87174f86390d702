/**
 * The PIN rules of the import page, which tie the Email, PIN and SysPIN cells of a row together:
 * an email is needed when PIN notices go by email or when the system makes up the PIN, and a given PIN
 * wins over a generated one.
 */
import { PIN_NOTIFICATION_LABELS, pinNoticesByEmail } from '../settings';
import { valueOf } from '../subscriberModel';
import { isValidEmail } from '../values/emailValues';
import type { RowRule } from './rule';

export const pinAndEmail: RowRule = {
  name: 'pin-and-email',
  checkRow(row, { model, settings, report }) {
    // A row cut short by an unclosed quote may have its Email, PIN or SysPIN swallowed: nothing to tie together.
    if (row.blank || row.unterminated) return;
    const emailField = model.fieldOfColumn.get('Email');
    const sysPinField = model.fieldOfColumn.get('SysPIN') ?? -1;
    const email = valueOf(model, row, 'Email');
    const byEmail = pinNoticesByEmail(settings.tenant);
    const label = PIN_NOTIFICATION_LABELS[settings.tenant.pinNotification];

    // Where the row has an Email column, point at its cell; otherwise the header rule already reports the column.
    if (byEmail && email === '' && emailField !== undefined) {
      const present = emailField < row.cellCount;
      report(
        'email-required',
        present ? row.cellStart(emailField) : row.end,
        present ? row.cellEnd(emailField) : row.end,
        `The tenant's PIN notification is "${label}": this row needs an Email.`,
        { column: 'Email' },
      );
    }
    if (sysPinField < 0 || sysPinField >= row.cellCount || valueOf(model, row, 'SysPIN') !== 'y') return;
    const sysPinStart = row.cellStart(sysPinField);
    const sysPinEnd = row.cellEnd(sysPinField);
    const validEmail = isValidEmail(email);
    if (!validEmail) {
      report(
        'syspin-needs-email',
        sysPinStart,
        sysPinEnd,
        email === ''
          ? 'SysPIN = y needs a valid Email on this row, and this row has none.'
          : `SysPIN = y needs a valid Email on this row; "${email}" is not one.`,
        { column: 'SysPIN' },
      );
    }
    const pinField = model.fieldOfColumn.get('PIN') ?? -1;
    const pinGiven = pinField >= 0 && pinField < row.cellCount && row.value(pinField).trim() !== '';
    if (pinGiven) {
      report(
        'pin-overrides-syspin',
        row.cellStart(pinField),
        row.cellEnd(pinField),
        'This row gives a PIN and sets SysPIN = y: the given PIN is used and no PIN is generated.',
        { column: 'PIN' },
      );
    }
    // The page sends the PIN details whenever SysPIN = y and notices go by email, whichever PIN is applied.
    if (byEmail && validEmail) {
      const which = pinGiven ? 'The PIN given on this row' : 'The generated PIN';
      report('pin-email-sent', sysPinStart, sysPinEnd, `${which} will be emailed to ${email}.`, {
        column: 'SysPIN',
      });
    }
  },
};
