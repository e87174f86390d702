/**
 * Turns the client's `subscriberCsv` configuration (and tenant data from the endpoint, when loaded) into the
 * settings the rules library takes. Anything malformed falls back to a safe default rather than failing.
 */
import type { TenantData } from '../../common/protocol';
import {
  DEFAULT_TENANT,
  type ImporterRole,
  type PinNotification,
  type TenantContext,
  type TenantEntry,
  type TenantListName,
} from '@subscriber-csv/language-service';

export interface SubscriberConfig {
  pinNotification?: unknown;
  role?: unknown;
  filePatterns?: unknown;
  fullCheckLimitMB?: unknown;
  tenant?: Partial<Record<TenantListName | 'extensionsInUse', unknown>>;
}

const PIN_NOTIFICATIONS: readonly PinNotification[] = ['none', 'display', 'email', 'emailAndDisplay'];
const ROLES: readonly ImporterRole[] = ['tenantAdmin', 'telcoAdmin'];
const LISTS: readonly TenantListName[] = ['callProfiles', 'keyProfiles', 'holdAnnouncements', 'siteZones'];

function entries(value: unknown): TenantEntry[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (item): item is { id: unknown; name?: unknown } => typeof item === 'object' && item !== null && 'id' in item,
    )
    .map((item) => ({ id: String(item.id).trim(), name: typeof item.name === 'string' ? item.name : '' }))
    .filter((item) => item.id !== '');
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => String(item).trim()).filter((item) => item !== '') : [];
}

export function tenantFromConfig(config: SubscriberConfig | undefined, data: TenantData | null): TenantContext {
  const pin = data?.pinNotification ?? config?.pinNotification;
  const role = data?.role ?? config?.role;
  const lists: TenantContext['lists'] = {};
  for (const name of LISTS) {
    const fromData = data?.[name];
    lists[name] = fromData && fromData.length > 0 ? entries(fromData) : entries(config?.tenant?.[name]);
  }
  const inUse = data?.extensionsInUse ?? config?.tenant?.extensionsInUse;
  return {
    pinNotification: PIN_NOTIFICATIONS.includes(pin as PinNotification)
      ? (pin as PinNotification)
      : DEFAULT_TENANT.pinNotification,
    role: ROLES.includes(role as ImporterRole) ? (role as ImporterRole) : DEFAULT_TENANT.role,
    lists,
    extensionsInUse: strings(inUse),
  };
}

export function filePatternsFromConfig(config: SubscriberConfig | undefined): string[] {
  const patterns = strings(config?.filePatterns);
  return patterns.length > 0 ? patterns : ['**/*.subscribers.csv'];
}

/** The default size above which only a file's structure is checked while editing. */
export const DEFAULT_FULL_CHECK_LIMIT_MB = 40;

/** The size in UTF-16 characters above which a document gets structure-only checks. */
export function fullCheckLimitFromConfig(config: SubscriberConfig | undefined): number {
  const megabytes = config?.fullCheckLimitMB;
  const limit = typeof megabytes === 'number' && megabytes > 0 ? megabytes : DEFAULT_FULL_CHECK_LIMIT_MB;
  return limit * 1024 * 1024;
}
