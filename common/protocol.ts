/**
 * Messages between the extension client and the language server beyond standard LSP, declared once and
 * imported by both sides.
 */
import {
  NotificationType,
  RequestType,
  RequestType0,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import type {
  CellInfo,
  EntryName,
  FileEncoding,
  FixAllResult,
  KnownHolder,
  NewFileColumn,
  RowForm,
  RowPlace,
  TenantData,
} from '@subscriber-csv/language-service';

export type {
  CellInfo,
  FormChoice,
  FormProblem,
  NewFileColumn,
  RowForm,
  RowFormField,
} from '@subscriber-csv/language-service';
export type { EntryName, FileEncoding, FixAllResult, KnownHolder, RowPlace, TenantData };

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
  /** Send the published diagnostics back with the verdict (the import decides on them). */
  withDiagnostics?: boolean;
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
   * When asked for (`withDiagnostics`): the diagnostics just published for `version`, so that the client decides on
   * exactly those rather than waiting for the editor to show them.
   */
  diagnostics?: Diagnostic[];
  /**
   * The distinct values of the file's secret columns (PINs), so that the client keeps them out of every message
   * of the import (the endpoint's answers may quote them). Never logged.
   */
  secretValues: string[];
}

/**
 * Client → server: validate a document now, publish its diagnostics for the current version, and answer with the
 * counts (and, when asked, those diagnostics). Sent before an import, so that the decision to upload is made on the
 * diagnostics of the exact text being uploaded (push diagnostics are debounced and may lag behind the editor), and
 * when the active editor changes, to learn whether a `.csv` is a subscriber file. Answers null when the server does
 * not have the document open.
 */
export namespace ValidateNowRequest {
  export const method = 'subscriberCsv/validateNow';
  export const type = new RequestType<ValidateNowParams, ValidateNowResult | null, void>(method);
}

/** A position in a document: which cell, which row. */
export interface CellPositionParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

/**
 * Client → server: the column and row of the cell at a position (`SysPIN · column 31 of 32`, `row 3: Ann Lee, ext
 * 101`). Sent as the cursor moves, for the status bar. Answers null when the file is not a subscriber file, or the
 * position is in no cell (before the header, on a line past the last row).
 */
export namespace CellInfoRequest {
  export const method = 'subscriberCsv/cellInfo';
  export const type = new RequestType<CellPositionParams, CellInfo | null, void>(method);
}

/**
 * Client → server: the row at a position, field by field (value, range, choices, help, problems), with the import
 * columns the header lacks; the header is row 0. Sent by the row form panel as the cursor moves and after each edit,
 * and by Go to Column. Answers null before the header, past the rows, or when the file is not a subscriber file.
 */
export namespace RowFormRequest {
  export const method = 'subscriberCsv/rowForm';
  export const type = new RequestType<CellPositionParams, RowForm | null, void>(method);
}

/** A new value for one cell, for the version of the document the form was read from. */
export interface CellEditParams {
  textDocument: { uri: string; version: number };
  /** 1-based data row (0 for the header), as `RowForm.row`. */
  row: number;
  /** 0-based field, as `RowFormField.field`. */
  field: number;
  value: string;
}

/**
 * Client → server: the text edit that puts a value into a cell, quoted as the import reads it back. Sent by the row
 * form panel, which applies the edit as an ordinary workspace edit (undo and save work as for typing). Answers null
 * when the document has moved on from `version` (the form then reloads) or the row is gone.
 */
export namespace CellEditRequest {
  export const method = 'subscriberCsv/cellEdit';
  export const type = new RequestType<CellEditParams, TextEdit | null, void>(method);
}

/**
 * Client → server: the columns the New Subscriber File command offers, and the text of a new file for the columns
 * picked (`'all'`, or names; the required ones are always added). Asked of the server so that the extension client
 * does not carry the column table.
 */
export namespace NewFileColumnsRequest {
  export const method = 'subscriberCsv/newFileColumns';
  export const type = new RequestType0<NewFileColumn[], void>(method);
}

export interface NewFileTextParams {
  columns: 'all' | string[];
}

export namespace NewFileTextRequest {
  export const method = 'subscriberCsv/newFileText';
  export const type = new RequestType<NewFileTextParams, string, void>(method);
}

/**
 * The kind of the server's Fix All code action, under `source.fixAll`, so that `editor.codeActionsOnSave` with
 * `source.fixAll` (or this kind alone) applies it, and the Source Action menu lists it.
 */
export const FIX_ALL_KIND = 'source.fixAll.subscriberCsv';

/** A document at the version the client holds. */
export interface VersionedDocumentParams {
  textDocument: { uri: string; version: number };
}

/**
 * Client → server: every automatic fix of the document (the rules library's `getFixAllEdits`), as edits to apply at
 * once, and how many problems they fix. Sent by the Fix All and Save Clean Copy commands. Answers null when the
 * document has moved on from `version` (the edits would land in the wrong places) or is not open.
 */
export namespace FixAllRequest {
  export const method = 'subscriberCsv/fixAll';
  export const type = new RequestType<VersionedDocumentParams, FixAllResult | null, void>(method);
}

/** The encoding a document's file is saved in, as the client found it in the file's first bytes. */
export interface FileEncodingParams {
  uri: string;
  /** Null when it could not be told (the file is not on disk, or could not be read). */
  encoding: FileEncoding | null;
}

/**
 * Client → server: the encoding of a document's file on disk (the editor hands the server text, never bytes), sent
 * when a served document opens and after each save. The server passes it to the rules (`file-encoding`) and checks
 * the document again.
 */
export namespace FileEncodingNotification {
  export const method = 'subscriberCsv/fileEncoding';
  export const type = new NotificationType<FileEncodingParams>(method);
}

/** Rows the endpoint answered about, by the 1-based line it gives and the column it names. */
export interface ImportRowsParams {
  uri: string;
  /** The version that was uploaded: on another one the rows may no longer be where the endpoint says. */
  version: number;
  rows: { line: number; column?: string | null }[];
}

/**
 * Client → server: where each row the endpoint answered about is in the document (the row, the cell of the column
 * it names), how the editor names it (`Ann Lee, ext 101`) and which entry it names. Sent after a preview or an
 * import, to put each refusal on its cell, to label the rows in the summary, and to learn the entries the file's
 * own rows now hold. Answers null when the document is not open at `version`; an item is null for a line that holds
 * no data row.
 */
export namespace ImportRowsRequest {
  export const method = 'subscriberCsv/importRows';
  export const type = new RequestType<ImportRowsParams, (RowPlace | null)[] | null, void>(method);
}

/** The extensions in use a document's own rows hold, once imported; an empty list forgets them. */
export interface KnownHoldersParams {
  uri: string;
  holders: KnownHolder[];
}

/**
 * Client → server: the entries a document's rows were imported as, so that validation does not flag those rows'
 * extensions as taken (the rules library's `TenantContext.knownHolders`). Sent after an import and, from the
 * workspace's state, whenever the server starts or the endpoint changes. The server re-validates the document.
 */
export namespace KnownHoldersNotification {
  export const method = 'subscriberCsv/knownHolders';
  export const type = new NotificationType<KnownHoldersParams>(method);
}
