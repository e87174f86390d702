/**
 * Shows an import message with its buttons, and runs the button chosen. Never awaited by the command, so that a
 * command run from a test returns without anyone clicking.
 */
import * as vscode from 'vscode';
import type { ImportAction, ImportMessage } from './import/importSummary';
import { openEndpointSetting } from './settings';

const LABELS: Record<ImportAction, string> = {
  setApiToken: 'Set API Token',
  showProblems: 'Show Problems',
  showLog: 'Show Log',
  openEndpointSetting: 'Open Settings',
  manageWorkspaceTrust: 'Manage Workspace Trust',
};

export async function showImportMessage(message: ImportMessage, log: vscode.LogOutputChannel): Promise<void> {
  const labels = message.actions.map((action) => LABELS[action]);
  const show =
    message.severity === 'error'
      ? vscode.window.showErrorMessage
      : message.severity === 'warning'
        ? vscode.window.showWarningMessage
        : vscode.window.showInformationMessage;
  const chosen = await show(message.message, ...labels);
  const action = message.actions.find((candidate) => LABELS[candidate] === chosen);
  switch (action) {
    case 'setApiToken':
      await vscode.commands.executeCommand('subscriberCsv.setApiToken');
      break;
    case 'showProblems':
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      break;
    case 'showLog':
      log.show(true);
      break;
    case 'openEndpointSetting':
      await openEndpointSetting();
      break;
    case 'manageWorkspaceTrust':
      await vscode.commands.executeCommand('workbench.trust.manage');
      break;
    case undefined:
      break;
  }
}
