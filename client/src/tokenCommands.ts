/**
 * `subscriberCsv.setApiToken` and `subscriberCsv.clearApiToken`. The token is asked for in a password box (or
 * passed by automation), stored in SecretStorage for the endpoint's origin, and never written to a log.
 */
import * as vscode from 'vscode';
import type { ApiTokenStore } from './apiToken';
import { cleanToken } from './import/storedToken';
import { endpointHost } from './import/text';
import { checkEndpointUrl } from '../../common/importClient';
import { endpointSetting, openEndpointSetting } from './settings';

/** Sets the token for the current endpoint; resolves true when one was stored. */
export async function setApiToken(
  tokens: ApiTokenStore,
  log: vscode.LogOutputChannel,
  given?: unknown,
): Promise<boolean> {
  const endpoint = endpointSetting();
  if (!endpoint) {
    void offerEndpointSetting(
      'Set the import endpoint (subscriberCsv.endpoint) first: the token is kept for its host.',
    );
    return false;
  }
  const checked = checkEndpointUrl(endpoint);
  if (!checked.ok) {
    void offerEndpointSetting(checked.message);
    return false;
  }
  const host = endpointHost(endpoint);
  const entered =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: `API token for ${host}`,
          prompt: `The token is kept in the editor's secret storage and sent only to ${host}.`,
          password: true,
          ignoreFocusOut: true,
          validateInput: (value) =>
            value === '' || cleanToken(value) ? undefined : 'A token is one word, without spaces or line breaks.',
        });
  if (entered === undefined) return false;
  const token = cleanToken(entered);
  if (!token) {
    if (typeof given === 'string') void vscode.window.showErrorMessage('The API token given is empty or has spaces.');
    return false;
  }
  await tokens.store(endpoint, token);
  log.info(`API token set for ${host}.`);
  if (typeof given !== 'string') void vscode.window.showInformationMessage(`API token saved for ${host}.`);
  return true;
}

/**
 * Clears the token after a confirmation; resolves true when cleared. `{ skipConfirmation: true }` skips it only when
 * `inTests` (VS Code runs the extension's own tests): from any other caller the user is still asked.
 */
export async function clearApiToken(
  tokens: ApiTokenStore,
  log: vscode.LogOutputChannel,
  options: unknown,
  inTests: boolean,
): Promise<boolean> {
  if (!(await tokens.exists())) {
    void vscode.window.showInformationMessage('No API token is set.');
    return false;
  }
  let skipConfirmation =
    typeof options === 'object' &&
    options !== null &&
    (options as { skipConfirmation?: unknown }).skipConfirmation === true;
  if (skipConfirmation && !inTests) {
    log.warn("skipConfirmation is taken only from the extension's own tests: clearing the token asks first.");
    skipConfirmation = false;
  }
  if (!skipConfirmation && !(await confirmClear(log))) return false;
  await tokens.clear();
  log.info('API token cleared.');
  return true;
}

/** The modal confirmation; a workbench that refuses dialogs (extension tests) counts as a No. */
async function confirmClear(log: vscode.LogOutputChannel): Promise<boolean> {
  try {
    const answer = await vscode.window.showWarningMessage(
      'Clear the API token?',
      {
        modal: true,
        detail:
          'Imports will ask for a new token, and the tenant data loaded with it is forgotten: checks fall back to the tenant lists in settings.',
      },
      'Clear Token',
    );
    return answer === 'Clear Token';
  } catch (error) {
    log.warn(`The confirmation could not be shown: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

async function offerEndpointSetting(message: string): Promise<void> {
  if ((await vscode.window.showWarningMessage(message, 'Open Settings')) === 'Open Settings')
    await openEndpointSetting();
}
