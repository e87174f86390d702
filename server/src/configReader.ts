/**
 * Reads the `subscriberCsv` configuration as `workspace/configuration` answered it into typed values. A workspace's
 * settings can hold any JSON: a value of the wrong type is ignored (its default applies; a list keeps its
 * well-typed entries) and `warn` is called once for it with the setting's name, never the value.
 */
import {
  isObject,
  listOf,
  oneOf,
  PIN_NOTIFICATIONS,
  readTenantLists,
  readText,
  ROLES,
  type ImporterRole,
  type PinNotification,
  type TenantLists,
  type Warn,
} from '../../common/tenantDataReader';
import { CONFIG_SECTION } from '../../common/protocol';

export interface SubscriberConfig {
  pinNotification?: PinNotification;
  role?: ImporterRole;
  filePatterns?: string[];
  fullCheckLimitMB?: number;
  tenant: TenantLists;
}

export function readConfig(value: unknown, warn: Warn): SubscriberConfig {
  if (value === null || value === undefined) return { tenant: {} };
  if (!isObject(value)) {
    warn(`${CONFIG_SECTION} is not an object: every setting has its default.`);
    return { tenant: {} };
  }
  const name = (key: string) => `${CONFIG_SECTION}.${key}`;
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
  config.tenant = readTenantLists(tenant, (key) => name(`tenant.${key}`), warn);
  return config;
}

function positiveNumber(value: unknown, name: string, warn: Warn): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  warn(`${name} is not a positive number: the default applies.`);
  return undefined;
}
