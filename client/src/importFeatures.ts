/**
 * Registers the one-click import: the token commands, tenant data, the import command, its diagnostics and the
 * status items. Everything it creates is disposed with the extension.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ApiTokenStore } from './apiToken';
import { FileStatus } from './fileStatus';
import { ImportCommand } from './importCommand';
import { ImportProblems } from './importProblems';
import { LargeFileNotice } from './largeFiles';
import { refreshTenantDataCommand, TenantDataController } from './tenantData';
import { watchSettings } from './settings';
import { clearApiToken, setApiToken } from './tokenCommands';

export function registerImportFeatures(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  log: vscode.LogOutputChannel,
): void {
  // Arguments that skip a confirmation are taken from the extension's own tests only.
  const inTests = context.extensionMode === vscode.ExtensionMode.Test;
  const tokens = new ApiTokenStore(context.secrets);
  const problems = new ImportProblems();
  const tenant = new TenantDataController(context.globalState, client, tokens, log);
  const importCommand = new ImportCommand({ client, tokens, problems, tenant, log, inTests });
  context.subscriptions.push(
    watchSettings(log),
    tokens,
    problems,
    tenant,
    new FileStatus(client, tenant, log),
    new LargeFileNotice(log),
    vscode.commands.registerCommand('subscriberCsv.importToTenant', (argument?: unknown) =>
      importCommand.run(argument),
    ),
    vscode.commands.registerCommand('subscriberCsv.setApiToken', (token?: unknown) => setApiToken(tokens, log, token)),
    vscode.commands.registerCommand('subscriberCsv.clearApiToken', (options?: unknown) =>
      clearApiToken(tokens, log, options, inTests),
    ),
    vscode.commands.registerCommand('subscriberCsv.refreshTenantData', () => refreshTenantDataCommand(tenant, log)),
  );
}
