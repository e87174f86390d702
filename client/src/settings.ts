/**
 * The import's settings as the client reads them. The endpoint is read from the user's settings only: it is
 * declared with application scope, and reading the global value as well means a workspace (a cloned repository)
 * can never redirect the token to another host.
 */
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../../common/protocol';
import { importTiming, type ImportTiming } from './import/importSettings';

export const ENDPOINT_SETTING = `${CONFIG_SECTION}.endpoint`;

/** The endpoint from the user's settings, trimmed; empty when none is set. */
export function endpointSetting(): string {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION).inspect<string>('endpoint')?.globalValue;
  return typeof value === 'string' ? value.trim() : '';
}

export function importTimingSetting(): ImportTiming {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return importTiming(config.get('import.timeoutSeconds'), config.get('import.retries'));
}

export function openEndpointSetting(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', ENDPOINT_SETTING);
}
