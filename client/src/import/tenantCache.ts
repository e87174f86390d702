/**
 * The tenant data kept between sessions (in the extension's global state): what the endpoint answered, for which
 * endpoint and when. Never the token. Whatever is read back is checked, since stored state can be stale or edited.
 */
import type { TenantData } from '@subscriber-csv/language-service';
import { isObject, readTenantData, type Warn } from '../../../common/tenantDataReader';
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

/**
 * The cached tenant when it is well formed and belongs to `endpoint`. Fields of the wrong type in its data are
 * left out, each with one warning.
 */
export function readCachedTenant(value: unknown, endpoint: string, warn: Warn): CachedTenant | undefined {
  if (!isObject(value) || value.endpoint !== endpoint || typeof value.fetchedAt !== 'string') return undefined;
  const tenant = value.tenant;
  if (!isObject(tenant) || typeof tenant.id !== 'string' || typeof tenant.name !== 'string') return undefined;
  if (!isObject(value.data)) return undefined;
  return {
    endpoint,
    fetchedAt: value.fetchedAt,
    tenant: { id: tenant.id, name: tenant.name },
    data: readTenantData(value.data, warn, 'cached tenant data') ?? {},
  };
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
