/**
 * The language status items of CSV files: the file's state (errors and warnings, ready to import, not a subscriber
 * file) and where the tenant data comes from, with the Refresh command. Also keeps the context key
 * `subscriberCsv.subscriberFiles` (the URIs of open files the server treats as subscriber files) for menus.
 *
 * The context key holds `Uri` objects, not strings: the workbench turns them into the strings its `resource` key
 * holds, after the remote connection has mapped them. A remote extension host (code-server, SSH, WSL) sees a
 * file as `file:///…` while the workbench names it `vscode-remote://…`; strings from here would never match.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { SUBSCRIBER_LANGUAGE_ID, type ValidateNowResult } from '../../common/protocol';
import { countBySeverity, subscriberDiagnostics, validateNow } from './documentCheck';
import { STATUS_DOCUMENTS, SERVED_DOCUMENTS } from './documentSelector';
import { fileStatusText, tenantStatusText, type StatusText } from './import/statusText';
import type { TenantDataController } from './tenantData';

export const SUBSCRIBER_FILES_CONTEXT = 'subscriberCsv.subscriberFiles';
const TYPING_DELAY_MS = 400;

const COMMANDS: Record<NonNullable<StatusText['command']>, vscode.Command> = {
  import: { title: 'Import to Tenant', command: 'subscriberCsv.importToTenant' },
  showProblems: { title: 'Show Problems', command: 'workbench.actions.view.problems' },
  treatAsSubscriberFile: { title: 'Treat as Subscriber CSV', command: 'subscriberCsv.useSubscriberLanguage' },
};

export class FileStatus implements vscode.Disposable {
  private readonly fileItem = vscode.languages.createLanguageStatusItem('subscriberCsv.file', STATUS_DOCUMENTS);
  private readonly tenantItem = vscode.languages.createLanguageStatusItem('subscriberCsv.tenant', STATUS_DOCUMENTS);
  /** The server's last verdict per open document, by URI. */
  private readonly verdicts = new Map<string, ValidateNowResult>();
  /** The documents' URIs as objects, by the same key, for the context key. */
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];
  private contextValue = '';

  constructor(
    private readonly client: LanguageClient,
    private readonly tenant: TenantDataController,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.fileItem.name = 'Subscriber CSV: File';
    this.tenantItem.name = 'Subscriber CSV: Tenant Data';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.askVisible()),
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (contentChanges.length > 0 && this.isVisible(document)) this.askSoon(document);
      }),
      // A change of language closes and reopens the document.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (this.isVisible(document)) this.askSoon(document, 0);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.languages.onDidChangeDiagnostics(({ uris }) => {
        const active = vscode.window.activeTextEditor?.document;
        if (!active || !uris.some((uri) => uri.toString() === active.uri.toString())) return;
        // The server publishes once it has the document: ask again if it did not have it when first asked.
        if (!this.verdicts.has(active.uri.toString())) this.askSoon(active, 0);
        this.renderFile();
      }),
      tenant.onDidChange(() => this.renderTenant()),
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) this.askVisible();
      }),
    ];
    this.render();
    if (client.state === State.Running) this.askVisible();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.fileItem.dispose();
    this.tenantItem.dispose();
  }

  private render(): void {
    this.renderFile();
    this.renderTenant();
  }

  private renderFile(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return;
    const verdict = this.verdicts.get(document.uri.toString());
    const isSubscriberFile = document.languageId === SUBSCRIBER_LANGUAGE_ID || verdict?.isSubscriberFile === true;
    const status = fileStatusText(
      verdict || isSubscriberFile
        ? {
            isSubscriberFile,
            ...countBySeverity(subscriberDiagnostics(document.uri)),
            users: verdict?.users ?? 0,
            locations: verdict?.locations ?? 0,
          }
        : undefined,
    );
    apply(this.fileItem, status);
    this.fileItem.busy = verdict === undefined;
  }

  private renderTenant(): void {
    const state = this.tenant.state();
    apply(this.tenantItem, tenantStatusText(state));
    this.tenantItem.busy = state.loading;
    this.tenantItem.command = state.host
      ? { title: 'Refresh', command: 'subscriberCsv.refreshTenantData' }
      : { title: 'Set Endpoint', command: 'workbench.action.openSettings', arguments: ['subscriberCsv.endpoint'] };
  }

  private isVisible(document: vscode.TextDocument): boolean {
    return vscode.window.visibleTextEditors.some((editor) => editor.document === document);
  }

  private askVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!this.verdicts.has(editor.document.uri.toString())) this.askSoon(editor.document, 0);
    }
  }

  private askSoon(document: vscode.TextDocument, delay = TYPING_DELAY_MS): void {
    if (vscode.languages.match(SERVED_DOCUMENTS, document) === 0) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.ask(document);
      }, delay),
    );
  }

  private async ask(document: vscode.TextDocument): Promise<void> {
    if (this.client.state !== State.Running || document.isClosed) return;
    const verdict = await validateNow(this.client, document, document.version, this.log);
    if (!verdict || document.isClosed) return;
    this.verdicts.set(document.uri.toString(), verdict);
    this.uris.set(document.uri.toString(), document.uri);
    this.updateContext();
    this.renderFile();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.uris.delete(key);
    if (this.verdicts.delete(key)) this.updateContext();
  }

  private updateContext(): void {
    const keys = [...this.verdicts].filter(([, verdict]) => verdict.isSubscriberFile).map(([key]) => key);
    const value = JSON.stringify(keys);
    if (value === this.contextValue) return;
    this.contextValue = value;
    // As Uri objects, not strings: `setContext` maps them to the workbench's own URIs before it compares them with
    // `resource`. In a remote window (code-server, SSH, WSL) the extension host's `file:` URIs are not the
    // workbench's `vscode-remote:` ones, and strings would never match.
    const files = keys.map((key) => this.uris.get(key)).filter((uri): uri is vscode.Uri => uri !== undefined);
    void vscode.commands.executeCommand('setContext', SUBSCRIBER_FILES_CONTEXT, files);
  }
}

function apply(item: vscode.LanguageStatusItem, status: StatusText): void {
  item.text = status.text;
  item.detail = status.detail;
  item.severity =
    status.severity === 'error'
      ? vscode.LanguageStatusSeverity.Error
      : status.severity === 'warning'
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
  if (status.command) item.command = COMMANDS[status.command];
  else item.command = undefined;
}
