/**
 * Header checks: every header cell names a column once, the mandatory columns are present, and a header wider than
 * what is checked says so once.
 */
import { closest, distance } from 'fastest-levenshtein';
import { COLUMNS, type ColumnSpec } from '../columns';
import { CELL_LIMIT } from '../csv/rowView';
import { thousands } from '../text/numbers';
import { PIN_NOTIFICATION_LABELS, pinNoticesByEmail } from '../settings';
import type { FileRule } from './rule';

const columnNames = COLUMNS.map((column) => column.name);
const lowerColumnNames = columnNames.map((name) => name.toLowerCase());

/** The known column a misspelt header most likely means, if it is close enough to be a typo. */
export function nearestColumnName(headerName: string): string | undefined {
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
          `Column ${field + 1} has no name. Name it, or delete the column.`,
        );
        return;
      }
      if (!column) {
        const nearest = nearestColumnName(cell.value);
        report(
          'unknown-column',
          cell.start,
          cell.end,
          nearest
            ? `"${cell.value}" is not an import column. Did you mean ${nearest}?`
            : `"${cell.value}" is not an import column; its values would not be imported.`,
          nearest ? { replacement: nearest } : undefined,
        );
        return;
      }
      const first = seen.get(column);
      if (first !== undefined) {
        report('duplicate-column', cell.start, cell.end, `${column.name} already appears as column ${first + 1}.`, {
          column: column.name,
        });
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
          `The header has no ${column.name} column; the import requires it.`,
          { column: column.name },
        );
      }
      if (column.requiredWhenPinNoticesByEmail && pinNoticesByEmail(settings.tenant) && !seen.has(column)) {
        const label = PIN_NOTIFICATION_LABELS[settings.tenant.pinNotification];
        report(
          'missing-email-column',
          header.start,
          header.end,
          `The tenant's PIN notification is "${label}", so the header needs an ${column.name} column.`,
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
          `The import has ${COLUMNS.length}: delete the columns it does not know.`,
      );
    }
  },
};
