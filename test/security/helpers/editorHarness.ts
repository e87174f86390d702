/**
 * The extension's import path as the editor runs it (ApiTokenStore, TenantDataController, ImportCommand, the rows it
 * keeps as the file's own, the history, the summary view's page), on the fake `vscode` of this folder, against a
 * sandbox. Import `./vscodeHook` before this module.
 */
import { ApiTokenStore } from '../../../client/src/apiToken';
import { summaryHtml } from '../../../client/src/import/summaryHtml';
import type { ImportSummaryModel } from '../../../client/src/import/summaryModel';
import { ImportCommand } from '../../../client/src/importCommand';
import { ImportHistory } from '../../../client/src/importHistoryCommand';
import { ImportProblems } from '../../../client/src/importProblems';
import type { ImportSummaryPanel } from '../../../client/src/importSummaryPanel';
import { OwnRowsStore } from '../../../client/src/ownRowsStore';
import { TenantDataController } from '../../../client/src/tenantData';
import { createFakeClient, type FakeClient } from './fakeLanguageClient';
import { FakeMemento, FakeSecretStorage, createLog, fake, type FakeLog } from './fakeVscode';

export interface Editor {
  inTests: boolean;
  secrets: FakeSecretStorage;
  globalState: FakeMemento;
  workspaceState: FakeMemento;
  /** The summary view's pages, as they would be shown. */
  summaries: string[];
  log: FakeLog;
  tokens: ApiTokenStore;
  tenant: TenantDataController;
  command: ImportCommand;
  dispose(): void;
}

/**
 * A fresh editor: empty secret storage and global state, the user's endpoint set to `endpoint` (if given). By
 * default it runs as VS Code runs the extension's own tests (`inTests`), which may skip confirmations.
 */
export function openEditor(
  endpoint?: string,
  { inTests = true, client = createFakeClient(2) }: { inTests?: boolean; client?: FakeClient } = {},
): Editor {
  fake.reset();
  if (endpoint !== undefined) fake.endpoint = { globalValue: endpoint };
  // The shortest the settings allow, and no retries: the faults below are about what is said, not how often.
  fake.settings = { 'subscriberCsv.import.timeoutSeconds': 5, 'subscriberCsv.import.retries': 0 };
  const secrets = new FakeSecretStorage();
  const globalState = new FakeMemento();
  const log = createLog();
  const asClient = client as unknown as ConstructorParameters<typeof TenantDataController>[1];
  const tokens = new ApiTokenStore(secrets as unknown as ConstructorParameters<typeof ApiTokenStore>[0]);
  const asLog = log as unknown as ConstructorParameters<typeof TenantDataController>[3];
  const tenant = new TenantDataController(
    globalState as unknown as ConstructorParameters<typeof TenantDataController>[0],
    asClient,
    tokens,
    asLog,
  );
  const problems = new ImportProblems();
  const workspaceState = new FakeMemento();
  const asMemento = workspaceState as unknown as ConstructorParameters<typeof ImportHistory>[0];
  const ownRows = new OwnRowsStore(asMemento, asClient, asLog);
  const history = new ImportHistory(asMemento);
  const summaries: string[] = [];
  const summary = {
    show: (model: ImportSummaryModel) => void summaries.push(summaryHtml(model, { cspSource: 'csp', styleUri: 'css' })),
  } as unknown as ImportSummaryPanel;
  const command = new ImportCommand({
    client: asClient,
    tokens,
    problems,
    tenant,
    log: asLog,
    inTests,
    ownRows,
    history,
    summary,
  });
  return {
    inTests,
    secrets,
    globalState,
    workspaceState,
    summaries,
    log,
    tokens,
    tenant,
    command,
    dispose() {
      tenant.dispose();
      tokens.dispose();
      problems.dispose();
      ownRows.dispose();
    },
  };
}

/**
 * Everything the editor wrote anywhere a person or a file could see: log, messages, diagnostics, the summary view,
 * global and workspace state.
 */
export function everythingSaid(editor: Editor): string[] {
  const diagnostics = [...fake.importDiagnostics.values()].flat().map((d) => `${d.message} ${String(d.code)}`);
  return [
    ...editor.log.lines,
    ...fake.shown,
    ...diagnostics,
    ...editor.summaries,
    JSON.stringify([...editor.globalState.values]),
    JSON.stringify([...editor.workspaceState.values]),
    JSON.stringify(fake.configUpdates),
    JSON.stringify(fake.executed),
  ];
}
