/**
 * The message shown after an upload, and the buttons it offers. The upload core already words each failure for
 * people (host, status, what to do; scrubbed of the token and PINs); this adds what the editor did about it: rows
 * marked in the file, and the button that helps. Pure: the command shows it.
 */
import { countsText } from '../../../common/importClient';
import type { ImportFailure, ImportOutcome, ImportSuccess } from './importApi';
import type { ImportRefusalReason } from './importResult';

/** A button on a message; the command module maps each to what it runs. */
export type ImportAction = 'setApiToken' | 'showProblems' | 'showLog' | 'openEndpointSetting' | 'manageWorkspaceTrust';

export interface ImportMessage {
  severity: 'info' | 'warning' | 'error';
  message: string;
  actions: ImportAction[];
}

export interface SummaryContext {
  host: string;
  fileName: string;
  /** How many problems were marked in the file (refused rows, conflicting rows, problems of a rejected file). */
  markedProblems: number;
}

export function summarizeImport(outcome: ImportOutcome, context: SummaryContext): ImportMessage {
  return outcome.ok ? summarizeSuccess(outcome, context) : describeFailure(outcome, context);
}

function summarizeSuccess(result: ImportSuccess, context: SummaryContext): ImportMessage {
  const counts = countsText(result);
  const replayed = result.replayed ? ' (the endpoint had already received this import; this is its first answer)' : '';
  const message = `Imported ${context.fileName} to ${context.host}: ${counts}${replayed}.`;
  if (result.failed === 0) return { severity: 'info', message, actions: [] };
  return {
    severity: 'warning',
    message: `${message} ${context.markedProblems > 0 ? 'The refused rows are marked in the file.' : 'See the log for the refused rows.'}`,
    actions: context.markedProblems > 0 ? ['showProblems'] : ['showLog'],
  };
}

function describeFailure(failure: ImportFailure, context: SummaryContext): ImportMessage {
  switch (failure.kind) {
    case 'unauthorized':
    case 'forbidden':
      return { severity: 'error', message: failure.message, actions: ['setApiToken'] };
    case 'invalidEndpoint':
      return { severity: 'error', message: failure.message, actions: ['openEndpointSetting'] };
    case 'rejected':
      return marked(failure, context, 'The problems are marked in the file.');
    case 'conflict':
      return marked(failure, context, 'The conflicting rows are marked in the file.');
    case 'cancelled':
      return { severity: 'warning', message: failure.message, actions: [] };
    case 'tooLarge':
    case 'rateLimited':
      return { severity: 'error', message: failure.message, actions: [] };
    case 'server':
    case 'network':
    case 'timeout':
    case 'badResponse':
      return { severity: 'error', message: failure.message, actions: ['showLog'] };
  }
}

function marked(failure: ImportFailure, context: SummaryContext, note: string): ImportMessage {
  if (context.markedProblems === 0) return { severity: 'error', message: failure.message, actions: ['showLog'] };
  return { severity: 'error', message: `${failure.message} ${note}`, actions: ['showProblems'] };
}

/** The buttons offered when an import is refused before uploading. */
export function refusalActions(reason: ImportRefusalReason): ImportAction[] {
  switch (reason) {
    case 'hasErrors':
    case 'refusedByPreview':
      return ['showProblems'];
    case 'noEndpoint':
    case 'insecureEndpoint':
      return ['openEndpointSetting'];
    case 'noToken':
      return ['setApiToken'];
    case 'notChecked':
      return ['showLog'];
    case 'untrustedWorkspace':
      return ['manageWorkspaceTrust'];
    default:
      return [];
  }
}
