/**
 * The tenant's data from the endpoint: fetched with the token (at start, on Refresh, when the token or the endpoint
 * changes), kept in global state without the token, and sent to the server so that validation and completion use
 * the tenant's real lists. With no endpoint or no token the server gets null and falls back to settings.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { TenantDataNotification } from '../../common/protocol';
import type { ApiTokenStore } from './apiToken';
import { errorText } from './documentCheck';
import type { ImportFailureKind } from './import/importApi';
import type { TenantState } from './import/statusText';
import { describeTenantData, readCachedTenant, TENANT_CACHE_KEY, type CachedTenant } from './import/tenantCache';
import { endpointHost } from './import/text';
import { checkEndpointUrl, fetchTenant } from '../../common/importClient';
import { ENDPOINT_SETTING, endpointSetting, importTimingSetting, openEndpointSetting } from './settings';

/** What `subscriberCsv.refreshTenantData` returns. */
export type RefreshResult =
  | { status: 'loaded'; host: string; tenant: { id: string; name: string } }
  | { status: 'noEndpoint' }
  | { status: 'insecureEndpoint'; message: string }
  | { status: 'noToken'; message: string }
  | { status: 'failed'; host: string; kind: ImportFailureKind; message: string }
  /** A newer refresh started before this one finished; its result is the one that counts. */
  | { status: 'superseded' };

export class TenantDataController implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the data, or whether it is loading, changes. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private cached: CachedTenant | undefined;
  private loading = false;
  private hasToken = false;
  private lastError: string | undefined;
  /** Counts refreshes, so that a slow answer never overwrites a newer one. */
  private generation = 0;
  private started = false;

  constructor(
    private readonly globalState: vscode.Memento,
    private readonly client: LanguageClient,
    private readonly tokens: ApiTokenStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const endpoint = endpointSetting();
    this.cached = endpoint
      ? readCachedTenant(globalState.get(TENANT_CACHE_KEY), endpoint, (message) => log.warn(message))
      : undefined;
    this.subscriptions = [
      tokens.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(ENDPOINT_SETTING)) void this.refresh();
      }),
      // The server keeps tenant data in memory: send it again whenever the server (re)starts.
      client.onDidChangeState(({ newState }) => {
        if (newState !== State.Running) return;
        void this.send();
        if (!this.started) {
          this.started = true;
          void this.refresh();
        }
      }),
    ];
  }

  state(): TenantState {
    const endpoint = endpointSetting();
    return {
      host: endpoint ? endpointHost(endpoint) : undefined,
      hasToken: this.hasToken,
      loading: this.loading,
      ...(this.cached
        ? {
            loaded: {
              name: this.cached.tenant.name,
              fetchedAt: new Date(this.cached.fetchedAt).toLocaleString(undefined, {
                dateStyle: 'short',
                timeStyle: 'short',
              }),
              summary: describeTenantData(this.cached.data),
            },
          }
        : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  async refresh(): Promise<RefreshResult> {
    const generation = ++this.generation;
    const endpoint = endpointSetting();
    if (!endpoint) {
      this.hasToken = false;
      await this.forget();
      return { status: 'noEndpoint' };
    }
    const host = endpointHost(endpoint);
    const checked = checkEndpointUrl(endpoint);
    if (!checked.ok) {
      await this.forget(checked.message);
      return { status: 'insecureEndpoint', message: checked.message };
    }
    const lookup = await this.tokens.lookup(endpoint);
    if (generation !== this.generation) return { status: 'superseded' };
    this.hasToken = lookup.kind === 'token';
    if (lookup.kind !== 'token') {
      const message =
        lookup.kind === 'otherHost'
          ? `The API token was set for ${lookup.host}, not ${host}. Set a token for ${host}.`
          : `No API token is set for ${host}.`;
      await this.forget();
      return { status: 'noToken', message };
    }
    // Data from another endpoint must never be shown as this tenant's.
    if (this.cached && this.cached.endpoint !== endpoint) await this.forget();

    this.setLoading(true);
    const timing = importTimingSetting();
    let outcome: Awaited<ReturnType<typeof fetchTenant>>;
    try {
      outcome = await fetchTenant(endpoint, lookup.token, { timeoutMs: timing.timeoutMs, retries: timing.retries });
    } catch (error) {
      outcome = { ok: false, kind: 'network', message: errorText(error), attempts: 0 };
    }
    if (generation !== this.generation) return { status: 'superseded' };
    this.loading = false;
    if (!outcome.ok) {
      this.lastError = `Loading tenant data from ${host} failed: ${outcome.message}`;
      this.log.warn(`Loading tenant data from ${host} failed: ${outcome.kind}${statusOf(outcome)}.`);
      this.changed.fire();
      return { status: 'failed', host, kind: outcome.kind, message: outcome.message };
    }
    this.cached = { endpoint, fetchedAt: new Date().toISOString(), tenant: outcome.tenant, data: outcome.data };
    this.lastError = undefined;
    await this.globalState.update(TENANT_CACHE_KEY, this.cached);
    this.log.info(`Tenant data loaded from ${host}: ${describeTenantData(outcome.data)}.`);
    this.changed.fire();
    await this.send();
    return { status: 'loaded', host, tenant: outcome.tenant };
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private setLoading(loading: boolean): void {
    this.loading = loading;
    this.changed.fire();
  }

  /** Drops the cached data (the token or the endpoint changed) and tells the server to use settings. */
  private async forget(lastError?: string): Promise<void> {
    const hadData = this.cached !== undefined;
    this.cached = undefined;
    this.loading = false;
    this.lastError = lastError;
    await this.globalState.update(TENANT_CACHE_KEY, undefined);
    this.changed.fire();
    if (hadData) await this.send();
  }

  private async send(): Promise<void> {
    if (this.client.state !== State.Running) return;
    try {
      await this.client.sendNotification(TenantDataNotification.type, this.cached?.data ?? null);
    } catch (error) {
      this.log.error(`Sending tenant data to the server failed: ${errorText(error)}`);
    }
  }
}

function statusOf(failure: { status?: number }): string {
  return failure.status ? ` (HTTP ${failure.status})` : '';
}

/** `subscriberCsv.refreshTenantData`: refreshes, says how it went, and returns the result. */
export async function refreshTenantDataCommand(
  tenant: TenantDataController,
  log: vscode.LogOutputChannel,
): Promise<RefreshResult> {
  const result = await tenant.refresh();
  switch (result.status) {
    case 'loaded':
      void vscode.window.showInformationMessage(`Tenant data of ${result.tenant.name} loaded from ${result.host}.`);
      break;
    case 'noEndpoint':
      void offer('Set the import endpoint (subscriberCsv.endpoint) to load tenant data.', 'Open Settings', () =>
        openEndpointSetting(),
      );
      break;
    case 'insecureEndpoint':
      void offer(result.message, 'Open Settings', () => openEndpointSetting());
      break;
    case 'noToken':
      void offer(result.message, 'Set API Token', () => vscode.commands.executeCommand('subscriberCsv.setApiToken'));
      break;
    case 'failed':
      if (result.kind === 'unauthorized' || result.kind === 'forbidden') {
        void offer(`${result.host} refused the API token: ${result.message}`, 'Set API Token', () =>
          vscode.commands.executeCommand('subscriberCsv.setApiToken'),
        );
      } else {
        void offer(`Loading tenant data from ${result.host} failed: ${result.message}`, 'Show Log', () =>
          log.show(true),
        );
      }
      break;
    case 'superseded':
      break;
  }
  return result;
}

async function offer(message: string, label: string, action: () => unknown): Promise<void> {
  if ((await vscode.window.showWarningMessage(message, label)) === label) await action();
}
