/**
 * The workspace's import history (client/src/import/importHistory.ts), kept in the workspace's state, and
 * **Subscriber CSV: Show Import History**: a list of the imports, newest first, that opens the file chosen. The
 * command returns the entries (tests read them) without waiting for a choice.
 */
import * as vscode from 'vscode';
import { describeOutcome, IMPORT_HISTORY_KEY, readHistory, withEntry, type HistoryEntry } from './import/importHistory';

export class ImportHistory {
  constructor(private readonly workspaceState: vscode.Memento) {}

  entries(): HistoryEntry[] {
    return readHistory(this.workspaceState.get(IMPORT_HISTORY_KEY));
  }

  async add(entry: HistoryEntry): Promise<void> {
    await this.workspaceState.update(IMPORT_HISTORY_KEY, withEntry(this.entries(), entry));
  }
}

export function showImportHistory(history: ImportHistory): HistoryEntry[] {
  const entries = history.entries();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage('No file of this workspace has been imported yet.');
    return entries;
  }
  const items = entries.map((entry) => ({
    label: `$(${entry.outcome === 'imported' ? 'cloud-upload' : 'error'}) ${entry.file}`,
    description: describeOutcome(entry),
    detail: `${new Date(entry.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} · ${entry.endpoint}`,
    entry,
  }));
  void vscode.window
    .showQuickPick(items, {
      title: 'Import History',
      placeHolder: 'Imports of this workspace, newest first: pick one to open its file',
      matchOnDescription: true,
      matchOnDetail: true,
    })
    .then(async (picked) => {
      if (!picked) return;
      try {
        await vscode.window.showTextDocument(vscode.Uri.parse(picked.entry.uri), { preview: false });
      } catch {
        void vscode.window.showWarningMessage(`${picked.entry.file} could not be opened: it was moved or deleted.`);
      }
    });
  return entries;
}
