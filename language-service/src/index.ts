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
export type { ValidationRun } from './validation';
export type { StreamedDiagnostic, StreamValidation } from './streamValidation';
export { MAX_PUBLISHED_DIAGNOSTICS } from './diagnosticLimit';
export { ChunkedTextDocument, ChunkedTextDocuments } from './text/chunkedTextDocument';
export type { SlicedTextDocument, TextChange } from './text/textSource';
