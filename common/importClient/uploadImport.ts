/**
 * `POST <endpoint>/import`: uploads the CSV text as `multipart/form-data` and reads the endpoint's verdict. One
 * Idempotency-Key per import, sent again with every retry, so that an attempt whose answer was lost is answered
 * from the endpoint's record on the retry instead of being imported twice.
 */
import { randomUUID } from 'node:crypto';
import { parseJson, readErrorBody, readImportAnswer, readProblems, readRows, type ImportAnswer } from './answers';
import { checkEndpointUrl, routeUrl } from './endpointUrl';
import { finalizeFailure, scrubRows, type MessageContext } from './failures';
import { announcedImportLimit, importAnswerCap } from './limits';
import { classifyCommon, DEFAULTS, runWithRetries, type Answer, type Classified } from './requestLoop';
import { scrub } from './secrets';
import type { ImportResult, UploadOptions } from './types';

export async function uploadImport(
  endpoint: string,
  token: string,
  csvText: string,
  fileName: string,
  options: UploadOptions = {},
): Promise<ImportResult> {
  const idempotencyKey = options.idempotencyKey ?? randomUUID();
  const checked = checkEndpointUrl(endpoint);
  const context: MessageContext = {
    host: checked.ok ? new URL(checked.url).host : 'the endpoint',
    operation: 'import',
    secrets: { token, pins: options.secretValues ?? [] },
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
  };
  if (!checked.ok) {
    return { ...finalizeFailure({ kind: 'invalidEndpoint', detail: checked.message }, 0, context), idempotencyKey };
  }
  // The bytes the endpoint counts: the file as UTF-8, as the form below sends it.
  const fileBytes = Buffer.byteLength(csvText, 'utf8');
  const limitBytes = announcedImportLimit(checked.url);
  if (limitBytes !== undefined && fileBytes > limitBytes) {
    return { ...finalizeFailure({ kind: 'tooLarge', limitBytes, fileBytes }, 0, context), idempotencyKey };
  }

  const request = {
    url: routeUrl(checked.url, 'import'),
    method: 'POST' as const,
    maxAnswerBytes: importAnswerCap(csvText, fileBytes),
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Idempotency-Key': idempotencyKey },
    body: () => {
      const form = new FormData();
      form.append('file', new Blob([csvText], { type: 'text/csv; charset=utf-8' }), fileName);
      return form;
    },
  };
  const result = await runWithRetries(request, options, context, classifyImportAnswer);
  if (!result.ok) return { ...result, idempotencyKey };
  const { answer, replayed } = result.value;
  const clean = (text: string) => scrub(text, context.secrets);
  return {
    ok: true,
    created: answer.created,
    updated: answer.updated,
    unchanged: answer.unchanged,
    failed: answer.failed,
    rows: scrubRows(answer.rows, clean),
    attempts: result.attempts,
    replayed,
    idempotencyKey,
  };
}

function classifyImportAnswer(answer: Answer): Classified<{ answer: ImportAnswer; replayed: boolean }> {
  const common = classifyCommon(answer);
  if (common) return common;
  const { status } = answer;
  const json = parseJson(answer.text, answer.headers);
  if (status === 200) {
    if (!json.ok) return { fail: { kind: 'badResponse', status, detail: json.reason } };
    const read = readImportAnswer(json.value);
    if (!read.ok) return { fail: { kind: 'badResponse', status, detail: read.reason } };
    return { done: { answer: read.value, replayed: answer.headers.get('idempotent-replayed') === 'true' } };
  }
  // The body of an error is helpful but not promised; only 400 and 409 must carry their lists.
  const body = readErrorBody(json.ok ? json.value : undefined);
  if (status === 413) {
    const limit = body.json.limitBytes;
    const limitBytes = typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? limit : undefined;
    return { fail: { kind: 'tooLarge', status, limitBytes } };
  }
  if (status === 400) {
    if (!json.ok) return { fail: { kind: 'badResponse', status, detail: json.reason } };
    const problems = readProblems(body.json.problems);
    if (!problems.ok) return { fail: { kind: 'badResponse', status, detail: problems.reason } };
    return { fail: { kind: 'rejected', status, problems: problems.value, detail: body.message } };
  }
  if (status === 409) {
    if (!json.ok) return { fail: { kind: 'badResponse', status, detail: json.reason } };
    const rows = readRows(body.json.rows ?? []);
    if (!rows.ok) return { fail: { kind: 'badResponse', status, detail: rows.reason } };
    return { fail: { kind: 'conflict', status, error: body.error ?? 'conflict', rows: rows.value } };
  }
  if (status === 404) return { fail: { kind: 'badResponse', status, detail: 'there is no import route at this URL' } };
  return { fail: { kind: 'badResponse', status, detail: `unexpected status ${status}` } };
}
