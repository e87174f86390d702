/**
 * Words for every failure: what happened, and what to do about it. Messages are written once the attempts are
 * over (they say how many there were), and every text that leaves the core, the endpoint's included, is scrubbed of
 * the token and the file's PINs.
 */
import { rowReason } from './rowText';
import { scrub, type Secrets } from './secrets';
import type { FileProblem, RequestFailure, RowResult } from './types';

export type Operation = 'import' | 'preview' | 'tenant';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A failure before its message: `detail` is the specific part (the endpoint's words, a network error). */
export type FailureDraft = DistributiveOmit<RequestFailure, 'ok' | 'message' | 'attempts'> & { detail?: string };

export interface MessageContext {
  /** The endpoint's host, as people know it (`pbx.example.com`, `127.0.0.1:7357`). */
  host: string;
  operation: Operation;
  secrets: Secrets;
  timeoutMs: number;
}

export function finalizeFailure(draft: FailureDraft, attempts: number, context: MessageContext): RequestFailure {
  const { detail: _detail, ...failure } = draft;
  const clean = (text: string) => scrub(text, context.secrets);
  const message = clean(messageOf(draft, attempts, context));
  // Every text field of the endpoint's answer, not only its sentences: an endpoint that echoes what it was sent
  // can put the token or a PIN in a code or a column name as well, and the editor logs codes and shows columns.
  if (failure.kind === 'rejected') {
    failure.problems = failure.problems.map((problem) => ({
      ...problem,
      message: clean(problem.message),
      ...(typeof problem.column === 'string' ? { column: clean(problem.column) } : {}),
      ...(problem.code === undefined ? {} : { code: clean(problem.code) }),
    }));
  }
  if (failure.kind === 'conflict') {
    failure.rows = scrubRows(failure.rows, clean);
    failure.error = clean(failure.error);
  }
  return { ok: false, ...failure, message, attempts } as RequestFailure;
}

/** A copy of the rows with every text the endpoint wrote in them scrubbed. */
export function scrubRows(rows: readonly RowResult[], clean: (text: string) => string): RowResult[] {
  return rows.map((row) => {
    const copy = { ...row };
    if (copy.reason !== undefined) copy.reason = clean(copy.reason);
    if (typeof copy.column === 'string') copy.column = clean(copy.column);
    if (copy.type !== undefined) copy.type = clean(copy.type);
    if (copy.extension !== undefined) copy.extension = clean(copy.extension);
    if (copy.ignoredColumns !== undefined) copy.ignoredColumns = copy.ignoredColumns.map(clean);
    return copy;
  });
}

function messageOf(draft: FailureDraft, attempts: number, { host, operation, timeoutMs }: MessageContext): string {
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  const detail = draft.detail ? `: ${draft.detail}` : '';
  switch (draft.kind) {
    case 'invalidEndpoint':
      return draft.detail ?? 'The endpoint URL is not allowed.';
    case 'unauthorized':
      return `${host} refused the API token (401): it is missing, wrong or expired. Set a valid token and try again.`;
    case 'forbidden':
      return operation === 'tenant'
        ? `${host} accepted the API token, but it may not read this tenant (403).`
        : `${host} accepted the API token, but it may not import for this tenant (403). Use a token with import rights.`;
    case 'rejected':
      if (operation === 'preview') {
        return sentence(`${host} would refuse the file as a whole (400)${firstProblem(draft.problems) ?? detail}`);
      }
      return `${sentence(`${host} refused the file as a whole (400)${firstProblem(draft.problems) ?? detail}`)} Nothing was imported.`;
    case 'conflict':
      if (draft.error === 'idempotency_conflict') {
        return `${host} has already seen this import attempt with a different file, so it imported nothing. Import again.`;
      }
      if (operation === 'preview') {
        return sentence(
          `An import would be refused (409): ${count(draft.rows.length, 'row')} in conflict with the tenant's data${firstRow(draft.rows)}`,
        );
      }
      return sentence(
        `Nothing was imported (409): ${count(draft.rows.length, 'row')} in conflict with the tenant's data${firstRow(draft.rows)}`,
      );
    case 'tooLarge': {
      if (attempts === 0 && draft.limitBytes !== undefined) {
        const size = draft.fileBytes === undefined ? '' : ` (${formatBytes(draft.fileBytes)})`;
        return (
          `The file${size} is larger than ${host} accepts (${formatBytes(draft.limitBytes)}, as its tenant ` +
          'data says). Nothing was sent: split the file and import the parts.'
        );
      }
      const limit = draft.limitBytes === undefined ? '' : `; its limit is ${formatBytes(draft.limitBytes)}`;
      return `The file is too large for ${host} (413${limit}). Nothing was imported: split the file and import the parts.`;
    }
    case 'rateLimited': {
      const wait = draft.retryAfterSeconds === undefined ? '' : ` and asks to wait ${draft.retryAfterSeconds} s`;
      return `${host} is limiting requests (429)${wait}; gave up after ${tries}. Try again later.`;
    }
    case 'server':
      return `${host} failed with HTTP ${draft.status ?? '5xx'} on ${tries}. Try again later.`;
    case 'network':
      return `Could not reach ${host}${detail} (${tries}).`;
    case 'timeout': {
      const seconds = Math.round(timeoutMs / 100) / 10;
      const maybe =
        operation === 'import'
          ? ' It may still have imported the file: importing it again reports those rows as unchanged.'
          : '';
      return `${host} did not answer within ${seconds} s (${tries}).${maybe}`;
    }
    case 'cancelled':
      if (operation === 'preview') return 'The preview was cancelled. Nothing is imported by a preview.';
      return operation === 'import'
        ? `The import was cancelled. If the upload had already reached ${host}, it may have been imported.`
        : `Loading the tenant from ${host} was cancelled.`;
    case 'badResponse': {
      const status = draft.status === undefined ? '' : ` (HTTP ${draft.status})`;
      const said = sentence(`${host} answered in a way the import API does not describe${status}${detail}`);
      // A 200 to an upload means the endpoint imported: the user must not believe nothing happened.
      if (operation === 'import' && draft.status === 200) {
        return `${said} It reported success, so the file was probably imported: check the tenant before importing again.`;
      }
      if (operation === 'preview' && draft.status === 404) {
        return `${said} It offers no preview of an import (POST …/import/preview): import without one, or ask its owner.`;
      }
      if (operation === 'preview' && draft.status === 200) {
        return `${said} Its answer does not say it was a preview, so it may have imported the file: check the tenant.`;
      }
      return `${said} Check the endpoint URL.`;
    }
  }
}

function firstProblem(problems: readonly FileProblem[]): string | undefined {
  if (problems.length === 0) return undefined;
  const [first] = problems;
  const where = [first.line === undefined ? undefined : `line ${first.line}`, first.column ?? undefined]
    .filter((part) => part !== undefined)
    .join(', ');
  const more = problems.length > 1 ? ` (and ${count(problems.length - 1, 'more problem')})` : '';
  return `: ${where ? `${where}: ` : ''}${first.message.replace(/\.$/, '')}${more}`;
}

function firstRow(rows: readonly RowResult[]): string {
  const first = rows[0];
  if (!first) return '';
  return `, e.g. line ${first.line}: ${rowReason(first)}`;
}

/** Ends the text with one full stop, whatever the endpoint's words it ends with. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function formatBytes(bytes: number): string {
  const mib = 1024 * 1024;
  if (bytes >= mib && bytes % mib === 0) return `${bytes / mib} MiB`;
  if (bytes >= 10 * mib) return `${Math.round(bytes / mib)} MiB`;
  if (bytes >= mib) return `${(bytes / mib).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
