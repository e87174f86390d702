/**
 * Registers what tells a user where they are in a 32-column file and lets them edit a row as a form: the cursor's
 * cell in the status bar, Go to Column, the column-name hints and the row form panel. The outline, sticky header,
 * folding and colours need nothing here: the language server serves them through LSP.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CellStatus } from './cellStatus';
import type { ColumnHints } from './columnHints';
import { CursorCellTracker } from './cursorCell';
import { registerGoToColumn } from './goToColumn';
import { RowFormPanel } from './rowFormPanel';

export function registerColumnFeatures(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  hints: ColumnHints,
): void {
  const tracker = new CursorCellTracker(client);
  hints.attach(client, tracker);
  context.subscriptions.push(
    tracker,
    hints,
    new CellStatus(tracker),
    registerGoToColumn(client),
    new RowFormPanel(client, context.extensionUri),
  );
}
