/**
 * Tells the user, once per file, when a CSV opened in the editor is too large for VS Code to pass to the
 * extension, and offers the CLI command that checks it instead.
 */
import * as vscode from 'vscode';
import { cliCommandFor, isTooLargeForExtensions, largeFileMessage } from './import/largeFileNotice';

export class LargeFileNotice implements vscode.Disposable {
  private readonly told = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscription = vscode.window.tabGroups.onDidChangeTabs(() => void this.checkActiveTab());
    void this.checkActiveTab();
  }

  private async checkActiveTab(): Promise<void> {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (!(input instanceof vscode.TabInputText) || !input.uri.path.toLowerCase().endsWith('.csv')) return;
    const uri = input.uri;
    const key = uri.toString();
    // A file the extension can see has a document; only the ones VS Code keeps to itself are of interest.
    if (this.told.has(key) || vscode.workspace.textDocuments.some((document) => document.uri.toString() === key))
      return;
    let size: number;
    try {
      size = (await vscode.workspace.fs.stat(uri)).size;
    } catch {
      return;
    }
    if (!isTooLargeForExtensions(size)) return;
    this.told.add(key);
    const fileName = uri.path.split('/').pop() ?? uri.path;
    this.log.info(`${fileName} is over VS Code's 50 MB limit for extensions; pointed to the CLI.`);
    const copy = 'Copy CLI Command';
    const answer = await vscode.window.showWarningMessage(largeFileMessage(fileName, size), copy);
    if (answer === copy) {
      const path = vscode.workspace.asRelativePath(uri, false);
      await vscode.env.clipboard.writeText(cliCommandFor(path));
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
