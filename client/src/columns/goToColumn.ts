/**
 * Go to Column: a quick pick of the row's columns with their help, opened on the column the cursor is in; picking
 * one moves the cursor to that column's cell in the same row. It never adds a cell or a column: a column the row or
 * the header lacks is explained instead. With a column name as argument it goes there without asking.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RowFormRequest, type RowForm } from '../../../common/protocol';
import { SERVED_DOCUMENTS } from '../documentSelector';
import { columnPicks, fieldNamed, whyNotThere, type ColumnPick } from './columnPicks';

export const GO_TO_COLUMN_COMMAND = 'subscriberCsv.goToColumn';

type PickItem = vscode.QuickPickItem & { pick?: ColumnPick };

export function registerGoToColumn(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(GO_TO_COLUMN_COMMAND, async (columnName?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || vscode.languages.match(SERVED_DOCUMENTS, editor.document) === 0) {
      void vscode.window.showInformationMessage('Go to Column works in a subscriber CSV file: open one first.');
      return;
    }
    const position = editor.selection.active;
    const form = await client.sendRequest(RowFormRequest.type, {
      textDocument: { uri: editor.document.uri.toString() },
      position: { line: position.line, character: position.character },
    });
    if (!form) {
      void vscode.window.showInformationMessage(
        'Put the cursor on a row of a subscriber file to go to one of its columns.',
      );
      return;
    }
    const picks = columnPicks(form);
    const chosen =
      typeof columnName === 'string'
        ? picks.find((pick) => pick.field !== undefined && pick.field === fieldNamed(form, columnName))
        : await choose(picks, form);
    if (!chosen) {
      if (typeof columnName === 'string')
        void vscode.window.showInformationMessage(`This file has no column ${columnName}.`);
      return;
    }
    goTo(editor, form, chosen);
  });
}

async function choose(picks: ColumnPick[], form: RowForm): Promise<ColumnPick | undefined> {
  const items: PickItem[] = [];
  for (const pick of picks) {
    if (pick.separatorBefore) items.push({ label: pick.separatorBefore, kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: pick.label, description: pick.description, detail: pick.detail, pick });
  }
  const quickPick = vscode.window.createQuickPick<PickItem>();
  quickPick.title = form.row === 0 ? 'Go to Column in the header' : `Go to Column in row ${form.row}: ${form.label}`;
  quickPick.placeholder = 'Type a column name';
  quickPick.matchOnDescription = true;
  quickPick.items = items;
  const current = items.find((item) => item.pick?.field !== undefined && item.pick.field === form.cursorField);
  if (current) quickPick.activeItems = [current];
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.pick);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

function goTo(editor: vscode.TextEditor, form: RowForm, pick: ColumnPick): void {
  const why = whyNotThere(form, pick);
  const range = pick.field === undefined ? null : form.fields[pick.field].range;
  if (why || !range) {
    void vscode.window.showInformationMessage(why ?? `${pick.label} is not on this row.`);
    return;
  }
  const start = new vscode.Position(range.start.line, range.start.character);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
