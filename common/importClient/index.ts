/**
 * The upload core: talks to the import endpoint of docs/import-api.md. No `vscode` here; the extension, the CLI
 * and the tests all use these functions.
 */
export { checkEndpointUrl, isLoopback, type EndpointCheck } from './endpointUrl';
export { fetchTenant } from './fetchTenant';
export { uploadImport } from './uploadImport';
export { previewImport } from './previewImport';
export { countsText, previewCountsText } from './counts';
export { IMPORT_DEFAULTS } from './defaults';
export { rowReason } from './rowText';
export { combineSignals } from './signals';
export { scrub } from './secrets';
export type {
  FailureKind,
  FileProblem,
  ImportFailure,
  ImportResult,
  ImportSuccess,
  PreviewResult,
  PreviewSuccess,
  RequestFailure,
  RequestOptions,
  RequestProgress,
  RowResult,
  TenantResult,
  TenantSuccess,
  UploadOptions,
} from './types';
