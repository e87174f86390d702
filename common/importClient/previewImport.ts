/**
 * `POST <endpoint>/import/preview`: what an import of the CSV text would do now, row by row, with nothing written
 * (docs/import-api.md). The endpoint answers as its import would: the rows with their fate (200), the rows in
 * conflict (409) or the problems of a file refused as a whole (400); all three are a preview's result here, not
 * failures. A 200 must say `dryRun: true`: an answer that does not may come from an import.
 */
import { parseJson, readErrorBody, readImportAnswer, readProblems, readRows } from './answers';
import { checkEndpointUrl, routeUrl } from './endpointUrl';
import { finalizeFailure, scrubRows, type FailureDraft, type MessageContext } from './failures';
import { announcedImportLimit, importAnswerCap } from './limits';
import { classifyCommon, DEFAULTS, runWithRetries, type Answer, type Classified } from './requestLoop';
import { scrub } from './secrets';
import type { FileProblem, PreviewResult, PreviewSuccess, RowResult, UploadOptions } from './types';

type PreviewAnswer =
  | { outcome: 'import'; created: number; updated: number; unchanged: number; failed: number; rows: RowResult[] }
  | { outcome: 'conflict'; rows: RowResult[] }
  | { outcome: 'rejected'; problems: FileProblem[]; detail?: string };

export async function previewImport(
  endpoint: string,
  token: string,
  csvText: string,
  fileName: string,
  options: Omit<UploadOptions, 'idempotencyKey'> = {},
): Promise<PreviewResult> {
  const checked = checkEndpointUrl(endpoint);
  const context: MessageContext = {
    host: checked.ok ? new URL(checked.url).host : 'the endpoint',
    operation: 'preview',
    secrets: { token, pins: options.secretValues ?? [] },
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
  };
  if (!checked.ok) return finalizeFailure({ kind: 'invalidEndpoint', detail: checked.message }, 0, context);
  const fileBytes = Buffer.byteLength(csvText, 'utf8');
  const limitBytes = announcedImportLimit(checked.url);
  if (limitBytes !== undefined && fileBytes > limitBytes) {
    return finalizeFailure({ kind: 'tooLarge', limitBytes, fileBytes }, 0, context);
  }

  const request = {
    url: routeUrl(checked.url, 'import/preview'),
    method: 'POST' as const,
    maxAnswerBytes: importAnswerCap(csvText, fileBytes),
    // No Idempotency-Key: a preview records nothing, and may be sent again as often as wanted.
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    body: () => {
      const form = new FormData();
      form.append('file', new Blob([csvText], { type: 'text/csv; charset=utf-8' }), fileName);
      return form;
    },
  };
  const result = await runWithRetries(request, options, context, classifyPreviewAnswer);
  if (!result.ok) return result;
  return previewOf(result.value, result.attempts, context);
}

/** The result with its words, every text of the endpoint's scrubbed as a failure's would be. */
function previewOf(answer: PreviewAnswer, attempts: number, context: MessageContext): PreviewSuccess {
  const clean = (text: string) => scrub(text, context.secrets);
  if (answer.outcome === 'import') {
    const { outcome, created, updated, unchanged, failed } = answer;
    const rows = scrubRows(answer.rows, clean);
    return { ok: true, outcome, created, updated, unchanged, failed, rows, problems: [], message: '', attempts };
  }
  // A conflict and a refusal are worded as the import's failures are, for a preview.
  const draft: FailureDraft =
    answer.outcome === 'conflict'
      ? { kind: 'conflict', status: 409, error: 'conflict', rows: answer.rows }
      : { kind: 'rejected', status: 400, problems: answer.problems, detail: answer.detail };
  const worded = finalizeFailure(draft, attempts, context);
  const rows = worded.kind === 'conflict' ? worded.rows : [];
  const problems = worded.kind === 'rejected' ? worded.problems : [];
  return {
    ok: true,
    outcome: answer.outcome,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: rows.length,
    rows,
    problems,
    message: worded.message,
    attempts,
  };
}

function classifyPreviewAnswer(answer: Answer): Classified<PreviewAnswer> {
  const common = classifyCommon(answer);
  if (common) return common;
  const { status } = answer;
  const json = parseJson(answer.text, answer.headers);
  if (status === 200) {
    if (!json.ok) return { fail: { kind: 'badResponse', status, detail: json.reason } };
    const body = readErrorBody(json.value).json;
    if (body.dryRun !== true) return { fail: { kind: 'badResponse', status, detail: 'dryRun is not true' } };
    const read = readImportAnswer(json.value);
    if (!read.ok) return { fail: { kind: 'badResponse', status, detail: read.reason } };
    return { done: { outcome: 'import', ...read.value } };
  }
  const body = readErrorBody(json.ok ? json.value : undefined);
  if (status === 413) {
    const limit = body.json.limitBytes;
    const limitBytes = typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? limit : undefined;
    return { fail: { kind: 'tooLarge', status, limitBytes } };
  }
  if (status === 400) {
    if (!json.ok) return { fail: { kind: 'badResponse', status, detail: json.reason } };
    // A malformed request (not a judged file) is no preview of an import: the client sent something wrong.
    if (body.error !== undefined && body.error !== 'invalid_file') {
      return { fail: { kind: 'badResponse', status, detail: body.message ?? body.error } };
    }
    const problems = readProblems(body.json.problems);
    if (!problems.ok) return { fail: { kind: 'badResponse', status, detail: problems.reason } };
    return { done: { outcome: 'rejected', problems: problems.value, detail: body.message } };
  }
  if (status === 409) {
    if (!json.ok) return { fail: { kind: 'badResponse', status, detail: json.reason } };
    const rows = readRows(body.json.rows ?? []);
    if (!rows.ok) return { fail: { kind: 'badResponse', status, detail: rows.reason } };
    return { done: { outcome: 'conflict', rows: rows.value } };
  }
  if (status === 404) return { fail: { kind: 'badResponse', status, detail: 'there is no preview route at this URL' } };
  return { fail: { kind: 'badResponse', status, detail: `unexpected status ${status}` } };
}
