/**
 * How a refused row is put in words, the same in the editor's diagnostics, its views, its log and the CLI: the
 * endpoint's reason, with the column named before it only when the reason does not already name it (the reason
 * "Extension 301 is already in use on the tenant." is not made "Extension: Extension 301 …").
 */
import type { RowResult } from './types';

export function rowReason(row: Pick<RowResult, 'column' | 'reason'>): string {
  const reason = row.reason?.trim() || 'The endpoint refused this row.';
  const column = row.column;
  if (!column || namesColumn(reason, column)) return reason;
  return `${column}: ${reason}`;
}

function namesColumn(reason: string, column: string): boolean {
  const at = reason.toLowerCase().indexOf(column.toLowerCase());
  if (at < 0) return false;
  const before = reason[at - 1] ?? ' ';
  const after = reason[at + column.length] ?? ' ';
  return !/[A-Za-z0-9]/.test(before) && !/[A-Za-z0-9]/.test(after);
}
