/**
 * Reads the `--tenant` JSON file: the tenant's known IDs, and optionally its PIN notification and the role.
 *
 * Unlike the editor settings (where a bad value falls back to a default), a file the user names on the command
 * line is checked strictly: a typo in a key or an ID would otherwise silently switch a check off.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImporterRole, PinNotification, TenantEntry, TenantListName } from '@subscriber-csv/language-service';
import { PIN_NOTIFICATION_FLAGS, ROLE_FLAGS } from './args';
import { UsageError } from './errors';
import { describeIoError } from './readFile';

export interface TenantFile {
  pinNotification?: PinNotification;
  role?: ImporterRole;
  lists: Partial<Record<TenantListName, TenantEntry[]>>;
  extensionsInUse?: string[];
}

const LIST_KEYS: readonly TenantListName[] = ['callProfiles', 'keyProfiles', 'holdAnnouncements', 'siteZones'];
const KNOWN_KEYS: readonly string[] = [...LIST_KEYS, 'extensionsInUse', 'pinNotification', 'role'];
const DIGITS = /^[0-9]+$/;

export async function readTenantFile(path: string, cwd: string): Promise<TenantFile> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read tenant file ${path}: ${describeIoError(error)}.`);
  }
  let json: unknown;
  try {
    // Editors on Windows may save JSON with a byte order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`tenant file ${path} is not valid JSON: ${error instanceof Error ? error.message : error}.`);
  }
  try {
    return parseTenant(json);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`tenant file ${path}: ${error.message}`);
    throw error;
  }
}

/** Checks the parsed JSON; throws a UsageError naming the first wrong key. */
export function parseTenant(json: unknown): TenantFile {
  if (!isObject(json)) throw new UsageError(`expected a JSON object, got ${describe(json)}.`);
  for (const key of Object.keys(json)) {
    if (!KNOWN_KEYS.includes(key)) throw new UsageError(`unknown key "${key}"; expected ${KNOWN_KEYS.join(', ')}.`);
  }
  const tenant: TenantFile = { lists: {} };
  for (const name of LIST_KEYS) {
    if (json[name] !== undefined) tenant.lists[name] = entries(json[name], name);
  }
  if (json.extensionsInUse !== undefined) {
    tenant.extensionsInUse = array(json.extensionsInUse, 'extensionsInUse').map((item, index) =>
      digits(item, `extensionsInUse[${index}]`),
    );
  }
  if (json.pinNotification !== undefined) {
    tenant.pinNotification = setting(json.pinNotification, 'pinNotification', PIN_NOTIFICATION_FLAGS);
  }
  if (json.role !== undefined) tenant.role = setting(json.role, 'role', ROLE_FLAGS);
  return tenant;
}

function entries(value: unknown, key: string): TenantEntry[] {
  return array(value, key).map((item, index) => {
    const at = `${key}[${index}]`;
    if (!isObject(item)) throw new UsageError(`${at} must be an object like {"id":"1","name":"Local"}.`);
    if (item.name !== undefined && typeof item.name !== 'string') {
      throw new UsageError(`${at}.name must be a string, not ${describe(item.name)}.`);
    }
    return { id: digits(item.id, `${at}.id`), name: item.name ?? '' };
  });
}

function array(value: unknown, key: string): unknown[] {
  if (!Array.isArray(value)) throw new UsageError(`${key} must be an array, not ${describe(value)}.`);
  return value;
}

/** IDs and extensions are digits; a number in the JSON is accepted for them too. */
function digits(value: unknown, at: string): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
  if (typeof text === 'string' && DIGITS.test(text.trim())) return text.trim();
  throw new UsageError(`${at} must be digits (like "101"), not ${describe(value)}.`);
}

/** Accepts both the library's spelling (emailAndDisplay) and the flag's (email-and-display). */
function setting<T extends string>(value: unknown, key: string, flags: Readonly<Record<string, T>>): T {
  const allowed = Object.values(flags);
  if (typeof value === 'string') {
    if ((allowed as string[]).includes(value)) return value as T;
    if (Object.hasOwn(flags, value)) return flags[value];
  }
  throw new UsageError(`${key} must be one of ${allowed.join(', ')}, not ${describe(value)}.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  return value === null || typeof value !== 'object' ? JSON.stringify(value) : 'an object';
}
