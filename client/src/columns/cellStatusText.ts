/**
 * What the status bar says about the cursor's cell: `SysPIN · column 31 of 32` and `row 3: Ann Lee, ext 101`.
 * Pure, so that it is tested without an editor.
 */
import { codeSpan } from '@subscriber-csv/language-service';
import type { CellInfo } from '../../../common/protocol';

export interface CellStatusText {
  column: string;
  row: string;
  /** Markdown: the column's title and help. */
  tooltip: string;
}

export function cellStatusText(info: CellInfo): CellStatusText {
  const position = `column ${info.field + 1} of ${info.columns}`;
  const column = info.name ? `${info.name} · ${position}` : position;
  const row = info.row === 0 ? 'header row' : `row ${info.row}: ${info.rowLabel}`;
  let about: string;
  if (info.column) about = `**${info.name}** — ${info.column.title}\n\n${info.column.help}`;
  // The header's own text: shown as written, whatever backticks or Markdown it holds.
  else if (info.name) about = `${codeSpan(info.name)} is not an import column: the import ignores it (our reading).`;
  else about = `This cell is past the header's ${info.columns} columns.`;
  return { column, row, tooltip: `${about}\n\n_Click to go to another column._` };
}
