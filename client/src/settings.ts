/**
 * The import's settings as the client reads them. The endpoint is read from the user's settings only: it is
 * declared with application scope, and reading the global value as well means a workspace (a cloned repository)
 * can never redirect the token to another host. A value of the wrong type is ignored, with one warning in the log
 * (by the setting's name, never its value) until the configuration changes.
 */
import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../../common/protocol';
import { importTiming, type ImportTiming } from './import/importSettings';

export const ENDPOINT_SETTING = `${CONFIG_SECTION}.endpoint`;

/** Warnings already given, so that settings read on every render warn once. */
const warned = new Set<string>();
let log: Pick<vscode.LogOutputChannel, 'warn'> | undefined;

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  log?.warn(message);
}

/** Sends the warnings about settings to `channel`, and gives them again after a configuration change. */
export function watchSettings(channel: Pick<vscode.LogOutputChannel, 'warn'>): vscode.Disposable {
  log = channel;
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(CONFIG_SECTION)) warned.clear();
  });
}

/** The endpoint from the user's settings, trimmed; empty when none is set. */
export function endpointSetting(): string {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION).inspect<unknown>('endpoint')?.globalValue;
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  warnOnce(`${ENDPOINT_SETTING} is not text: no endpoint is set.`);
  return '';
}

export function importTimingSetting(): ImportTiming {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return importTiming(config.get('import.timeoutSeconds'), config.get('import.retries'), warnOnce);
}

export function openEndpointSetting(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', ENDPOINT_SETTING);
}
