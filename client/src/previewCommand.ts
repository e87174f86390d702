/**
 * `subscriberCsv.previewImport` (**Subscriber CSV: Preview Import**): asks the endpoint what an import of the file
 * would do now, writing nothing (`POST <endpoint>/import/preview`), and shows the answer: every row the import
 * would refuse as a diagnostic on its cell, and the summary view with the counts and each row's fate, with a button
 * to import. The file is checked first exactly as for an import (importPreflight.ts). Returns a typed result.
 */
import * as vscode from 'vscode';
import { previewCountsText } from '../../common/importClient';
import type { PreviewCommandResult } from './import/importResult';
import { refusalActions } from './import/importSummary';
import { previewSummary } from './import/summaryModel';
import { placeAnswer, previewWithProgress, summaryInput } from './importAnswer';
import { showImportMessage } from './importMessages';
import { preflight, type PreflightDependencies } from './importPreflight';
import type { ImportSummaryPanel } from './importSummaryPanel';
import { readOptions } from './importCommand';

export interface PreviewDependencies extends PreflightDependencies {
  summary: ImportSummaryPanel;
}

export class PreviewCommand {
  constructor(private readonly deps: PreviewDependencies) {}

  async run(argument?: unknown): Promise<PreviewCommandResult> {
    const { log, problems, summary, client } = this.deps;
    const options = readOptions(argument);
    const uri = options.uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      const message = 'Open a subscriber CSV file to preview its import.';
      void showImportMessage({ severity: 'warning', message, actions: [] }, log);
      return { status: 'refused', reason: 'noFile', message, errors: 0 };
    }
    const ready = await preflight(this.deps, uri, options.fromMenu === true);
    if (!ready.ok) {
      log.info(`Preview not started: ${ready.reason}.`);
      const severity = ready.reason === 'hasErrors' ? 'error' : 'warning';
      void showImportMessage({ severity, message: ready.message, actions: refusalActions(ready.reason) }, log);
      return { status: 'refused', reason: ready.reason, message: ready.message, errors: ready.errors };
    }
    const { fileName, host, document, checked } = ready;
    const text = document.getText();
    const preview = await previewWithProgress(ready);
    if (!preview.ok) {
      log.warn(
        `Preview of ${fileName} on ${host} failed: ${preview.kind}${preview.status ? ` (HTTP ${preview.status})` : ''}.`,
      );
      if (preview.kind !== 'cancelled') {
        const actions =
          preview.kind === 'unauthorized' || preview.kind === 'forbidden'
            ? ['setApiToken' as const]
            : ['showLog' as const];
        void showImportMessage({ severity: 'error', message: preview.message, actions }, log);
      }
      return { status: 'failed', host, failure: preview };
    }
    const code = preview.outcome === 'conflict' ? 'import-conflict' : 'import-failed';
    const placed = await placeAnswer(client, ready, text, { ...preview, code }, log);
    const unchanged = document.version === checked.version;
    if (unchanged) problems.show(uri, placed.problems, 'preview');
    summary.show(previewSummary(summaryInput(ready, preview.rows, placed.places), preview));
    // Counts and lines only: the endpoint's reasons can quote cell values.
    log.info(`Preview of ${fileName} on ${host}: ${previewCountsText(preview)}.`);
    for (const problem of placed.problems) log.info(`  line ${problem.line + 1}: would be refused`);
    return { status: 'previewed', host, preview, markedProblems: unchanged ? placed.problems.length : 0 };
  }
}
