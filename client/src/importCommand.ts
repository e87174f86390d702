/**
 * `subscriberCsv.importToTenant`: checks the file (importPreflight.ts), shows what the endpoint's preview says the
 * import would do in the confirmation, uploads the editor's text with progress and cancellation, then puts the
 * answer on the file and in the summary view: each refused row on its cell, what happened to every row, the rows it
 * imported recognised as the file's own (so that the tenant data loaded again does not flag them as taking their
 * extensions), and an entry in the workspace's import history. Returns a typed result (tests assert it).
 */
import * as vscode from 'vscode';
import { isKnownCode } from '@subscriber-csv/language-service';
import { countsText, uploadImport } from '../../common/importClient';
import { errorText } from './documentCheck';
import { confirmationDetail } from './import/confirmText';
import type { ImportOutcome, PreviewSuccess } from './import/importApi';
import type { HistoryEntry } from './import/importHistory';
import type { ImportCommandOptions, ImportCommandResult, ImportRefusalReason } from './import/importResult';
import { refusalActions, summarizeImport } from './import/importSummary';
import { holdersOf } from './import/ownRows';
import type { LineProblem } from './import/rowProblems';
import { previewSummary, refusedSummary, resultSummary } from './import/summaryModel';
import { plural } from './import/text';
import { placeAnswer, previewWithProgress, summaryInput, type PlacedAnswer } from './importAnswer';
import type { ImportHistory } from './importHistoryCommand';
import { showImportMessage } from './importMessages';
import { fileNameOfUri, preflight, type PreflightDependencies, type Ready } from './importPreflight';
import type { ImportSummaryPanel } from './importSummaryPanel';
import type { OwnRowsStore } from './ownRowsStore';
import { importTimingSetting } from './settings';
import type { TenantDataController } from './tenantData';

export interface ImportDependencies extends PreflightDependencies {
  tenant: TenantDataController;
  ownRows: OwnRowsStore;
  history: ImportHistory;
  summary: ImportSummaryPanel;
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
    const { log } = this.deps;
    const ready = await preflight(this.deps, uri, options.fromMenu === true);
    if (!ready.ok) return this.refuse(ready.reason, ready.message, ready.errors);
    const { document, fileName, host, endpoint, checked, decision } = ready;
    if (!options.skipConfirmation) {
      const preview = await previewWithProgress(ready);
      if (!preview.ok && preview.kind === 'cancelled') return { status: 'declined' };
      if (preview.ok && preview.outcome !== 'import') return this.refusedByPreview(ready, preview);
      if (!(await this.confirm(decision.message, confirmationDetail(decision.detail, preview)))) {
        return { status: 'declined' };
      }
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
    const outcome = await this.upload(ready, text);

    // Problems are placed on the uploaded text; if the editor changed meanwhile they would land on wrong cells.
    const placed = await placeOutcome(this.deps, ready, text, outcome);
    const unchanged = document.version === checked.version;
    if (unchanged) this.deps.problems.show(uri, placed.problems);
    const markedProblems = unchanged ? placed.problems.length : 0;
    this.logOutcome(outcome, fileName, host, placed.problems);
    if (outcome.ok && unchanged) {
      // Before the tenant data is loaded again: the file's own rows must never show as taking their extensions.
      await this.deps.ownRows.record(uri, endpoint, holdersOf(outcome.rows, placed.places));
    }
    await this.deps.history.add(historyEntry(ready, outcome));
    this.showSummary(ready, outcome, placed);

    const summary = summarizeImport(outcome, { host, fileName, markedProblems });
    void showImportMessage(summary, log);
    if (outcome.ok || outcome.kind === 'conflict') void this.deps.tenant.refresh();
    return outcome.ok
      ? { status: 'imported', host, result: outcome, markedProblems }
      : { status: 'failed', host, failure: outcome, markedProblems };
  }

  private upload(ready: Ready, text: string): Thenable<ImportOutcome> {
    const { endpoint, token, fileName, host, checked } = ready;
    const timing = importTimingSetting();
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Importing ${fileName} to ${host}`, cancellable: true },
      async (progress, cancellation): Promise<ImportOutcome> => {
        const controller = new AbortController();
        const onCancel = cancellation.onCancellationRequested(() => controller.abort());
        try {
          return await uploadImport(endpoint, token, text, fileName, {
            signal: controller.signal,
            timeoutMs: timing.timeoutMs,
            retries: timing.retries,
            secretValues: checked.verdict.secretValues,
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
  }

  /** The preview says the import would be refused as a whole: nothing is sent, and the view says why. */
  private async refusedByPreview(ready: Ready, preview: PreviewSuccess): Promise<ImportCommandResult> {
    const text = ready.document.getText();
    const code = preview.outcome === 'conflict' ? 'import-conflict' : undefined;
    const placed = await placeAnswer(this.deps.client, ready, text, { ...preview, code }, this.deps.log);
    if (ready.document.version === ready.checked.version) {
      this.deps.problems.show(ready.document.uri, placed.problems, 'preview');
    }
    this.deps.summary.show(previewSummary(summaryInput(ready, preview.rows, placed.places), preview));
    return this.refuse('refusedByPreview', `${preview.message} Nothing was sent.`, placed.problems.length);
  }

  private showSummary(ready: Ready, outcome: ImportOutcome, placed: PlacedAnswer): void {
    const { summary } = this.deps;
    if (outcome.ok) {
      summary.show(resultSummary(summaryInput(ready, outcome.rows, placed.places), outcome));
    } else if (outcome.kind === 'conflict') {
      summary.show(refusedSummary(summaryInput(ready, outcome.rows, placed.places), outcome.message));
    } else if (outcome.kind === 'rejected') {
      summary.show(refusedSummary(summaryInput(ready, [], []), outcome.message, outcome.problems));
    }
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
    const severity = reason === 'hasErrors' || reason === 'refusedByPreview' ? 'error' : 'warning';
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

/** Where the upload's answer lands: the rows of a 200 or a 409, the problems of a 400. */
function placeOutcome(deps: ImportDependencies, ready: Ready, text: string, outcome: ImportOutcome) {
  const { client, log } = deps;
  if (outcome.ok) return placeAnswer(client, ready, text, { rows: outcome.rows, code: 'import-failed' }, log);
  if (outcome.kind === 'conflict') {
    return placeAnswer(client, ready, text, { rows: outcome.rows, code: 'import-conflict' }, log);
  }
  if (outcome.kind === 'rejected') return placeAnswer(client, ready, text, { problems: outcome.problems }, log);
  return Promise.resolve({ problems: [], places: [] });
}

function historyEntry(ready: Ready, outcome: ImportOutcome): HistoryEntry {
  const uri = ready.document.uri;
  const common = {
    at: new Date().toISOString(),
    file: vscode.workspace.asRelativePath(uri),
    uri: uri.toString(),
    endpoint: ready.endpoint,
  };
  if (outcome.ok) {
    const { created, updated, unchanged, failed } = outcome;
    return { ...common, outcome: 'imported', counts: { created, updated, unchanged, failed } };
  }
  const status = outcome.status === undefined ? {} : { status: outcome.status };
  return { ...common, outcome: 'failed', failure: { kind: outcome.kind, ...status } };
}

/**
 * A problem's code as the log may hold it. A 400's codes are the endpoint's own text, which an endpoint that echoes
 * what it was sent fills with cells: only the rules library's codes and the import's own are written as they are.
 */
function codeForLog(code: string): string {
  if (code === 'import-failed' || code === 'import-conflict' || isKnownCode(code)) return code;
  return 'import-rejected';
}

interface ReadOptions {
  uri?: vscode.Uri;
  skipConfirmation?: boolean;
  /** Run from the editor title or the explorer, which pass the file's Uri. */
  fromMenu?: boolean;
}

/** A Uri (from a menu), a string, or `{ uri, skipConfirmation }` (from tests, or other extensions without the skip). */
export function readOptions(argument: unknown): ReadOptions {
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
