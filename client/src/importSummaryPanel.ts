/**
 * The import summary view: a panel beside the editor showing what a preview says an import would do, or what an
 * import did, row by row (client/src/import/summaryModel.ts, summaryHtml.ts). One panel, shown again for each
 * answer. Its page runs no script; its links run only the commands the page names.
 */
import * as vscode from 'vscode';
import type { ImportSummaryModel } from './import/summaryModel';
import { SUMMARY_COMMANDS, summaryHtml } from './import/summaryHtml';

const VIEW_TYPE = 'subscriberCsv.importSummary';

export class ImportSummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** What the panel shows now (tests and the command results read it). */
  shown: ImportSummaryModel | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  show(model: ImportSummaryModel): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'client', 'media');
    const title = `${model.kind === 'preview' ? 'Import Preview' : 'Import'} · ${model.fileName}`;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableCommandUris: SUMMARY_COMMANDS, localResourceRoots: [media] },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    const webview = this.panel.webview;
    this.panel.title = title;
    webview.html = summaryHtml(model, {
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'importSummary.css')).toString(),
    });
    this.shown = model;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
