/**
 * Registers the one-click import: the token commands, tenant data, the preview and the import commands, their
 * diagnostics, the summary view, the rows kept as each file's own, the import history and the status items.
 * Everything it creates is disposed with the extension.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ApiTokenStore } from './apiToken';
import { FileStatus } from './fileStatus';
import { ImportCommand } from './importCommand';
import { ImportHistory, showImportHistory } from './importHistoryCommand';
import { ImportProblems } from './importProblems';
import { ImportSummaryPanel } from './importSummaryPanel';
import { LargeFileNotice } from './largeFiles';
import { OwnRowsStore } from './ownRowsStore';
import { PreviewCommand } from './previewCommand';
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
  const ownRows = new OwnRowsStore(context.workspaceState, client, log);
  const history = new ImportHistory(context.workspaceState);
  const summary = new ImportSummaryPanel(context.extensionUri);
  const importCommand = new ImportCommand({
    client,
    tokens,
    problems,
    tenant,
    log,
    inTests,
    ownRows,
    history,
    summary,
  });
  const previewCommand = new PreviewCommand({ client, tokens, problems, log, summary });
  context.subscriptions.push(
    watchSettings(log),
    tokens,
    problems,
    tenant,
    ownRows,
    summary,
    new FileStatus(client, tenant, log),
    new LargeFileNotice(log),
    vscode.commands.registerCommand('subscriberCsv.importToTenant', (argument?: unknown) =>
      importCommand.run(argument),
    ),
    vscode.commands.registerCommand('subscriberCsv.previewImport', (argument?: unknown) =>
      previewCommand.run(argument),
    ),
    vscode.commands.registerCommand('subscriberCsv.showImportHistory', () => showImportHistory(history)),
    vscode.commands.registerCommand('subscriberCsv.setApiToken', (token?: unknown) => setApiToken(tokens, log, token)),
    vscode.commands.registerCommand('subscriberCsv.clearApiToken', (options?: unknown) =>
      clearApiToken(tokens, log, options, inTests),
    ),
    vscode.commands.registerCommand('subscriberCsv.refreshTenantData', () => refreshTenantDataCommand(tenant, log)),
  );
}
