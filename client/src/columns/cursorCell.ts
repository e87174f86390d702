/**
 * Follows the cursor of the active editor and asks the server which cell it is in (`CellInfoRequest`), so that the
 * status bar and the column-name hints read the same answer. A newer cursor position cancels the older question.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CellInfoRequest, type CellInfo } from '../../../common/protocol';
import { SERVED_DOCUMENTS } from '../documentSelector';

export interface CursorCell {
  document: vscode.TextDocument;
  /** Null when the server says the cursor is in no cell of a subscriber file. */
  info: CellInfo | null;
}

/** Cursor moves closer together than this are asked about once. */
const SETTLE_MS = 40;

export class CursorCellTracker implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CursorCell | undefined>();
  /** Fires with the active editor's cell, or undefined when the active editor is no served CSV file. */
  readonly onDidChange = this.emitter.event;
  current: CursorCell | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions = [
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => {
        if (textEditor === vscode.window.activeTextEditor) this.schedule();
      }),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      // The server sniffs a CSV's header when it first sees it: ask again once it has (its first diagnostics).
      vscode.languages.onDidChangeDiagnostics(({ uris }) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (this.current?.info === null && uris.some((uri) => uri.toString() === active)) this.schedule();
      }),
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) this.schedule(0);
      }),
    ];
    this.schedule(0);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending?.cancel();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private schedule(delay = SETTLE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.ask(), delay);
  }

  private async ask(): Promise<void> {
    this.pending?.cancel();
    const editor = vscode.window.activeTextEditor;
    if (!editor || vscode.languages.match(SERVED_DOCUMENTS, editor.document) === 0) {
      this.tell(undefined);
      return;
    }
    if (this.client.state !== State.Running) return;
    const source = new vscode.CancellationTokenSource();
    this.pending = source;
    const { document } = editor;
    const position = editor.selection.active;
    try {
      const info = await this.client.sendRequest(
        CellInfoRequest.type,
        {
          textDocument: { uri: document.uri.toString() },
          position: { line: position.line, character: position.character },
        },
        source.token,
      );
      if (!source.token.isCancellationRequested) this.tell({ document, info });
    } catch {
      // Cancelled by a newer move, or the server is restarting: the next move asks again.
    } finally {
      source.dispose();
      if (this.pending === source) this.pending = undefined;
    }
  }

  private tell(cell: CursorCell | undefined): void {
    this.current = cell;
    this.emitter.fire(cell);
  }
}
