/**
 * Edit Row as Form: a side panel (webview) with the cursor's row, one field under another, that follows the cursor
 * to other rows and files. Every change the form makes is an ordinary edit of the text document, made with the
 * edit the server computes for the version the form shows (`CellEditRequest`): undo, dirty state and save work as
 * for typing, and the form reloads from the changed text.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CellEditRequest, RowFormRequest, type RowForm } from '../../../common/protocol';
import { SERVED_DOCUMENTS } from '../documentSelector';
import { rowFormHtml } from './rowFormHtml';

export const EDIT_ROW_AS_FORM_COMMAND = 'subscriberCsv.editRowAsForm';
const VIEW_TYPE = 'subscriberCsv.rowForm';
/** Cursor moves and keystrokes closer together than this reload the form once. */
const SETTLE_MS = 60;

/** What the page sends. */
type PageMessage =
  | { type: 'ready' }
  | { type: 'edit'; version: number; row: number; field: number; value: string }
  | { type: 'focusEditor'; field?: number };

/** What the page is sent: the row, or why there is none. */
export interface FormMessage {
  type: 'form';
  form: RowForm | null;
  fileName: string;
  notice?: string;
}

export class RowFormPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The document the form follows: the last subscriber file whose cursor moved. */
  private source: vscode.Uri | undefined;
  private position = new vscode.Position(0, 0);
  private timer: NodeJS.Timeout | undefined;
  private form: RowForm | null = null;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly client: LanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.subscriptions = [
      vscode.commands.registerCommand(EDIT_ROW_AS_FORM_COMMAND, () => this.open()),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => this.follow(textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.follow(editor)),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (contentChanges.length > 0 && document.uri.toString() === this.source?.toString()) this.schedule();
      }),
    ];
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private open(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor && isServed(editor.document)) {
      this.source = editor.document.uri;
      this.position = editor.selection.active;
    }
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, false);
      this.schedule(0);
      return;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'client', 'media');
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'Row Form',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [media] },
    );
    const webview = panel.webview;
    webview.html = rowFormHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'rowForm.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'rowForm.css')).toString(),
    });
    webview.onDidReceiveMessage((message: PageMessage) => void this.receive(message));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.form = null;
    });
    this.panel = panel;
  }

  /** Follows the cursor of a subscriber file's editor to its row. */
  private follow(editor: vscode.TextEditor): void {
    if (!this.panel || !isServed(editor.document)) return;
    this.source = editor.document.uri;
    this.position = editor.selection.active;
    this.schedule();
  }

  private schedule(delay = SETTLE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), delay);
  }

  private async reload(notice?: string): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const source = this.source;
    let form: RowForm | null = null;
    if (source) {
      try {
        form = await this.client.sendRequest(RowFormRequest.type, {
          textDocument: { uri: source.toString() },
          position: { line: this.position.line, character: this.position.character },
        });
      } catch {
        form = null;
      }
    }
    if (this.panel !== panel) return;
    this.form = form;
    const fileName = source ? (source.path.split('/').pop() ?? '') : '';
    panel.title = form ? (form.row === 0 ? `Header · ${fileName}` : `Row ${form.row} · ${form.label}`) : 'Row Form';
    const message: FormMessage = { type: 'form', form, fileName };
    if (notice) message.notice = notice;
    void panel.webview.postMessage(message);
  }

  private async receive(message: PageMessage): Promise<void> {
    if (message.type === 'ready') return this.reload();
    const source = this.source;
    if (!source) return;
    if (message.type === 'focusEditor') {
      const field = message.field === undefined ? undefined : this.form?.fields[message.field];
      const range = field?.range;
      const selection = range
        ? new vscode.Range(range.start.line, range.start.character, range.start.line, range.start.character)
        : undefined;
      await vscode.window.showTextDocument(source, { viewColumn: this.sourceColumn(), selection });
      return;
    }
    const edit = await this.client.sendRequest(CellEditRequest.type, {
      textDocument: { uri: source.toString(), version: message.version },
      row: message.row,
      field: message.field,
      value: message.value,
    });
    if (!edit) {
      await this.reload('The file changed before this edit reached it: here is the row as it is now.');
      return;
    }
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(source, this.client.protocol2CodeConverter.asRange(edit.range), edit.newText);
    if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
      await this.reload('The editor did not take the change (is the file read-only?).');
    }
  }

  /** The column of an editor showing the followed file, so that Escape returns there rather than opening another. */
  private sourceColumn(): vscode.ViewColumn | undefined {
    return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.source?.toString())
      ?.viewColumn;
  }
}

function isServed(document: vscode.TextDocument): boolean {
  return vscode.languages.match(SERVED_DOCUMENTS, document) > 0;
}
