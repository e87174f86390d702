/**
 * The PIN rules of the import page, which tie three columns of a row together: the address PIN notices go to,
 * the PIN, and the flag that has the system make one up (their `pinRole` in the column table). An address is
 * needed when PIN notices go by email or when the system makes up the PIN, and a given PIN wins over a generated one.
 */
import { COLUMNS, type ColumnSpec, type PinRole } from '../columns';
import type { Header } from '../model/header';
import { PIN_NOTIFICATION_LABELS, pinNoticesByEmail } from '../settings';
import { isValidEmail } from '../values/emailValues';
import type { RowRule } from './rule';

type RoleHolder = { field: number; column: ColumnSpec } | undefined;

/** Each header's answers, kept: asked on every row, and an object made for each would be garbage for each. */
const holders = new WeakMap<Header, Map<PinRole, RoleHolder>>();

/** The field and column playing `role` in the header, if it has one. */
function withRole(header: Header, role: PinRole): RoleHolder {
  let known = holders.get(header);
  if (!known) holders.set(header, (known = new Map()));
  if (known.has(role)) return known.get(role);
  const field = header.fieldWhere(role, (column) => column.pinRole === role);
  const holder = field === undefined ? undefined : { field, column: header.columnOfField[field] as ColumnSpec };
  known.set(role, holder);
  return holder;
}

const requiredByEmail = (column: ColumnSpec) => column.requiredWhenPinNoticesByEmail === true;

/** The column PIN notices go to, named in messages even when the header lacks it. */
const ADDRESS_COLUMN = COLUMNS.find((column) => column.pinRole === 'noticeAddress') as ColumnSpec;

export const pinAndEmail: RowRule = {
  name: 'pin-and-email',
  checkRow(row, { header, settings, report }) {
    // A row cut short by an unclosed quote may have its cells swallowed: nothing to tie together.
    if (row.blank || row.unterminated) return;
    const byEmail = pinNoticesByEmail(settings.tenant);
    const label = PIN_NOTIFICATION_LABELS[settings.tenant.pinNotification];

    // The page makes the column mandatory, not each cell: an empty cell on a row that would get a PIN notice warns.
    // Where the row has the column, point at its cell; otherwise the header rule already reports the column.
    const required = byEmail ? header.fieldWhere('requiredByEmail', requiredByEmail) : undefined;
    if (required !== undefined && row.value(required).trim() === '') {
      const column = header.columnOfField[required] as ColumnSpec;
      const rowType = header.rowTypeOf(row);
      if (rowType && column.pinNoticeRowTypes?.includes(rowType)) {
        const present = required < row.cellCount;
        report(
          'email-required',
          present ? row.cellStart(required) : row.end,
          present ? row.cellEnd(required) : row.end,
          `The tenant's PIN notification setting is "${label}", so PIN notices go by email, and this ${rowType} has no ${column.name}: it will get no PIN notice by email.`,
          { column: column.name },
        );
      }
    }
    const generate = withRole(header, 'generatePin');
    if (!generate || generate.field >= row.cellCount || row.value(generate.field).trim() !== 'y') return;
    const flag = `${generate.column.name} = y`;
    const flagStart = row.cellStart(generate.field);
    const flagEnd = row.cellEnd(generate.field);
    const address = withRole(header, 'noticeAddress');
    const addressName = ADDRESS_COLUMN.name;
    const email = address ? row.value(address.field).trim() : '';
    const validEmail = isValidEmail(email);
    if (!validEmail) {
      report(
        'syspin-needs-email',
        flagStart,
        flagEnd,
        email === ''
          ? `${flag} needs a valid ${addressName} on this row, and this row has none.`
          : `${flag} needs a valid ${addressName} on this row; "${email}" is not one.`,
        { column: generate.column.name },
      );
    }
    const pin = withRole(header, 'pin');
    const pinGiven = pin !== undefined && pin.field < row.cellCount && row.value(pin.field).trim() !== '';
    if (pin && pinGiven) {
      report(
        'pin-overrides-syspin',
        row.cellStart(pin.field),
        row.cellEnd(pin.field),
        `This row gives a ${pin.column.name} and sets ${flag}: the given ${pin.column.name} is used and no PIN is generated.`,
        { column: pin.column.name },
      );
    }
    // The page sends the PIN details whenever the flag is set and notices go by email, whichever PIN is applied.
    if (byEmail && validEmail) {
      const which = pinGiven ? 'The PIN given on this row' : 'The generated PIN';
      report(
        'pin-email-sent',
        flagStart,
        flagEnd,
        `${which} will be emailed to ${email}: the tenant's PIN notification setting is "${label}".`,
        { column: generate.column.name },
      );
    }
  },
};
