/**
 * Reads what the client hands the server — the `subscriberCsv` configuration and the tenant data from the endpoint —
 * into typed values. Neither is trusted: a workspace's settings and a broken endpoint can hold any JSON. A value of
 * the wrong type is ignored (its default applies; a list keeps its well-typed entries) and `warn` is called once
 * for it, with the setting's name and what was expected, never the value: a misplaced value can be anything, a PIN
 * or a token included.
 */
import type { TenantData, TenantDataEntry } from '../../common/protocol';
import type { ImporterRole, PinNotification, TenantListName } from './service';

export type Warn = (message: string) => void;

/** The tenant's lists as settings or the endpoint give them. */
export type TenantLists = Pick<TenantData, TenantListName | 'extensionsInUse'>;

export interface SubscriberConfig {
  pinNotification?: PinNotification;
  role?: ImporterRole;
  filePatterns?: string[];
  fullCheckLimitMB?: number;
  tenant: TenantLists;
}

export const PIN_NOTIFICATIONS: readonly PinNotification[] = ['none', 'display', 'email', 'emailAndDisplay'];
export const ROLES: readonly ImporterRole[] = ['tenantAdmin', 'telcoAdmin'];
export const TENANT_LISTS: readonly TenantListName[] = [
  'callProfiles',
  'keyProfiles',
  'holdAnnouncements',
  'siteZones',
];

const SECTION = 'subscriberCsv';

/** The `subscriberCsv` section as `workspace/configuration` answered it. */
export function readConfig(value: unknown, warn: Warn): SubscriberConfig {
  if (value === null || value === undefined) return { tenant: {} };
  if (!isObject(value)) {
    warn(`${SECTION} is not an object: every setting has its default.`);
    return { tenant: {} };
  }
  const name = (key: string) => `${SECTION}.${key}`;
  const config: SubscriberConfig = {
    pinNotification: oneOf(value.pinNotification, PIN_NOTIFICATIONS, name('pinNotification'), warn),
    role: oneOf(value.role, ROLES, name('role'), warn),
    filePatterns: listOf(value.filePatterns, name('filePatterns'), 'text', readText, warn),
    fullCheckLimitMB: positiveNumber(value.fullCheckLimitMB, name('fullCheckLimitMB'), warn),
    tenant: {},
  };
  const tenant = value.tenant;
  if (tenant === undefined || tenant === null) return config;
  if (!isObject(tenant)) {
    warn(`${name('tenant')} is not an object: the tenant lists are empty.`);
    return config;
  }
  config.tenant = readLists(tenant, (key) => name(`tenant.${key}`), warn);
  return config;
}

/** The tenant data notification: null (use the settings), or what the endpoint answered, checked field by field. */
export function readTenantData(value: unknown, warn: Warn): TenantData | null {
  if (value === null || value === undefined) return null;
  const name = (key: string) => `tenant data field ${key}`;
  if (!isObject(value)) {
    warn('The tenant data is not an object: the settings apply.');
    return null;
  }
  return {
    pinNotification: oneOf(value.pinNotification, PIN_NOTIFICATIONS, name('pinNotification'), warn),
    role: oneOf(value.role, ROLES, name('role'), warn),
    ...readLists(value, name, warn),
  };
}

function readLists(value: Record<string, unknown>, name: (key: string) => string, warn: Warn): TenantLists {
  const lists: TenantLists = {};
  for (const list of TENANT_LISTS) {
    lists[list] = listOf(value[list], name(list), '{ "id": "…", "name": "…" } entries', readEntry, warn);
  }
  lists.extensionsInUse = listOf(value.extensionsInUse, name('extensionsInUse'), 'extensions', readDigits, warn);
  return lists;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string, warn: Warn): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  warn(`${name} is not one of ${allowed.join(', ')}: the default applies.`);
  return undefined;
}

function positiveNumber(value: unknown, name: string, warn: Warn): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  warn(`${name} is not a positive number: the default applies.`);
  return undefined;
}

/**
 * A list's entries that `read` takes; undefined when there is no list. Entries it refuses are counted in one
 * warning. Empty text is left out without one: it is the right type, and means nothing.
 */
function listOf<T>(
  value: unknown,
  name: string,
  expected: string,
  read: (item: unknown) => T | undefined | '',
  warn: Warn,
): T[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    warn(`${name} is not a list of ${expected}: it is ignored.`);
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
    const entries = wrong === 1 ? '1 entry is' : `${wrong} entries are`;
    warn(`${name}: ${entries} not ${expected} and ${wrong === 1 ? 'is' : 'are'} ignored; the others apply.`);
  }
  return items;
}

function readText(item: unknown): string | undefined {
  return typeof item === 'string' ? item.trim() : undefined;
}

/** IDs and extensions: text, or a whole number (JSON settings are often written without quotes). */
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
