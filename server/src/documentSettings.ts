/**
 * Settings per document: the client's configuration for the document's folder, the tenant data from the
 * endpoint when loaded, and whether the file is a subscriber file by its language or name.
 */
import picomatch from 'picomatch';
import type { Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_SECTION, SUBSCRIBER_LANGUAGE_ID, type TenantData } from '../../common/protocol';
import type { ServiceSettings } from '@subscriber-csv/language-service';
import {
  filePatternsFromConfig,
  fullCheckLimitFromConfig,
  tenantFromConfig,
  type SubscriberConfig,
} from './settingsFromConfig';

export class DocumentSettings {
  private readonly configs = new Map<string, Promise<SubscriberConfig | undefined>>();
  private tenantData: TenantData | null = null;
  private canAskForConfiguration = false;

  constructor(private readonly connection: Connection) {}

  setCanAskForConfiguration(value: boolean): void {
    this.canAskForConfiguration = value;
  }

  setTenantData(data: TenantData | null): void {
    this.tenantData = data;
  }

  /** Forgets cached configuration, after the client says it changed. */
  reset(): void {
    this.configs.clear();
  }

  forget(uri: string): void {
    this.configs.delete(uri);
  }

  async get(document: TextDocument): Promise<ServiceSettings> {
    const config = await this.config(document.uri);
    const matches = picomatch(filePatternsFromConfig(config), { dot: true, nocase: true });
    const path = pathOf(document.uri);
    return {
      tenant: tenantFromConfig(config, this.tenantData),
      assumeSubscriberFile:
        document.languageId === SUBSCRIBER_LANGUAGE_ID || matches(path) || matches(path.replace(/^\//, '')),
      structureOnly: lengthOf(document) > fullCheckLimitFromConfig(config),
    };
  }

  private config(uri: string): Promise<SubscriberConfig | undefined> {
    if (!this.canAskForConfiguration) return Promise.resolve(undefined);
    let config = this.configs.get(uri);
    if (!config) {
      config = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: CONFIG_SECTION })
        .then((value: SubscriberConfig | null) => value ?? undefined)
        .catch(() => undefined);
      this.configs.set(uri, config);
    }
    return config;
  }
}

function pathOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** The document's length without copying its text (the server's documents keep it in chunks). */
function lengthOf(document: TextDocument): number {
  const known = (document as Partial<{ length: number }>).length;
  return typeof known === 'number' ? known : document.getText().length;
}
