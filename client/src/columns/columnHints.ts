/**
 * Column names as inlay hints, served by the language server for any range and narrowed here to what the setting
 * asks for: the server has no cursor, so the client picks the cursor's row (or the visible rows) and asks for those
 * lines only, and asks again when the cursor moves to another row or the setting changes.
 */
import * as vscode from 'vscode';
import { InlayHintRequest, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { CONFIG_SECTION } from '../../../common/protocol';
import type { CursorCellTracker } from './cursorCell';
import { columnNamesMode, hintLines, type LineRange } from './hintRange';

const SETTING = 'inlayHints.columnNames';

export class ColumnHints implements vscode.Disposable {
  private tracker: CursorCellTracker | undefined;
  private client: LanguageClient | undefined;
  /** The cursor's row the hints were last asked for, as `uri:startLine-endLine`. */
  private shownRow = '';
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Goes into the language client's options, before the client starts. */
  readonly middleware: Middleware = {
    provideInlayHints: (document, viewPort, token, next) => {
      const mode = columnNamesMode(vscode.workspace.getConfiguration(CONFIG_SECTION, document).get(SETTING));
      const cursorRow = this.cursorRow(document);
      const visible = vscode.window.visibleTextEditors
        .filter((editor) => editor.document === document)
        .flatMap((editor) => editor.visibleRanges.map(linesOf));
      const lines = hintLines(mode, linesOf(viewPort), cursorRow, visible);
      if (!lines) return [];
      const end = document.lineAt(lines.endLine).range.end;
      return next(document, new vscode.Range(lines.startLine, 0, end.line, end.character), token);
    },
  };

  attach(client: LanguageClient, tracker: CursorCellTracker): void {
    this.client = client;
    this.tracker = tracker;
    this.subscriptions.push(
      tracker.onDidChange((cell) => {
        const info = cell?.info;
        const row = cell && info ? `${cell.document.uri}:${info.rowRange.start.line}-${info.rowRange.end.line}` : '';
        if (row === this.shownRow) return;
        this.shownRow = row;
        if (cell) this.refresh(cell.document);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(`${CONFIG_SECTION}.${SETTING}`)) return;
        for (const editor of vscode.window.visibleTextEditors) this.refresh(editor.document);
      }),
    );
  }

  /**
   * The lines of the row the cursor is in: the server's answer for the cursor's cell, or the cursor's line until
   * that answer comes (a row spread over several lines then gets its other lines once it does).
   */
  private cursorRow(document: vscode.TextDocument): LineRange | undefined {
    const editor =
      vscode.window.activeTextEditor?.document === document
        ? vscode.window.activeTextEditor
        : vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
    if (!editor) return undefined;
    const line = editor.selection.active.line;
    const info = this.tracker?.current?.document === document ? this.tracker.current.info : undefined;
    if (info && info.rowRange.start.line <= line && line <= info.rowRange.end.line) {
      return info.row > 0 ? { startLine: info.rowRange.start.line, endLine: info.rowRange.end.line } : undefined;
    }
    return { startLine: line, endLine: line };
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** Makes the editor ask the server for the document's hints again. */
  private refresh(document: vscode.TextDocument): void {
    this.client?.getFeature(InlayHintRequest.method)?.getProvider(document)?.onDidChangeInlayHints.fire();
  }
}

function linesOf(range: vscode.Range): LineRange {
  return { startLine: range.start.line, endLine: range.end.line };
}
