/**
 * What `subscriberCsv.importToTenant` returns, so that tests and other commands can tell what happened without
 * reading messages.
 */
import type { RefusalReason } from './decideImport';
import type { ImportFailure, ImportSuccess, PreviewSuccess, RequestFailure } from './importApi';

/** Why the command stopped before uploading, beyond what `decideImport` refuses. */
export type PreflightReason =
  'noFile' | 'inProgress' | 'untrustedWorkspace' | 'notChecked' | 'noEndpoint' | 'insecureEndpoint' | 'noToken';

/** The endpoint's preview said the import would be refused as a whole (409 or 400): nothing was sent. */
export type PreviewRefusalReason = 'refusedByPreview';

export type ImportRefusalReason = RefusalReason | PreflightReason | PreviewRefusalReason;

export type ImportCommandResult =
  /** Nothing was uploaded: the file, the settings or the token did not allow it. */
  | { status: 'refused'; reason: ImportRefusalReason; message: string; errors: number }
  /** The user answered the confirmation with Cancel. */
  | { status: 'declined' }
  /** The endpoint answered 200; `markedProblems` rows it refused are marked in the file. */
  | { status: 'imported'; host: string; result: ImportSuccess; markedProblems: number }
  /** The upload failed; `markedProblems` rows or problems it named are marked in the file. */
  | { status: 'failed'; host: string; failure: ImportFailure; markedProblems: number };

/** Arguments of the command: a Uri from a menu, or this object from tests and other extensions. */
export interface ImportCommandOptions {
  /** The file to import; by default the active editor's. A string is read as a URI. */
  uri?: unknown;
  /**
   * Upload without the modal confirmation: taken only while VS Code runs the extension's own tests (the file must
   * still be free of errors). Other callers get the confirmation.
   */
  skipConfirmation?: boolean;
}

/** What `subscriberCsv.previewImport` returns. */
export type PreviewCommandResult =
  /** Nothing was sent: the file, the settings or the token did not allow it (as for an import). */
  | { status: 'refused'; reason: RefusalReason | PreflightReason; message: string; errors: number }
  /** The endpoint answered what an import would do; `markedProblems` rows it would refuse are marked in the file. */
  | { status: 'previewed'; host: string; preview: PreviewSuccess; markedProblems: number }
  /** The preview could not be had (network, token, an endpoint without the preview route, …). */
  | { status: 'failed'; host: string; failure: RequestFailure };
