/**
 * The newcomer's path: the Get Started walkthrough (declared in package.json under `contributes.walkthroughs`)
 * and the New Subscriber File command its third step offers.
 */
import * as vscode from 'vscode';
import { NEW_FILE_COMMAND, newSubscriberFile } from './newFile/newFileCommand';

export const WALKTHROUGH_ID = 'subscriberCsv.gettingStarted';

export function registerGettingStarted(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_FILE_COMMAND, (argument?: unknown) => newSubscriberFile(argument)),
    vscode.commands.registerCommand('subscriberCsv.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`),
    ),
  );
}
