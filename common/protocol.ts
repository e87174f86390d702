/**
 * Messages between the extension client and the language server beyond standard LSP, declared once and
 * imported by both sides.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { TenantData } from '@subscriber-csv/language-service';

export type { TenantData };

/** The language id of subscriber files; the server also serves plain CSV files whose header looks like one. */
export const SUBSCRIBER_LANGUAGE_ID = 'subscriber-csv';

/** The configuration section the server reads. */
export const CONFIG_SECTION = 'subscriberCsv';

/**
 * Client → server: the tenant data fetched from the endpoint (the rules library's `TenantData`, read with its
 * `readTenantData`), or null to fall back to settings.
 * Sent when the data is first loaded, refreshed, or cleared with the token. The server re-validates open files.
 */
export namespace TenantDataNotification {
  export const method = 'subscriberCsv/tenantData';
  export const type = new NotificationType<TenantData | null>(method);
}

/** What the client asks `ValidateNowRequest` about: a document and the version the client holds. */
export interface ValidateNowParams {
  uri: string;
  version: number;
}

/** The server's verdict on one version of a document, counted from the diagnostics it just published. */
export interface ValidateNowResult {
  /** The version the server validated; the client retries when it is older than its own. */
  version: number;
  /** True when the server treats the file as a subscriber file (by language, file pattern or header). */
  isSubscriberFile: boolean;
  /** Every error and warning in the document. */
  errors: number;
  warnings: number;
  /** The errors and warnings the editor shows: at most 1,000 diagnostics are published per file. */
  publishedErrors: number;
  publishedWarnings: number;
  /** Data rows whose Type is User. */
  users: number;
  /** Data rows whose Type is Location. */
  locations: number;
  /** Data rows that are not blank and have no valid Type (each one also has an error). */
  otherRows: number;
  /**
   * The distinct values of the file's secret columns (PINs), so that the client keeps them out of every message
   * of the import (the endpoint's answers may quote them). Never logged.
   */
  secretValues: string[];
}

/**
 * Client → server: validate a document now, publish its diagnostics for the current version, and answer with the
 * counts. Sent before an import, so that the decision to upload is made on the diagnostics of the exact text being
 * uploaded (push diagnostics are debounced and may lag behind the editor), and when the active editor changes, to
 * learn whether a `.csv` is a subscriber file. Answers null when the server does not have the document open.
 */
export namespace ValidateNowRequest {
  export const method = 'subscriberCsv/validateNow';
  export const type = new RequestType<ValidateNowParams, ValidateNowResult | null, void>(method);
}
