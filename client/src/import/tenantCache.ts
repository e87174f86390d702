/**
 * The tenant data kept between sessions (in the extension's global state): what the endpoint answered, for which
 * endpoint and when. Never the token. Whatever is read back is checked, since stored state can be stale or edited.
 */
import { readTenantData, type TenantData } from '@subscriber-csv/language-service';
import { plural } from './text';

export interface CachedTenant {
  /** The endpoint the data came from; data of another endpoint is never used. */
  endpoint: string;
  /** ISO time of the fetch. */
  fetchedAt: string;
  tenant: { id: string; name: string };
  data: TenantData;
}

export const TENANT_CACHE_KEY = 'subscriberCsv.tenantCache';

/** The cached tenant when it is well formed and belongs to `endpoint`. */
export function readCachedTenant(value: unknown, endpoint: string): CachedTenant | undefined {
  if (!isObject(value) || value.endpoint !== endpoint || typeof value.fetchedAt !== 'string') return undefined;
  const tenant = value.tenant;
  if (!isObject(tenant) || typeof tenant.id !== 'string' || typeof tenant.name !== 'string') return undefined;
  if (!isObject(value.data)) return undefined;
  return {
    endpoint,
    fetchedAt: value.fetchedAt,
    tenant: { id: tenant.id, name: tenant.name },
    data: sanitizeTenantData(value.data),
  };
}

/** Keeps only the fields and entries of `TenantData` that have the right shape (the rules library's reader). */
export function sanitizeTenantData(value: Record<string, unknown>): TenantData {
  return readTenantData(value).data;
}

/** `3 call profiles, 1 key profile, …`: the lists loaded, the empty ones left out; `no lists` when all are empty. */
export function describeTenantData(data: TenantData): string {
  const parts = [
    count(data.callProfiles, 'call profile'),
    count(data.keyProfiles, 'key profile'),
    count(data.holdAnnouncements, 'hold announcement'),
    count(data.siteZones, 'site zone'),
    count(data.extensionsInUse, 'extension in use', 'extensions in use'),
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : 'no lists';
}

function count(list: readonly unknown[] | undefined, singular: string, pluralForm?: string): string | undefined {
  return list && list.length > 0 ? plural(list.length, singular, pluralForm) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
