/**
 * The API token, kept in SecretStorage only (never in settings, never in a log line), bound to the origin of the
 * endpoint it was set for. Keeps the `subscriberCsv.hasApiToken` context key in step for menus.
 */
import * as vscode from 'vscode';
import { encodeStoredToken, tokenForEndpoint, type TokenLookup } from './import/storedToken';

const SECRET_KEY = 'subscriberCsv.apiToken';
const HAS_TOKEN_CONTEXT = 'subscriberCsv.hasApiToken';

export class ApiTokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the token is set or cleared, in this window or another. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key !== SECRET_KEY) return;
      void this.updateContext();
      this.changed.fire();
    });
    void this.updateContext();
  }

  async lookup(endpoint: string): Promise<TokenLookup> {
    return tokenForEndpoint(await this.secrets.get(SECRET_KEY), endpoint);
  }

  async store(endpoint: string, token: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, encodeStoredToken(endpoint, token));
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
  }

  async exists(): Promise<boolean> {
    return (await this.secrets.get(SECRET_KEY)) !== undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', HAS_TOKEN_CONTEXT, await this.exists());
  }
}
