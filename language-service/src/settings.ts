/**
 * What the rules need to know about the tenant and the person importing. It is input, never code:
 * the server reads it from settings or the tenant endpoint, the CLI from flags and a JSON file.
 */
import type { FileEncoding } from './fileEncodings';
import type { KnownHolders } from './knownHolders';
import {
  TENANT_LISTS,
  type ImporterRole,
  type PinNotification,
  type TenantData,
  type TenantEntry,
  type TenantListName,
} from './tenant';

export interface TenantContext {
  pinNotification: PinNotification;
  role: ImporterRole;
  /** The tenant's known IDs with names; a list that is absent or empty is treated as unknown. */
  lists: Partial<Record<TenantListName, readonly TenantEntry[]>>;
  /** Extensions the tenant already uses; a row taking one of them is refused by the import. */
  extensionsInUse?: readonly string[];
  /** Of those, the ones whose holder is known (the file's own rows, once imported): a row naming it updates it. */
  knownHolders?: KnownHolders;
}

export interface ServiceSettings {
  tenant: TenantContext;
  /**
   * True when the user has said this file is a subscriber file (by its language or name). Otherwise a CSV is
   * served only when its header is plainly a subscriber header (Type and LastName, or at least three import columns
   * one of which is Type or LastName), so that unrelated CSV files are left alone.
   */
  assumeSubscriberFile: boolean;
  /**
   * Check only the file's structure (header, quotes, row shapes), not every value: the server's self-protection
   * for files above the size the user set, so that a huge file stays responsive.
   */
  structureOnly?: boolean;
  /**
   * The encoding the file's bytes are saved in, as the host that read them found it (the CLI, the editor's client);
   * absent when the text did not come from a file or the host could not tell. Anything but UTF-8 is reported once.
   */
  encoding?: FileEncoding;
}

export const DEFAULT_TENANT: TenantContext = { pinNotification: 'none', role: 'tenantAdmin', lists: {} };

export const DEFAULT_SETTINGS: ServiceSettings = { tenant: DEFAULT_TENANT, assumeSubscriberFile: false };

/** The context the rules take, from tenant data (as `readTenantData` reads it): what is absent takes the default. */
export function tenantContextOf(data: TenantData): TenantContext {
  const lists: TenantContext['lists'] = {};
  for (const name of TENANT_LISTS) if (data[name]) lists[name] = data[name];
  return {
    pinNotification: data.pinNotification ?? DEFAULT_TENANT.pinNotification,
    role: data.role ?? DEFAULT_TENANT.role,
    lists,
    ...(data.extensionsInUse ? { extensionsInUse: data.extensionsInUse } : {}),
  };
}

export function pinNoticesByEmail(tenant: TenantContext): boolean {
  return tenant.pinNotification === 'email' || tenant.pinNotification === 'emailAndDisplay';
}

export const PIN_NOTIFICATION_LABELS: Readonly<Record<PinNotification, string>> = {
  none: 'None',
  display: 'Display',
  email: 'Email',
  emailAndDisplay: 'Email and Display',
};
