export { getLanguageService, type SubscriberLanguageService } from './languageService';
export { COLUMNS, findColumn, type ColumnSpec, type TenantListName } from './columns';
export { CATALOG, DIAGNOSTIC_SOURCE, type DiagnosticCode } from './diagnosticCatalog';
export {
  DEFAULT_SETTINGS,
  DEFAULT_TENANT,
  type ImporterRole,
  type PinNotification,
  type ServiceSettings,
  type TenantContext,
  type TenantEntry,
} from './settings';
export type { SubscriberModel } from './subscriberModel';
