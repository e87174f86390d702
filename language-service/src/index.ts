/**
 * The public API of the subscriber CSV rules, on one screen; nothing else is exported, and adapters import
 * nothing else (a lint rule and a test keep it so). `getLanguageService()` is the service; the rest are the types
 * it speaks and the facts that need no document (the tenant's vocabulary, the column table, the diagnostic
 * catalog), small and side-effect free, so that a caller importing only those (the extension client) does not
 * carry the rules.
 */
export { getLanguageService, type LanguageService } from './languageService';
export type { DataRow, RowCounts, RowPlace, SubscriberDocument } from './document';
export type { ValidationRun } from './engine/editorValidation';
export type { StreamCheck } from './engine/streamValidation';
export type { PartSummary } from './engine/streamIndex';
export type { HeaderRecord, StreamPlace, StreamSource } from './engine/streamSource';
export {
  DEFAULT_SETTINGS,
  DEFAULT_TENANT,
  tenantContextOf,
  type ServiceSettings,
  type TenantContext,
} from './settings';
export {
  flagSpelling,
  IMPORTER_ROLES,
  PIN_NOTIFICATIONS,
  readTenantData,
  TENANT_LISTS,
  type ImporterRole,
  type PinNotification,
  type TenantData,
  type TenantEntry,
  type TenantListName,
  type TenantReading,
} from './tenant';
export { FILE_ENCODING_INFO, FILE_ENCODINGS, isFileEncoding, type FileEncoding } from './fileEncodings';
export { knownHolders, sameEntryName, type EntryName, type KnownHolder, type KnownHolders } from './knownHolders';
export { COLUMNS, findColumn, type ColumnName, type ColumnSpec, type RowType } from './columns';
export {
  DIAGNOSTIC_SOURCE,
  isKnownCode,
  type DiagnosticCode,
  type DiagnosticScope,
  type ImportEffect,
  type SeverityBasis,
} from './catalog/diagnosticCodes';
export { CATALOG, type DiagnosticInfo } from './catalog/diagnosticCatalog';
export { fixKindOf, type FixKind } from './catalog/fixKinds';
export type { FixAllResult } from './features/fixAll';
export type { DiagnosticData } from './rules/report';
export { MAX_PUBLISHED_DIAGNOSTICS } from './diagnosticLimit';
export { ChunkedTextDocument, ChunkedTextDocuments } from './text/chunkedTextDocument';
export type { TextChange } from './text/textSource';
export { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
export { codeSpan, escapeMarkdown } from './features/markdown';
export type { CellInfo } from './features/cellInfo';
export type { FormChoice, FormProblem, RowForm, RowFormField } from './features/rowForm';
export type { NewFileColumn } from './features/newFile/template';
export type { RowSnippet } from './features/newFile/rowSnippets';
