/**
 * The status bar items that say where the cursor is in a subscriber file: its column (`SysPIN · column 31 of 32`)
 * and its row (`row 3: Ann Lee, ext 101`). Clicking either opens Go to Column. Hidden in every other file.
 */
import * as vscode from 'vscode';
import { cellStatusText } from './cellStatusText';
import type { CursorCellTracker } from './cursorCell';
import { GO_TO_COLUMN_COMMAND } from './goToColumn';

export class CellStatus implements vscode.Disposable {
  private readonly column = vscode.window.createStatusBarItem(
    'subscriberCsv.column',
    vscode.StatusBarAlignment.Right,
    101,
  );
  private readonly row = vscode.window.createStatusBarItem('subscriberCsv.row', vscode.StatusBarAlignment.Right, 100.6);
  private readonly subscription: vscode.Disposable;

  constructor(tracker: CursorCellTracker) {
    this.column.name = 'Subscriber CSV: Column';
    this.row.name = 'Subscriber CSV: Row';
    for (const item of [this.column, this.row]) {
      item.command = { title: 'Go to Column', command: GO_TO_COLUMN_COMMAND };
    }
    this.subscription = tracker.onDidChange((cell) => {
      if (!cell?.info) {
        this.column.hide();
        this.row.hide();
        return;
      }
      const text = cellStatusText(cell.info);
      this.column.text = `$(table) ${text.column}`;
      this.row.text = text.row;
      const tooltip = new vscode.MarkdownString(text.tooltip);
      this.column.tooltip = tooltip;
      this.row.tooltip = tooltip;
      this.column.show();
      this.row.show();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.column.dispose();
    this.row.dispose();
  }
}
