/**
 * `subscriberCsv.importToTenant`: checks the file, asks for confirmation, uploads the editor's text with progress
 * and cancellation, marks the rows the endpoint refused, and returns a typed result (tests assert it).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isKnownCode } from '@subscriber-csv/language-service';
import { checkEndpointUrl, countsText, uploadImport } from '../../common/importClient';
import type { ApiTokenStore } from './apiToken';
import { checkDocument, errorText, fileNameOf, toCheckedDiagnostic } from './documentCheck';
import { SERVED_DOCUMENTS } from './documentSelector';
import { decideImport } from './import/decideImport';
import type { ImportOutcome } from './import/importApi';
import type { ImportCommandOptions, ImportCommandResult, ImportRefusalReason } from './import/importResult';
import { refusalActions, summarizeImport } from './import/importSummary';
import { problemsOfFile, problemsOfRows, type LineProblem } from './import/rowProblems';
import { endpointHost, plural } from './import/text';
import { showImportMessage } from './importMessages';
import type { ImportProblems } from './importProblems';
import { endpointSetting, importTimingSetting } from './settings';
import type { TenantDataController } from './tenantData';

export interface ImportDependencies {
  client: LanguageClient;
  tokens: ApiTokenStore;
  problems: ImportProblems;
  tenant: TenantDataController;
  log: vscode.LogOutputChannel;
  /**
   * True only while VS Code runs the extension's own tests (`ExtensionMode.Test`): `skipConfirmation` is taken only
   * then. Any other caller (another extension, a keybinding's arguments) gets the confirmation.
   */
  inTests: boolean;
}

export class ImportCommand {
  /** Files being imported now: a second import of the same file is refused until the first one ends. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: ImportDependencies) {}

  async run(argument?: unknown): Promise<ImportCommandResult> {
    const options = readOptions(argument);
    if (options.skipConfirmation && !this.deps.inTests) {
      this.deps.log.warn("skipConfirmation is taken only from the extension's own tests: the import asks first.");
      options.skipConfirmation = false;
    }
    const uri = options.uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) return this.refuse('noFile', 'Open a subscriber CSV file to import it.');
    if (this.inFlight.has(uri.toString())) {
      return this.refuse('inProgress', `${fileNameOfUri(uri)} is already being imported.`);
    }
    this.inFlight.add(uri.toString());
    try {
      return await this.importFile(uri, options);
    } finally {
      this.inFlight.delete(uri.toString());
    }
  }

  private async importFile(uri: vscode.Uri, options: ReadOptions): Promise<ImportCommandResult> {
    const { client, tokens, problems, log } = this.deps;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch (error) {
      return this.refuse('noFile', `Could not open ${fileNameOfUri(uri)}: ${errorText(error)}`);
    }
    const fileName = fileNameOf(document);
    // From the explorer the file may not be open: show it, so that the rows the endpoint refuses are seen.
    if (options.fromMenu && !vscode.window.visibleTextEditors.some((editor) => editor.document === document)) {
      await vscode.window.showTextDocument(document, { preview: false });
    }
    if (vscode.languages.match(SERVED_DOCUMENTS, document) === 0) {
      return this.refuse('notSubscriberFile', `${fileName} is not a CSV file.`);
    }
    if (!vscode.workspace.isTrusted) {
      return this.refuse(
        'untrustedWorkspace',
        'Trust this workspace to import its files: the upload uses your API token.',
      );
    }

    const endpoint = endpointSetting();
    if (!endpoint) {
      return this.refuse('noEndpoint', 'Set the import endpoint (subscriberCsv.endpoint) in your user settings first.');
    }
    const checkedUrl = checkEndpointUrl(endpoint);
    if (!checkedUrl.ok) return this.refuse('insecureEndpoint', checkedUrl.message);
    const host = endpointHost(endpoint);
    const lookup = await tokens.lookup(endpoint);
    if (lookup.kind !== 'token') {
      const message =
        lookup.kind === 'otherHost'
          ? `The API token was set for ${lookup.host}, not ${host}. Set a token for ${host} to import.`
          : `Set an API token for ${host} to import.`;
      return this.refuse('noToken', message);
    }

    // The rows marked by the last import describe an older upload.
    problems.clear(uri);
    const checked = await checkDocument(client, document, log);
    if (!checked) {
      return this.refuse(
        'notChecked',
        `${fileName} could not be checked by the subscriber CSV server; nothing was imported.`,
      );
    }
    const decision = decideImport({
      fileName,
      host,
      hasUnsavedChanges: document.isDirty,
      diagnostics: checked.diagnostics.map(toCheckedDiagnostic),
      verdict: checked.verdict,
    });
    if (decision.kind === 'refuse') {
      return this.refuse(decision.reason, decision.message, decision.errors);
    }
    if (!options.skipConfirmation && !(await this.confirm(decision.message, decision.detail))) {
      return { status: 'declined' };
    }
    // What is uploaded is exactly the version that was checked.
    if (document.version !== checked.version) {
      return this.refuse('notChecked', `${fileName} changed while it was being checked; import again.`);
    }
    const text = document.getText();
    const { verdict } = checked;
    log.info(
      `Importing ${fileName} to ${host}: ${plural(verdict.users, 'user')}, ${plural(verdict.locations, 'location')}, ` +
        `${plural(decision.warnings, 'warning')}, ${Buffer.byteLength(text, 'utf8')} bytes.`,
    );

    const timing = importTimingSetting();
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Importing ${fileName} to ${host}`, cancellable: true },
      async (progress, cancellation): Promise<ImportOutcome> => {
        const controller = new AbortController();
        const onCancel = cancellation.onCancellationRequested(() => controller.abort());
        try {
          return await uploadImport(endpoint, lookup.token, text, fileName, {
            signal: controller.signal,
            timeoutMs: timing.timeoutMs,
            retries: timing.retries,
            secretValues: verdict.secretValues,
            onProgress: (event) => progress.report({ message: event.message }),
          });
        } catch (error) {
          // The core answers every failure as a value; this only guards against a bug in it.
          return { ok: false, kind: 'network', message: errorText(error), attempts: 0, idempotencyKey: '' };
        } finally {
          onCancel.dispose();
        }
      },
    );

    // Problems are mapped onto the uploaded text; if the editor changed meanwhile they would land on wrong lines.
    const lineProblems = problemsOf(outcome, text);
    const unchanged = document.version === checked.version;
    if (unchanged) problems.show(uri, lineProblems);
    const markedProblems = unchanged ? lineProblems.length : 0;
    this.logOutcome(outcome, fileName, host, lineProblems);

    const summary = summarizeImport(outcome, { host, fileName, markedProblems });
    void showImportMessage(summary, log);
    if (outcome.ok || outcome.kind === 'conflict') void this.deps.tenant.refresh();
    return outcome.ok
      ? { status: 'imported', host, result: outcome, markedProblems }
      : { status: 'failed', host, failure: outcome, markedProblems };
  }

  /** The modal confirmation; a workbench that refuses dialogs (extension tests) counts as a No. */
  private async confirm(message: string, detail: string): Promise<boolean> {
    try {
      return (await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Import')) === 'Import';
    } catch (error) {
      this.deps.log.warn(`The confirmation could not be shown: ${errorText(error)}`);
      return false;
    }
  }

  private refuse(reason: ImportRefusalReason, message: string, errors = 0): ImportCommandResult {
    this.deps.log.info(`Import not started: ${reason}.`);
    const severity = reason === 'hasErrors' ? 'error' : 'warning';
    void showImportMessage({ severity, message, actions: refusalActions(reason) }, this.deps.log);
    return { status: 'refused', reason, message, errors };
  }

  private logOutcome(outcome: ImportOutcome, fileName: string, host: string, lineProblems: LineProblem[]): void {
    const { log } = this.deps;
    if (outcome.ok) {
      log.info(`Imported ${fileName} to ${host}: ${countsText(outcome)}.`);
    } else {
      log.warn(
        `Import of ${fileName} to ${host} failed: ${outcome.kind}${outcome.status ? ` (HTTP ${outcome.status})` : ''}.`,
      );
    }
    // Lines and codes only: the endpoint's reasons can quote cell values, PINs included.
    for (const problem of lineProblems) log.info(`  line ${problem.line + 1}: ${codeForLog(problem.code)}`);
  }
}

/**
 * A problem's code as the log may hold it. A 400's codes are the endpoint's own text, which an endpoint that echoes
 * what it was sent fills with cells: only the rules library's codes and the import's own are written as they are.
 */
function codeForLog(code: string): string {
  if (code === 'import-failed' || code === 'import-conflict' || isKnownCode(code)) return code;
  return 'import-rejected';
}

function problemsOf(outcome: ImportOutcome, text: string): LineProblem[] {
  if (outcome.ok) return problemsOfRows(outcome.rows, text, 'import-failed');
  if (outcome.kind === 'conflict') return problemsOfRows(outcome.rows, text, 'import-conflict');
  if (outcome.kind === 'rejected') return problemsOfFile(outcome.problems, text);
  return [];
}

interface ReadOptions {
  uri?: vscode.Uri;
  skipConfirmation?: boolean;
  /** Run from the editor title or the explorer, which pass the file's Uri. */
  fromMenu?: boolean;
}

/** A Uri (from a menu), a string, or `{ uri, skipConfirmation }` (from tests, or other extensions without the skip). */
function readOptions(argument: unknown): ReadOptions {
  if (argument instanceof vscode.Uri) return { uri: argument, fromMenu: true };
  if (typeof argument === 'string') return { uri: vscode.Uri.parse(argument) };
  if (typeof argument !== 'object' || argument === null) return {};
  const options = argument as ImportCommandOptions;
  const uri =
    options.uri instanceof vscode.Uri
      ? options.uri
      : typeof options.uri === 'string'
        ? vscode.Uri.parse(options.uri)
        : undefined;
  return { uri, skipConfirmation: options.skipConfirmation === true };
}

function fileNameOfUri(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
