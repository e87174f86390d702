/**
 * Reads settings and tenant data from JSON nobody vouches for, warning instead of failing: the tenant data
 * notification (server), the cache in the editor's global state (client), the `subscriberCsv.*` settings (server).
 * The tenant vocabulary itself is read by the rules library's `readTenantData`, the one reader every part of the
 * project uses; this file turns what it leaves out into warnings and holds the small readers of other settings.
 *
 * A value of the wrong type is ignored (a list keeps its well-typed entries) and `warn` is called once for it with
 * the field's name and what was expected, never the value: a misplaced value can be anything, a PIN or a token
 * included.
 */
import {
  IMPORTER_ROLES,
  PIN_NOTIFICATIONS,
  readTenantData as readTenantVocabulary,
  TENANT_LISTS,
  type ImporterRole,
  type PinNotification,
  type TenantData,
  type TenantListName,
} from '@subscriber-csv/language-service';

export type Warn = (message: string) => void;

export { PIN_NOTIFICATIONS, TENANT_LISTS, type ImporterRole, type PinNotification, type TenantListName };
export const ROLES = IMPORTER_ROLES;
/** The tenant's lists, as settings or the endpoint give them. */
export type TenantLists = Pick<TenantData, TenantListName | 'extensionsInUse'>;

/**
 * Null (none), or the fields of `value` that have the right shape, read by the rules library's one reader of the
 * tenant vocabulary; what it leaves out is warned about (`label` names the source), one warning per field.
 */
export function readTenantData(value: unknown, warn: Warn, label = 'tenant data'): TenantData | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) {
    warn(`The ${label} is not an object: it is ignored.`);
    return null;
  }
  const { data, problems } = readTenantVocabulary(value);
  warnPerField(problems, (key) => `${label} field ${key}`, warn);
  return data;
}

/** The four lists and the extensions in use of `value`, each checked; `name` turns a key into a setting's name. */
export function readTenantLists(
  value: Record<string, unknown>,
  name: (key: string) => string,
  warn: Warn,
): TenantLists {
  const lists: Record<string, unknown> = {};
  for (const key of [...TENANT_LISTS, 'extensionsInUse']) if (value[key] !== undefined) lists[key] = value[key];
  const { data, problems } = readTenantVocabulary(lists);
  warnPerField(problems, name, warn);
  const { pinNotification: _pin, role: _role, ...read } = data;
  return read;
}

/**
 * The reader's problems as warnings, the first of each field with a count of the others: a list of ten thousand
 * wrong entries is one warning. Problems name keys and types, never values.
 */
function warnPerField(problems: readonly string[], name: (key: string) => string, warn: Warn): void {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const key = /^[A-Za-z]+/.exec(problem)?.[0] ?? '';
    byField.set(key, [...(byField.get(key) ?? []), problem]);
  }
  for (const [key, found] of byField) {
    const first = found[0].replace(/^[A-Za-z]+/, name(key)).replace(/\.$/, '');
    const more = found.length > 1 ? ` (and ${found.length - 1} more like it)` : '';
    warn(`${first}${more}: ignored.`);
  }
}

/** One of `allowed`, or undefined (with a warning when something else was there). */
export function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  name: string,
  warn: Warn,
): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  warn(`${name} is not one of ${allowed.join(', ')}: the default applies.`);
  return undefined;
}

/**
 * A list's entries that `read` takes; undefined when there is no list. Entries it refuses are counted in one
 * warning. Empty text is left out without one: it is the right type, and means nothing.
 */
export function listOf<T>(
  value: unknown,
  name: string,
  expected: string,
  read: (item: unknown) => T | undefined | '',
  warn: Warn,
): T[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    warn(`${name} is not a list: it is ignored.`);
    return undefined;
  }
  const items: T[] = [];
  let wrong = 0;
  for (const item of value as unknown[]) {
    const taken = read(item);
    if (taken === undefined) wrong++;
    else if (taken !== '') items.push(taken);
  }
  if (wrong > 0) {
    const [have, are] = wrong === 1 ? ['has', 'it is'] : ['have', 'they are'];
    warn(`${name}: ${wrong} of ${value.length} entries ${have} the wrong type (expected ${expected}); ${are} ignored.`);
  }
  return items;
}

export function readText(item: unknown): string | undefined {
  return typeof item === 'string' ? item.trim() : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
