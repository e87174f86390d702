/**
 * What the rules need to know about the tenant and the person importing. It is input, never code:
 * the server reads it from settings or the tenant endpoint, the CLI from flags and a JSON file.
 */
import type { TenantListName } from './columns';

/** The tenant's PIN notification setting: how users learn a new PIN. */
export type PinNotification = 'none' | 'display' | 'email' | 'emailAndDisplay';

/** Who runs the import. A telco admin imports on behalf of the tenant and may set telco-only columns. */
export type ImporterRole = 'tenantAdmin' | 'telcoAdmin';

export interface TenantEntry {
  id: string;
  name: string;
}

export interface TenantContext {
  pinNotification: PinNotification;
  role: ImporterRole;
  /** The tenant's known IDs with names; a list that is absent or empty is treated as unknown. */
  lists: Partial<Record<TenantListName, readonly TenantEntry[]>>;
  /** Extensions the tenant already uses; a row taking one of them is refused by the import. */
  extensionsInUse?: readonly string[];
}

export interface ServiceSettings {
  tenant: TenantContext;
  /**
   * True when the user has said this file is a subscriber file (by its language or name). Otherwise a CSV is
   * served only when its header names a known column, so that unrelated CSV files are left alone.
   */
  assumeSubscriberFile: boolean;
  /**
   * Check only the file's structure (header, quotes, row shapes), not every value: the server's self-protection
   * for files above the size the user set, so that a huge file stays responsive.
   */
  structureOnly?: boolean;
}

export const DEFAULT_TENANT: TenantContext = { pinNotification: 'none', role: 'tenantAdmin', lists: {} };

export const DEFAULT_SETTINGS: ServiceSettings = { tenant: DEFAULT_TENANT, assumeSubscriberFile: false };

export function pinNoticesByEmail(tenant: TenantContext): boolean {
  return tenant.pinNotification === 'email' || tenant.pinNotification === 'emailAndDisplay';
}

export const PIN_NOTIFICATION_LABELS: Readonly<Record<PinNotification, string>> = {
  none: 'None',
  display: 'Display',
  email: 'Email',
  emailAndDisplay: 'Email and Display',
};
