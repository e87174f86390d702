/**
 * The tenant's vocabulary, written once: its PIN notification setting, who imports, its lists of known IDs and the
 * extensions it already uses. The endpoint's answer, the client's cache, the server's settings, the CLI's
 * `--tenant` file and the sandbox all speak it, and all read it with `readTenantData`.
 *
 * Pure and small on purpose: the extension client reads its cache with it without carrying the rules.
 */

/** How the tenant tells users a new PIN (the page's "PIN Notification Setting"). */
export const PIN_NOTIFICATIONS = ['none', 'display', 'email', 'emailAndDisplay'] as const;
export type PinNotification = (typeof PIN_NOTIFICATIONS)[number];

/** Who runs the import. A telco admin imports on behalf of the tenant and may set telco-only columns. */
export const IMPORTER_ROLES = ['tenantAdmin', 'telcoAdmin'] as const;
export type ImporterRole = (typeof IMPORTER_ROLES)[number];

/** The tenant's lists of known IDs, each named for what its IDs name. */
export const TENANT_LISTS = ['callProfiles', 'keyProfiles', 'holdAnnouncements', 'siteZones'] as const;
export type TenantListName = (typeof TENANT_LISTS)[number];

export interface TenantEntry {
  id: string;
  name: string;
}

/** The tenant's data as it travels between the endpoint, the client, the server and the CLI; any part may be absent. */
export type TenantData = {
  pinNotification?: PinNotification;
  role?: ImporterRole;
  /** Extensions the tenant already uses. */
  extensionsInUse?: string[];
} & { [list in TenantListName]?: TenantEntry[] };

/** The keys `readTenantData` reads. */
export const TENANT_DATA_KEYS: readonly (keyof TenantData)[] = [
  ...TENANT_LISTS,
  'extensionsInUse',
  'pinNotification',
  'role',
];

export interface TenantReading {
  /** Every field and list entry that has the right shape. */
  data: TenantData;
  /** What was left out and why, one sentence each naming the key; empty when everything was read. */
  problems: string[];
}

/** IDs and extensions are digits (`"101"`); a whole number is read as its digits. */
const DIGITS = /^[0-9]+$/;

/**
 * Reads tenant data from JSON of any shape, keeping what is well formed and saying what is not, so that each caller
 * chooses its strictness: the CLI and the upload core refuse data with problems, the client's cache and the
 * editor's settings keep the rest. Settings accept the camel-case spelling and the CLI's (`email-and-display`).
 * With `otherKeys: 'refuse'`, keys outside the vocabulary are problems too (a typo would silently drop a list).
 */
export function readTenantData(json: unknown, options: { otherKeys?: 'ignore' | 'refuse' } = {}): TenantReading {
  const problems: string[] = [];
  const data: TenantData = {};
  if (!isObject(json)) return { data, problems: [`expected a JSON object, got ${describe(json)}.`] };
  if (options.otherKeys === 'refuse') {
    for (const key of Object.keys(json)) {
      if (!(TENANT_DATA_KEYS as readonly string[]).includes(key)) {
        problems.push(`unknown key "${key}"; expected ${TENANT_DATA_KEYS.join(', ')}.`);
      }
    }
  }
  for (const list of TENANT_LISTS) {
    const entries = listOf(json[list], list, problems, (item, at) => entryOf(item, at, problems));
    if (entries) data[list] = entries;
  }
  const extensions = listOf(json.extensionsInUse, 'extensionsInUse', problems, (item, at) =>
    digitsOf(item, at, problems),
  );
  if (extensions) data.extensionsInUse = extensions;
  const pinNotification = oneOf(json.pinNotification, 'pinNotification', PIN_NOTIFICATIONS, problems);
  if (pinNotification) data.pinNotification = pinNotification;
  const role = oneOf(json.role, 'role', IMPORTER_ROLES, problems);
  if (role) data.role = role;
  return { data, problems };
}

/** The kebab-case spelling of a vocabulary value, as command-line flags write it (`emailAndDisplay` → `email-and-display`). */
export function flagSpelling(value: string): string {
  return value.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function oneOf<T extends string>(
  value: unknown,
  key: string,
  allowed: readonly T[],
  problems: string[],
): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((candidate) => value === candidate || value === flagSpelling(candidate));
  if (found === undefined) problems.push(`${key} must be one of ${allowed.join(', ')}${notA(value)}.`);
  return found;
}

function listOf<T>(
  value: unknown,
  key: string,
  problems: string[],
  readItem: (item: unknown, at: string) => T | undefined,
): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.push(`${key} must be an array, not ${describe(value)}.`);
    return undefined;
  }
  const items: T[] = [];
  value.forEach((item, index) => {
    const read = readItem(item, `${key}[${index}]`);
    if (read !== undefined) items.push(read);
  });
  return items;
}

function entryOf(item: unknown, at: string, problems: string[]): TenantEntry | undefined {
  if (!isObject(item)) {
    problems.push(`${at} must be an object like {"id":"1","name":"Local"}.`);
    return undefined;
  }
  const id = digitsOf(item.id, `${at}.id`, problems);
  if (item.name !== undefined && typeof item.name !== 'string') {
    problems.push(`${at}.name must be a string, not ${describe(item.name)}.`);
    return undefined;
  }
  return id === undefined ? undefined : { id, name: item.name ?? '' };
}

function digitsOf(value: unknown, at: string, problems: string[]): string | undefined {
  const text = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
  if (typeof text === 'string' && DIGITS.test(text.trim())) return text.trim();
  problems.push(`${at} must be digits (like "101")${notA(value)}.`);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `, not a number` after what was expected; nothing for text, where the type was right and only the value wrong. */
function notA(value: unknown): string {
  return typeof value === 'string' ? '' : `, not ${describe(value)}`;
}

/**
 * A value as a problem names it: its type, never the value itself. A misplaced value can be anything (a PIN, a
 * token pasted into the wrong field), and problems end up in CI logs and the editor's output.
 */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
