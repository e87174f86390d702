/**
 * The counts of an import as people read them, the same in the editor, its log and the CLI.
 */
import type { ImportSuccess, PreviewSuccess } from './types';

/**
 * "3 created, 1 updated, 0 failed", with "2 unchanged" before "failed" when some rows named entries the tenant
 * already had with the same values (an import of the same file again).
 */
export function countsText(result: Pick<ImportSuccess, 'created' | 'updated' | 'unchanged' | 'failed'>): string {
  const unchanged = result.unchanged > 0 ? `${result.unchanged} unchanged, ` : '';
  return `${result.created} created, ${result.updated} updated, ${unchanged}${result.failed} failed`;
}

/**
 * What a preview says an import would do: "3 to be created, 1 to be updated, 2 unchanged, 1 to fail"; for a file the
 * import would refuse, what it would refuse it for.
 */
export function previewCountsText(
  preview: Pick<PreviewSuccess, 'outcome' | 'created' | 'updated' | 'unchanged' | 'failed' | 'problems'>,
): string {
  if (preview.outcome === 'conflict') {
    return `nothing to be imported: ${preview.failed} ${preview.failed === 1 ? 'row' : 'rows'} in conflict`;
  }
  if (preview.outcome === 'rejected') {
    const problems = preview.problems.length;
    return `nothing to be imported: the file refused as a whole (${problems} ${problems === 1 ? 'problem' : 'problems'})`;
  }
  return (
    `${preview.created} to be created, ${preview.updated} to be updated, ${preview.unchanged} unchanged, ` +
    `${preview.failed} to fail`
  );
}
