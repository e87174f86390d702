/**
 * Reads tenant data — the tenant's lists, its PIN notification and the role — from JSON nobody vouches for: the
 * tenant data notification (server), the cache in the editor's global state (client), the `subscriberCsv.tenant.*`
 * settings (server). One reader, so that all of them accept the same shapes.
 *
 * A value of the wrong type is ignored (a list keeps its well-typed entries) and `warn` is called once for it with
 * the field's name and what was expected, never the value: a misplaced value can be anything, a PIN or a token
 * included.
 */
import type { TenantData, TenantDataEntry } from './protocol';

export type Warn = (message: string) => void;

export type PinNotification = NonNullable<TenantData['pinNotification']>;
export type ImporterRole = NonNullable<TenantData['role']>;
export type TenantListName = 'callProfiles' | 'keyProfiles' | 'holdAnnouncements' | 'siteZones';
/** The tenant's lists, as settings or the endpoint give them. */
export type TenantLists = Pick<TenantData, TenantListName | 'extensionsInUse'>;

export const PIN_NOTIFICATIONS: readonly PinNotification[] = ['none', 'display', 'email', 'emailAndDisplay'];
export const ROLES: readonly ImporterRole[] = ['tenantAdmin', 'telcoAdmin'];
export const TENANT_LISTS: readonly TenantListName[] = [
  'callProfiles',
  'keyProfiles',
  'holdAnnouncements',
  'siteZones',
];

/** Null (none), or the fields of `value` that have the right type; `label` names the source in warnings. */
export function readTenantData(value: unknown, warn: Warn, label = 'tenant data'): TenantData | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) {
    warn(`The ${label} is not an object: it is ignored.`);
    return null;
  }
  const name = (key: string) => `${label} field ${key}`;
  const data: TenantData = {
    pinNotification: oneOf(value.pinNotification, PIN_NOTIFICATIONS, name('pinNotification'), warn),
    role: oneOf(value.role, ROLES, name('role'), warn),
    ...readTenantLists(value, name, warn),
  };
  // Absent fields stay absent, as they were sent.
  for (const key of Object.keys(data) as (keyof TenantData)[]) if (data[key] === undefined) delete data[key];
  return data;
}

/** The four lists and the extensions in use of `value`, each checked; `name` turns a key into a setting's name. */
export function readTenantLists(
  value: Record<string, unknown>,
  name: (key: string) => string,
  warn: Warn,
): TenantLists {
  const lists: TenantLists = {};
  for (const list of TENANT_LISTS) {
    lists[list] = listOf(value[list], name(list), '{ "id": "…", "name": "…" }', readEntry, warn);
  }
  lists.extensionsInUse = listOf(
    value.extensionsInUse,
    name('extensionsInUse'),
    'text or a whole number',
    readDigits,
    warn,
  );
  return lists;
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

/** IDs and extensions: text, or a whole number (JSON is often written without quotes). */
function readDigits(item: unknown): string | undefined {
  if (typeof item === 'string') return item.trim();
  if (typeof item === 'number' && Number.isSafeInteger(item) && item >= 0) return String(item);
  return undefined;
}

function readEntry(item: unknown): TenantDataEntry | undefined | '' {
  if (!isObject(item)) return undefined;
  const id = readDigits(item.id);
  if (id === undefined) return undefined;
  if (item.name !== undefined && item.name !== null && typeof item.name !== 'string') return undefined;
  return id === '' ? '' : { id, name: typeof item.name === 'string' ? item.name : '' };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
