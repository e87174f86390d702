/**
 * The library settings for a `check` run: flags win over the tenant file, which wins over the defaults.
 * Files named on the command line are subscriber files by the user's say-so, whatever their header.
 */
import { tenantContextOf, type ServiceSettings } from '@subscriber-csv/language-service';
import type { CheckOptions } from './args';
import { readTenantFile } from './tenantFile';

export async function buildSettings(options: CheckOptions, cwd: string): Promise<ServiceSettings> {
  const path = options.tenantFile;
  const tenant = path === undefined ? {} : await readTenantFile(path, cwd);
  return {
    tenant: tenantContextOf({
      ...tenant,
      ...(options.pinNotification ? { pinNotification: options.pinNotification } : {}),
      ...(options.role ? { role: options.role } : {}),
    }),
    assumeSubscriberFile: true,
  };
}
