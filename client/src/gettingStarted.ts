/**
 * The newcomer's path: the Get Started walkthrough (declared in package.json under `contributes.walkthroughs`)
 * and the New Subscriber File command its third step offers.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NEW_FILE_COMMAND, newSubscriberFile } from './newFile/newFileCommand';

export const WALKTHROUGH_ID = 'subscriberCsv.gettingStarted';

/** The active editor is a workbench page (an extension's details, the Welcome page), not a file or a diff. */
function onWorkbenchPage(): boolean {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  return tab !== undefined && tab.input === undefined;
}

async function openWalkthrough(extensionId: string): Promise<void> {
  const open = () =>
    vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${WALKTHROUGH_ID}`, false);
  const fromPage = onWorkbenchPage();
  await open();
  // VS Code 1.82 run from the extension's details page (where a newcomer is after installing) replaces it with the
  // Welcome overview; asked again while that page is active, it shows the walkthrough. From a file one call does,
  // and a second would only move the walkthrough back to its first step.
  if (fromPage) await open();
}

export function registerGettingStarted(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_FILE_COMMAND, (argument?: unknown) => newSubscriberFile(client, argument)),
    vscode.commands.registerCommand('subscriberCsv.openWalkthrough', () => openWalkthrough(context.extension.id)),
  );
}
