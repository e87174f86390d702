/**
 * The types of the endpoint-agnostic upload core (common/importClient) under the names the editor's modules use,
 * so that adapting to the core happens in one place.
 */
export type {
  EndpointCheck,
  FailureKind as ImportFailureKind,
  ImportFailure,
  ImportResult as ImportOutcome,
  ImportSuccess,
  PreviewResult,
  PreviewSuccess,
  RequestFailure,
  RowResult,
  TenantResult as TenantOutcome,
} from '../../../common/importClient';
