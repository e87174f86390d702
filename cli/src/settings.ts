/**
 * The library settings for a `check` run: flags win over the tenant file, which wins over the defaults.
 * Files named on the command line are subscriber files by the user's say-so, whatever their header.
 */
import { DEFAULT_TENANT, type ServiceSettings } from '@subscriber-csv/language-service';
import type { CheckOptions } from './args';
import { readTenantFile, type TenantFile } from './tenantFile';

export async function buildSettings(options: CheckOptions, cwd: string): Promise<ServiceSettings> {
  const path = options.tenantFile;
  const tenant: TenantFile = path === undefined ? { lists: {} } : await readTenantFile(path, cwd);
  return {
    tenant: {
      pinNotification: options.pinNotification ?? tenant.pinNotification ?? DEFAULT_TENANT.pinNotification,
      role: options.role ?? tenant.role ?? DEFAULT_TENANT.role,
      lists: tenant.lists,
      ...(tenant.extensionsInUse ? { extensionsInUse: tenant.extensionsInUse } : {}),
    },
    assumeSubscriberFile: true,
  };
}
