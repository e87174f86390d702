/**
 * What the upload core returns and accepts. Every failure is typed by `kind` and carries a message for people that
 * never holds the token or a PIN; the editor, the CLI and tests branch on `kind`, never on message text.
 */
import type { TenantData } from '../protocol';

/** One data row's outcome, as the endpoint reports it (docs/import-api.md). */
export interface RowResult {
  /** 1-based data row (the header is row 0). */
  row: number;
  /** 1-based line of the file where the row starts. */
  line: number;
  /** `unchanged`: the tenant already had this entry with these values (an import of the same file again). */
  status: 'created' | 'updated' | 'unchanged' | 'failed';
  type?: string;
  extension?: string;
  /** Canonical column name of a failed row's problem, or null for the row as a whole. */
  column?: string | null;
  reason?: string;
  /** Columns whose values the endpoint did not apply (telco-only columns imported by a tenant admin). */
  ignoredColumns?: string[];
}

/** A problem of a file refused as a whole (400). */
export interface FileProblem {
  line?: number;
  column?: string | null;
  code?: string;
  message: string;
}

export type FailureKind =
  | 'invalidEndpoint'
  | 'unauthorized'
  | 'forbidden'
  | 'rejected'
  | 'conflict'
  | 'tooLarge'
  | 'rateLimited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'badResponse';

interface FailureBase<K extends FailureKind> {
  ok: false;
  kind: K;
  /** For people: what happened and what to do. Never holds the token or a PIN. */
  message: string;
  /** How many requests were sent (0 when none was). */
  attempts: number;
  /** The HTTP status of the last answer, when there was one. */
  status?: number;
}

export type RequestFailure =
  | FailureBase<'invalidEndpoint' | 'unauthorized' | 'forbidden' | 'server' | 'network' | 'timeout' | 'cancelled'>
  | FailureBase<'badResponse'>
  | (FailureBase<'rejected'> & { status: 400; problems: FileProblem[] })
  /** `error` is the endpoint's code: `conflict`, or `idempotency_conflict` for a key reused with another file. */
  | (FailureBase<'conflict'> & { status: 409; error: string; rows: RowResult[] })
  /**
   * Refused by the endpoint (413), or before anything was sent (no status, 0 attempts) because the file is larger
   * than the limit the endpoint announced in its tenant answer.
   */
  | (FailureBase<'tooLarge'> & { status?: 413; limitBytes?: number; fileBytes?: number })
  | (FailureBase<'rateLimited'> & { status: 429; retryAfterSeconds?: number });

export interface ImportSuccess {
  ok: true;
  created: number;
  updated: number;
  /** Rows naming entries the tenant already had with the same values (0 when the endpoint does not say). */
  unchanged: number;
  failed: number;
  rows: RowResult[];
  attempts: number;
  /** True when the endpoint answered from an earlier attempt with the same key (the answer had been lost). */
  replayed: boolean;
  idempotencyKey: string;
}

/** A failed upload also names its Idempotency-Key, so that a caller may resume the same attempt. */
export type ImportFailure = RequestFailure & { idempotencyKey: string };

export type ImportResult = ImportSuccess | ImportFailure;

/**
 * What an import of the file would do now, as the endpoint's preview says (`POST <endpoint>/import/preview`).
 * Nothing was written.
 */
export interface PreviewSuccess {
  ok: true;
  /**
   * `import`: the rows would be imported as `rows` says (200). `conflict`: nothing would be imported; `rows` are the
   * rows in conflict, each failed (409). `rejected`: the file would be refused as a whole; `problems` say why (400).
   */
  outcome: 'import' | 'conflict' | 'rejected';
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  rows: RowResult[];
  problems: FileProblem[];
  /** For people, when the import would be refused (conflict, rejected); empty otherwise. No token, no PIN. */
  message: string;
  attempts: number;
}

export type PreviewResult = PreviewSuccess | RequestFailure;

export interface TenantSuccess {
  ok: true;
  tenant: { id: string; name: string };
  /** Every list present (empty when the endpoint sent none), ready for the language server. */
  data: Required<TenantData>;
  /** The largest file the endpoint imports, in bytes, when it says. Uploads larger than this are not sent. */
  importLimitBytes?: number;
  attempts: number;
}

export type TenantResult = TenantSuccess | RequestFailure;

export type RequestProgress =
  | { kind: 'attempt'; attempt: number; attempts: number; message: string }
  | { kind: 'waiting'; attempt: number; delayMs: number; reason: string; message: string };

export interface RequestOptions {
  /** Cancels the whole operation, waits included. */
  signal?: AbortSignal;
  /** Per attempt, from sending to the last byte of the answer (default `IMPORT_DEFAULTS.timeoutSeconds`). */
  timeoutMs?: number;
  /** Attempts after the first, on network errors, timeouts, 5xx and 429 (default `IMPORT_DEFAULTS.retries`). */
  retries?: number;
  /** The first backoff delay; each retry doubles it, with jitter (default 500 ms). */
  baseDelayMs?: number;
  /** The longest single wait. A Retry-After longer than this ends the operation as `rateLimited` (default 30 s). */
  maxDelayMs?: number;
  onProgress?: (event: RequestProgress) => void;
  /** Replaces the global fetch (tests). */
  fetch?: typeof fetch;
}

export interface UploadOptions extends RequestOptions {
  /** Resume an earlier attempt of the same import with its key; a new UUID otherwise. */
  idempotencyKey?: string;
  /**
   * The file's secret values (its PINs), as the rules library finds them (`SubscriberDocument.secretValues`): kept
   * out of every message the upload returns, endpoint text included. The core does not read the CSV itself, so a
   * caller that leaves them out gets messages scrubbed of the token only.
   */
  secretValues?: readonly string[];
}
