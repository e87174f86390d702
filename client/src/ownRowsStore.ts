/**
 * Keeps, per file, the entries its own rows hold once imported (client/src/import/ownRows.ts) in the workspace's
 * state, and tells the language server (`KnownHoldersNotification`), which then stops flagging those rows'
 * extensions as taken. Sent again whenever the server starts and when the endpoint changes: a file's entries count
 * only for the endpoint they were imported to.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { KnownHoldersNotification, type KnownHolder } from '../../common/protocol';
import { errorText } from './documentCheck';
import { OWN_ROWS_KEY, readOwnRows, withOwnRows } from './import/ownRows';
import { ENDPOINT_SETTING, endpointSetting } from './settings';

export class OwnRowsStore implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly workspaceState: vscode.Memento,
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) void this.sendAll();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(ENDPOINT_SETTING)) void this.sendAll();
      }),
    ];
  }

  /** Replaces the file's entries with those of the import just made to `endpoint`, and tells the server. */
  async record(uri: vscode.Uri, endpoint: string, holders: KnownHolder[]): Promise<void> {
    const key = uri.toString();
    const stored = withOwnRows(this.stored(), key, { endpoint, importedAt: new Date().toISOString(), holders });
    await this.workspaceState.update(OWN_ROWS_KEY, stored);
    await this.send(key, stored[key]?.endpoint === endpointSetting() ? (stored[key]?.holders ?? []) : []);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private stored() {
    return readOwnRows(this.workspaceState.get(OWN_ROWS_KEY));
  }

  private async sendAll(): Promise<void> {
    const endpoint = endpointSetting();
    for (const [uri, own] of Object.entries(this.stored())) {
      await this.send(uri, own.endpoint === endpoint ? own.holders : []);
    }
  }

  private async send(uri: string, holders: KnownHolder[]): Promise<void> {
    if (this.client.state !== State.Running) return;
    try {
      await this.client.sendNotification(KnownHoldersNotification.type, { uri, holders });
    } catch (error) {
      this.log.warn(`Telling the server which rows were imported failed: ${errorText(error)}`);
    }
  }
}
