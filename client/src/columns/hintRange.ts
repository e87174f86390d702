/**
 * Which part of the editor's view gets column-name hints, by the `subscriberCsv.inlayHints.columnNames` setting:
 * none, the cursor's row (all its lines), or the rows on screen. The editor asks for a view port larger than the
 * screen; narrowing it to what is visible keeps the hints within VS Code's 1,500 an editor. Pure, for tests.
 */
export type ColumnNamesMode = 'off' | 'cursorRow' | 'allVisibleRows';

export interface LineRange {
  startLine: number;
  endLine: number;
}

export function columnNamesMode(value: unknown): ColumnNamesMode {
  return value === 'off' || value === 'allVisibleRows' ? value : 'cursorRow';
}

/**
 * The lines to ask the server for: the part of `viewPort` the mode selects (`cursorRow`: the lines of the row the
 * cursor is in; `allVisibleRows`: the lines visible in editors, or the whole view port when none is known), or
 * undefined for none.
 */
export function hintLines(
  mode: ColumnNamesMode,
  viewPort: LineRange,
  cursorRow: LineRange | undefined,
  visible: readonly LineRange[],
): LineRange | undefined {
  if (mode === 'off') return undefined;
  if (mode === 'cursorRow') return cursorRow ? intersect(viewPort, cursorRow) : undefined;
  if (visible.length === 0) return viewPort;
  const span = {
    startLine: Math.min(...visible.map((range) => range.startLine)),
    endLine: Math.max(...visible.map((range) => range.endLine)),
  };
  return intersect(viewPort, span);
}

function intersect(a: LineRange, b: LineRange): LineRange | undefined {
  const startLine = Math.max(a.startLine, b.startLine);
  const endLine = Math.min(a.endLine, b.endLine);
  return startLine <= endLine ? { startLine, endLine } : undefined;
}
