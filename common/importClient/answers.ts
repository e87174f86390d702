/**
 * Checks that an answer has the shape docs/import-api.md gives it, before anything reads it. An endpoint that
 * answers something else (an HTML login page, a proxy's error, another API) becomes `badResponse`, never a crash
 * or a success with undefined counts. Each reader returns the typed value or a short reason.
 */
import { readTenantData } from '@subscriber-csv/language-service';
import type { FileProblem, RowResult, TenantSuccess } from './types';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

type Json = Record<string, unknown>;

export function parseJson(text: string | undefined, headers: Headers): Read<unknown> {
  if (text === undefined) return { ok: false, reason: 'the answer is too large' };
  const type = headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    return { ok: false, reason: `the answer is ${type ? type.split(';')[0] : 'untyped'}, not JSON` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'the answer is not valid JSON' };
  }
}

export interface ImportAnswer {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  rows: RowResult[];
}

export function readImportAnswer(json: unknown): Read<ImportAnswer> {
  if (!isObject(json)) return fail('the answer is not a JSON object');
  // `unchanged` came later to the contract: an endpoint that never leaves an entry unchanged may leave it out.
  const { created, updated, failed, unchanged = 0 } = json;
  if (!isCount(created) || !isCount(updated) || !isCount(unchanged) || !isCount(failed)) {
    return fail('created, updated, unchanged and failed must be whole numbers');
  }
  const rows = readRows(json.rows);
  if (!rows.ok) return rows;
  const counted = created + updated + unchanged + failed;
  if (counted !== rows.value.length) return fail(`it counts ${counted} rows but lists ${rows.value.length}`);
  return { ok: true, value: { created, updated, unchanged, failed, rows: rows.value } };
}

export function readRows(value: unknown): Read<RowResult[]> {
  if (!Array.isArray(value)) return fail('rows must be a list');
  const rows: RowResult[] = [];
  for (const [index, item] of value.entries()) {
    const at = `rows[${index}]`;
    if (!isObject(item)) return fail(`${at} is not an object`);
    const { row, line, status, column, reason, type, extension, ignoredColumns } = item;
    if (!isCount(row) || !isCount(line)) return fail(`${at} needs whole numbers row and line`);
    if (status !== 'created' && status !== 'updated' && status !== 'unchanged' && status !== 'failed') {
      return fail(`${at} has no valid status`);
    }
    if (!optional(column, (v) => typeof v === 'string' || v === null)) return fail(`${at}.column is not a name`);
    if (!optional(reason, isString) || !optional(type, isString) || !optional(extension, isString)) {
      return fail(`${at} has a reason, type or extension that is not text`);
    }
    if (!optional(ignoredColumns, (v) => Array.isArray(v) && v.every(isString))) {
      return fail(`${at}.ignoredColumns is not a list of names`);
    }
    rows.push(item as unknown as RowResult);
  }
  return { ok: true, value: rows };
}

export function readProblems(value: unknown): Read<FileProblem[]> {
  if (value === undefined) return { ok: true, value: [] };
  if (!Array.isArray(value)) return fail('problems must be a list');
  for (const [index, item] of value.entries()) {
    if (!isObject(item) || !isString(item.message)) return fail(`problems[${index}] has no message`);
    if (!optional(item.line, isCount) || !optional(item.code, isString)) return fail(`problems[${index}] is malformed`);
    if (!optional(item.column, (v) => typeof v === 'string' || v === null))
      return fail(`problems[${index}] is malformed`);
  }
  return { ok: true, value: value as FileProblem[] };
}

/** The `{ error, message }` body of an error answer; both optional, since only the status is promised. */
export function readErrorBody(json: unknown): { error?: string; message?: string; json: Json } {
  if (!isObject(json)) return { json: {} };
  return {
    error: isString(json.error) ? json.error : undefined,
    message: isString(json.message) ? json.message : undefined,
    json,
  };
}

export function readTenantAnswer(json: unknown): Read<Omit<TenantSuccess, 'ok' | 'attempts'>> {
  if (!isObject(json)) return fail('the answer is not a JSON object');
  const tenant = json.tenant;
  if (!isObject(tenant) || !isString(tenant.id) || !isString(tenant.name)) return fail('tenant needs an id and a name');
  // The tenant's vocabulary is read as everywhere else; an answer must be whole, where a cache may keep what is good.
  const { data, problems } = readTenantData(json);
  if (problems.length > 0) return fail(problems[0].replace(/\.$/, ''));
  const { pinNotification, role } = data;
  if (!pinNotification) return fail('pinNotification is missing');
  if (!role) return fail('role is missing');
  const limits = json.limits ?? {};
  if (!isObject(limits) || !optional(limits.importBytes, (v) => isCount(v) && v > 0)) {
    return fail('limits.importBytes must be a whole number of bytes');
  }
  return {
    ok: true,
    value: {
      tenant: { id: tenant.id, name: tenant.name },
      ...(limits.importBytes === undefined ? {} : { importLimitBytes: limits.importBytes as number }),
      data: {
        pinNotification,
        role,
        callProfiles: data.callProfiles ?? [],
        keyProfiles: data.keyProfiles ?? [],
        holdAnnouncements: data.holdAnnouncements ?? [],
        siteZones: data.siteZones ?? [],
        extensionsInUse: data.extensionsInUse ?? [],
      },
    },
  };
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function optional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || check(value);
}
