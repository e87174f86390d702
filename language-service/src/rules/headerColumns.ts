/**
 * Header checks: every header cell names a column once, the mandatory columns are present, and a header wider than
 * what is checked says so once.
 */
import { closest, distance } from 'fastest-levenshtein';
import { COLUMNS, type ColumnName, type ColumnSpec } from '../columns';
import { CELL_LIMIT } from '../csv/rowView';
import { thousands } from '../text/numbers';
import { PIN_NOTIFICATION_LABELS, pinNoticesByEmail } from '../settings';
import type { FileRule } from './rule';

const columnNames = COLUMNS.map((column) => column.name);
const lowerColumnNames = columnNames.map((name) => name.toLowerCase());

/** The known column a misspelt header most likely means, if it is close enough to be a typo. */
export function nearestColumnName(headerName: string): ColumnName | undefined {
  const lower = headerName.trim().toLowerCase();
  if (lower === '') return undefined;
  const best = closest(lower, lowerColumnNames);
  const allowed = Math.max(2, Math.floor(best.length / 3));
  return distance(lower, best) <= allowed ? columnNames[lowerColumnNames.indexOf(best)] : undefined;
}

export const headerColumns: FileRule = {
  name: 'header-columns',
  checkFile({ header, settings, report }) {
    if (!header.looksLikeSubscriberFile) return;
    const seen = new Map<ColumnSpec, number>();
    header.cells.forEach((cell, field) => {
      const column = header.columnOfField[field];
      if (cell.value.trim() === '') {
        report(
          'blank-column-name',
          cell.start,
          cell.end,
          `Column ${field + 1} has no name, so the import has nowhere to put its values. Delete it if it is empty (a trailing comma, as Excel writes it), or name it.`,
        );
        return;
      }
      if (!column) {
        // A close misspelling of a column the header lacks would lose that column's values without a word.
        const nearest = nearestColumnName(cell.value);
        if (nearest && header.fieldOf(nearest) === undefined) {
          report(
            'misspelt-column',
            cell.start,
            cell.end,
            `"${cell.value}" is not an import column: did you mean ${nearest}? As written, its values would not be imported.`,
            { replacement: nearest },
          );
        } else {
          report(
            'unknown-column',
            cell.start,
            cell.end,
            `"${cell.value}" is not an import column; the import will ignore its values (our reading: the page lists only its own columns).`,
          );
        }
        return;
      }
      const first = seen.get(column);
      if (first !== undefined) {
        report(
          'duplicate-column',
          cell.start,
          cell.end,
          `${column.name} already appears as column ${first + 1}. Rows holding the same value in both are fine; a row holding two different values is an error.`,
          { column: column.name },
        );
        return;
      }
      seen.set(column, field);
    });
    for (const column of COLUMNS) {
      if (column.requiredColumn && !seen.has(column)) {
        report(
          'missing-column',
          header.start,
          header.end,
          `The header has no ${column.name} column; the page makes it mandatory.`,
          { column: column.name },
        );
      }
      if (column.requiredWhenPinNoticesByEmail && pinNoticesByEmail(settings.tenant) && !seen.has(column)) {
        const label = PIN_NOTIFICATION_LABELS[settings.tenant.pinNotification];
        report(
          'missing-email-column',
          header.start,
          header.end,
          `The tenant's PIN notification setting is "${label}": the page then makes the ${column.name} column mandatory, and this header has none.`,
          { column: column.name },
        );
      }
    }
    if (header.width > header.cells.length) {
      // Past the limit the fields are counted, not read: one diagnostic for all of them.
      const lastKept = header.cells[header.cells.length - 1];
      report(
        'too-many-columns',
        lastKept.end,
        header.end,
        `This header has ${thousands(header.width)} columns; only the first ${thousands(CELL_LIMIT)} are checked. ` +
          `The import has ${COLUMNS.length}: delete the columns past them if they are empty.`,
      );
    }
  },
};
