/**
 * The counts of an import as people read them, the same in the editor, its log and the CLI.
 */
import type { ImportSuccess } from './types';

/**
 * "3 created, 1 updated, 0 failed", with "2 unchanged" before "failed" when some rows named entries the tenant
 * already had with the same values (an import of the same file again).
 */
export function countsText(result: Pick<ImportSuccess, 'created' | 'updated' | 'unchanged' | 'failed'>): string {
  const unchanged = result.unchanged > 0 ? `${result.unchanged} unchanged, ` : '';
  return `${result.created} created, ${result.updated} updated, ${unchanged}${result.failed} failed`;
}
