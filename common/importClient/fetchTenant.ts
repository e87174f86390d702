/**
 * `GET <endpoint>/tenant`: what the editor and the CLI need to check a file against the tenant (its lists, PIN
 * notification, the caller's role, the extensions in use), with the same retries and timeouts as an upload.
 */
import { readTenantAnswer, parseJson } from './answers';
import { checkEndpointUrl, routeUrl } from './endpointUrl';
import { finalizeFailure, type MessageContext } from './failures';
import { rememberImportLimit, TENANT_ANSWER_BYTES } from './limits';
import { classifyCommon, DEFAULTS, runWithRetries, type Answer, type Classified } from './requestLoop';
import type { RequestOptions, TenantResult, TenantSuccess } from './types';

export async function fetchTenant(
  endpoint: string,
  token: string,
  options: RequestOptions = {},
): Promise<TenantResult> {
  const checked = checkEndpointUrl(endpoint);
  const context: MessageContext = {
    host: checked.ok ? new URL(checked.url).host : 'the endpoint',
    operation: 'tenant',
    secrets: { token, pins: [] },
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
  };
  if (!checked.ok) return finalizeFailure({ kind: 'invalidEndpoint', detail: checked.message }, 0, context);

  const request = {
    url: routeUrl(checked.url, 'tenant'),
    method: 'GET' as const,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    maxAnswerBytes: TENANT_ANSWER_BYTES,
  };
  const result = await runWithRetries(request, options, context, classifyTenantAnswer);
  if (!result.ok) return result;
  rememberImportLimit(checked.url, result.value.importLimitBytes);
  return { ok: true, ...result.value, attempts: result.attempts };
}

function classifyTenantAnswer(answer: Answer): Classified<Omit<TenantSuccess, 'ok' | 'attempts'>> {
  const common = classifyCommon(answer);
  if (common) return common;
  const { status } = answer;
  if (status === 404) {
    return { fail: { kind: 'badResponse', status, detail: 'there is no tenant at this URL' } };
  }
  if (status !== 200) return { fail: { kind: 'badResponse', status, detail: `unexpected status ${status}` } };
  const json = parseJson(answer.text, answer.headers);
  if (!json.ok) return { fail: { kind: 'badResponse', status, detail: json.reason } };
  const tenant = readTenantAnswer(json.value);
  if (!tenant.ok) return { fail: { kind: 'badResponse', status, detail: tenant.reason } };
  return { done: tenant.value };
}
