/**
 * The upload core: talks to the import endpoint of docs/import-api.md. No `vscode` here; the extension, the CLI
 * and the tests all use these functions.
 */
export { checkEndpointUrl, isLoopback, type EndpointCheck } from './endpointUrl';
export { fetchTenant } from './fetchTenant';
export { uploadImport } from './uploadImport';
export { countsText } from './counts';
export { combineSignals } from './signals';
export { scrub } from './secrets';
export type {
  FailureKind,
  FileProblem,
  ImportFailure,
  ImportResult,
  ImportSuccess,
  RequestFailure,
  RequestOptions,
  RequestProgress,
  RowResult,
  TenantResult,
  TenantSuccess,
  UploadOptions,
} from './types';
