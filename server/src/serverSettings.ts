/**
 * The settings the rules library takes, per document, in one place: the client's `subscriberCsv` configuration for
 * the document's folder, the tenant data from the endpoint when loaded, whether the file is a subscriber file
 * by its language or name, and the encoding the client found the file saved in.
 *
 * They are computed once per configuration or tenant change, not per request: the configuration is asked for once
 * per document, read and type-checked once per distinct value (so a wrong type is warned about once, not on every
 * hover), and each document's settings are kept until the next change. Only the size check is made per call, since
 * the text changes with every keystroke; it picks one of two settings objects made in advance.
 */
import {
  DEFAULT_TENANT,
  isFileEncoding,
  type FileEncoding,
  knownHolders,
  type KnownHolder,
  type KnownHolders,
  type ServiceSettings,
  type TenantContext,
} from '@subscriber-csv/language-service';
import type { Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_SECTION, SUBSCRIBER_LANGUAGE_ID, type TenantData } from '../../common/protocol';
import { readTenantData, TENANT_LISTS, type Warn } from '../../common/tenantDataReader';
import { readConfig, type SubscriberConfig } from './configReader';
import { compileFilePatterns, type PathMatcher } from './filePatterns';

/** The default size above which only a file's structure is checked while editing. */
export const DEFAULT_FULL_CHECK_LIMIT_MB = 40;

/** What one configuration value gives, whatever the document. */
interface Configured {
  tenant: TenantContext;
  matchesFilePatterns: PathMatcher;
  /** In UTF-16 characters, as documents measure their length. */
  fullCheckLimit: number;
}

/** One document's settings, for its current size either side of the limit. */
interface DocumentEntry {
  full: ServiceSettings;
  structureOnly: ServiceSettings;
  fullCheckLimit: number;
}

export class ServerSettings {
  private canAskForConfiguration = false;
  private tenantData: TenantData | null = null;
  /** The configuration as the client answered it, per document; asked again after a configuration change. */
  private readonly answers = new Map<string, Promise<unknown>>();
  /** Per distinct configuration value (as JSON), so that documents of one folder share the work and its warnings. */
  private configured = new Map<string, Configured>();
  private readonly documents = new Map<string, Promise<DocumentEntry>>();
  /** The encoding of each document's file, as the client read it from disk. */
  private readonly encodings = new Map<string, FileEncoding>();
  /** Per document, the extensions its own rows hold since they were imported; kept while the document is closed. */
  private readonly holders = new Map<string, KnownHolders>();
  private readonly warn: Warn;

  constructor(private readonly connection: Connection) {
    this.warn = (message) => connection.console.warn(message);
  }

  setCanAskForConfiguration(value: boolean): void {
    this.canAskForConfiguration = value;
  }

  /** The client said the configuration changed: everything is read again, when next needed. */
  configurationChanged(): void {
    this.answers.clear();
    this.recompute();
  }

  /** Tenant data from the client (null: back to the settings), checked here since it comes from an endpoint. */
  setTenantData(value: unknown): void {
    this.tenantData = readTenantData(value, this.warn);
    this.recompute();
  }

  /** The entries a document's rows were imported as (none: forgotten); its settings are made again. */
  setKnownHolders(uri: string, list: readonly KnownHolder[]): void {
    if (list.length === 0) this.holders.delete(uri);
    else this.holders.set(uri, knownHolders(list));
    this.documents.delete(uri);
  }

  forget(uri: string): void {
    this.answers.delete(uri);
    this.documents.delete(uri);
    this.encodings.delete(uri);
  }

  /**
   * The encoding of a document's file, from the client (null: unknown). Checked here, since any client may send it.
   * Returns true when it changed, so that the document is checked again.
   */
  setEncoding(uri: unknown, encoding: unknown): boolean {
    if (typeof uri !== 'string') return false;
    const known = isFileEncoding(encoding) ? encoding : undefined;
    if (this.encodings.get(uri) === known) return false;
    if (known) this.encodings.set(uri, known);
    else this.encodings.delete(uri);
    this.documents.delete(uri);
    return true;
  }

  async forDocument(document: TextDocument): Promise<ServiceSettings> {
    let entry = this.documents.get(document.uri);
    if (!entry) {
      const created = this.entryFor(document.uri, document.languageId);
      this.documents.set(document.uri, created);
      // A failure is not kept: the next request tries again.
      created.catch(() => this.documents.get(document.uri) === created && this.documents.delete(document.uri));
      entry = created;
    }
    const settled = await entry;
    return lengthOf(document) > settled.fullCheckLimit ? settled.structureOnly : settled.full;
  }

  private recompute(): void {
    this.configured = new Map();
    this.documents.clear();
  }

  private async entryFor(uri: string, languageId: string): Promise<DocumentEntry> {
    // Captured now: a change while the client answers starts a new map, and this result stays out of it.
    const configured = this.configured;
    const answer = await this.answerFor(uri);
    const key = JSON.stringify(answer) ?? '';
    let value = configured.get(key);
    if (!value) {
      value = configure(readConfig(answer, this.warn), this.tenantData, this.warn);
      configured.set(key, value);
    }
    const assumeSubscriberFile = languageId === SUBSCRIBER_LANGUAGE_ID || value.matchesFilePatterns(pathOf(uri));
    const encoding = this.encodings.get(uri);
    const known = encoding ? { encoding } : {};
    const holders = this.holders.get(uri);
    const tenant = holders ? { ...value.tenant, knownHolders: holders } : value.tenant;
    return {
      full: { tenant, assumeSubscriberFile, ...known },
      structureOnly: { tenant, assumeSubscriberFile, structureOnly: true, ...known },
      fullCheckLimit: value.fullCheckLimit,
    };
  }

  private answerFor(uri: string): Promise<unknown> {
    if (!this.canAskForConfiguration) return Promise.resolve(undefined);
    let answer = this.answers.get(uri);
    if (!answer) {
      answer = this.connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION }).then(
        (value: unknown) => value,
        () => undefined,
      );
      this.answers.set(uri, answer);
    }
    return answer;
  }
}

/** The library's view of one configuration, with the endpoint's tenant data in front of the settings' lists. */
function configure(config: SubscriberConfig, data: TenantData | null, warn: Warn): Configured {
  const lists: TenantContext['lists'] = {};
  for (const name of TENANT_LISTS) {
    const fromData = data?.[name];
    lists[name] = fromData && fromData.length > 0 ? fromData : (config.tenant[name] ?? []);
  }
  return {
    tenant: {
      pinNotification: data?.pinNotification ?? config.pinNotification ?? DEFAULT_TENANT.pinNotification,
      role: data?.role ?? config.role ?? DEFAULT_TENANT.role,
      lists,
      extensionsInUse: data?.extensionsInUse ?? config.tenant.extensionsInUse ?? [],
    },
    matchesFilePatterns: compileFilePatterns(config.filePatterns, warn),
    fullCheckLimit: (config.fullCheckLimitMB ?? DEFAULT_FULL_CHECK_LIMIT_MB) * 1024 * 1024,
  };
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
