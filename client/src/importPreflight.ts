/**
 * What an import and its preview check before sending anything, in one place so that both judge a file alike: the
 * file is open and a CSV file, the workspace is trusted, an endpoint and a token for its host are set, and the
 * language server's verdict on the exact version in the editor allows it (no errors, some rows). Returns what the
 * upload needs, or why not.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { checkEndpointUrl } from '../../common/importClient';
import type { ApiTokenStore } from './apiToken';
import { checkDocument, errorText, fileNameOf, toCheckedDiagnostic, type DocumentCheck } from './documentCheck';
import { SERVED_DOCUMENTS } from './documentSelector';
import { decideImport, type ImportDecision, type RefusalReason } from './import/decideImport';
import type { PreflightReason } from './import/importResult';
import { endpointHost } from './import/text';
import type { ImportProblems } from './importProblems';
import { endpointSetting } from './settings';

export interface Ready {
  ok: true;
  document: vscode.TextDocument;
  fileName: string;
  endpoint: string;
  host: string;
  token: string;
  checked: DocumentCheck;
  decision: Extract<ImportDecision, { kind: 'confirm' }>;
}

export interface NotReady {
  ok: false;
  reason: RefusalReason | PreflightReason;
  message: string;
  errors: number;
}

export interface PreflightDependencies {
  client: LanguageClient;
  tokens: ApiTokenStore;
  problems: ImportProblems;
  log: vscode.LogOutputChannel;
}

export async function preflight(
  deps: PreflightDependencies,
  uri: vscode.Uri,
  fromMenu: boolean,
): Promise<Ready | NotReady> {
  const refuse = (reason: NotReady['reason'], message: string, errors = 0): NotReady => ({
    ok: false,
    reason,
    message,
    errors,
  });
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    return refuse('noFile', `Could not open ${fileNameOfUri(uri)}: ${errorText(error)}`);
  }
  const fileName = fileNameOf(document);
  // From the explorer the file may not be open: show it, so that the rows the endpoint refuses are seen.
  if (fromMenu && !vscode.window.visibleTextEditors.some((editor) => editor.document === document)) {
    await vscode.window.showTextDocument(document, { preview: false });
  }
  if (vscode.languages.match(SERVED_DOCUMENTS, document) === 0) {
    return refuse('notSubscriberFile', `${fileName} is not a CSV file.`);
  }
  if (!vscode.workspace.isTrusted) {
    return refuse('untrustedWorkspace', 'Trust this workspace to import its files: the upload uses your API token.');
  }
  const endpoint = endpointSetting();
  if (!endpoint) {
    return refuse('noEndpoint', 'Set the import endpoint (subscriberCsv.endpoint) in your user settings first.');
  }
  const checkedUrl = checkEndpointUrl(endpoint);
  if (!checkedUrl.ok) return refuse('insecureEndpoint', checkedUrl.message);
  const host = endpointHost(endpoint);
  const lookup = await deps.tokens.lookup(endpoint);
  if (lookup.kind !== 'token') {
    const message =
      lookup.kind === 'otherHost'
        ? `The API token was set for ${lookup.host}, not ${host}. Set a token for ${host} to import.`
        : `Set an API token for ${host} to import.`;
    return refuse('noToken', message);
  }

  // The rows marked by the last import or preview describe an older upload.
  deps.problems.clear(uri);
  const checked = await checkDocument(deps.client, document, deps.log);
  if (!checked) {
    return refuse('notChecked', `${fileName} could not be checked by the subscriber CSV server; nothing was sent.`);
  }
  const decision = decideImport({
    fileName,
    host,
    hasUnsavedChanges: document.isDirty,
    diagnostics: checked.diagnostics.map(toCheckedDiagnostic),
    verdict: checked.verdict,
  });
  if (decision.kind === 'refuse') return refuse(decision.reason, decision.message, decision.errors);
  return { ok: true, document, fileName, endpoint, host, token: lookup.token, checked, decision };
}

export function fileNameOfUri(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
