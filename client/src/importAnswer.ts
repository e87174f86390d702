/**
 * What the import and its preview do alike with the endpoint: ask for the preview with progress, and put an answer
 * on the document (each refusal on its cell) and in the summary view, with the rows labelled as the outline
 * labels them.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { previewImport, type FileProblem, type RowResult } from '../../common/importClient';
import type { RowPlace } from '../../common/protocol';
import { errorText } from './documentCheck';
import type { PreviewResult } from './import/importApi';
import { problemsOfFile, problemsOfRows, type LineProblem, type RowProblemCode } from './import/rowProblems';
import type { SummaryInput } from './import/summaryModel';
import type { Ready } from './importPreflight';
import { cellFinder, placeRows, type RowQuestion } from './rowPlaces';
import { importTimingSetting } from './settings';

/** The preview of the checked version, with a cancellable progress notification. */
export function previewWithProgress(ready: Ready): Promise<PreviewResult> {
  const { endpoint, token, fileName, host, document, checked } = ready;
  const text = document.getText();
  const timing = importTimingSetting();
  return Promise.resolve(
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Asking ${host} what an import of ${fileName} would do`,
        cancellable: true,
      },
      async (progress, cancellation): Promise<PreviewResult> => {
        const controller = new AbortController();
        const onCancel = cancellation.onCancellationRequested(() => controller.abort());
        try {
          return await previewImport(endpoint, token, text, fileName, {
            signal: controller.signal,
            timeoutMs: timing.timeoutMs,
            retries: timing.retries,
            secretValues: checked.verdict.secretValues,
            onProgress: (event) => progress.report({ message: event.message }),
          });
        } catch (error) {
          // The core answers every failure as a value; this only guards against a bug in it.
          return { ok: false, kind: 'network', message: errorText(error), attempts: 0 };
        } finally {
          onCancel.dispose();
        }
      },
    ),
  );
}

/** An answer placed on the uploaded text: its problems on their cells, and the rows' places for the summary. */
export interface PlacedAnswer {
  problems: LineProblem[];
  /** Aligned with the rows answered about; empty when the server could not place them. */
  places: readonly (RowPlace | null)[];
}

export async function placeAnswer(
  client: LanguageClient,
  ready: Ready,
  text: string,
  answer: { rows?: readonly RowResult[]; code?: RowProblemCode; problems?: readonly FileProblem[] },
  log: vscode.LogOutputChannel,
): Promise<PlacedAnswer> {
  const rows = answer.rows ?? [];
  const questions: RowQuestion[] = [
    ...rows.map((row) => ({ line: row.line, column: row.status === 'failed' ? row.column : null })),
    ...(answer.problems ?? []).map((problem) => ({ line: problem.line ?? 1, column: problem.column })),
  ];
  const places = await placeRows(client, ready.document, ready.checked.version, questions, log);
  const cellOf = cellFinder(questions, places);
  const problems = [
    ...problemsOfRows(rows, text, answer.code ?? 'import-failed', cellOf),
    ...problemsOfFile(answer.problems ?? [], text, cellOf),
  ];
  return { problems, places: places?.slice(0, rows.length) ?? [] };
}

export function summaryInput(ready: Ready, rows: readonly RowResult[], places: PlacedAnswer['places']): SummaryInput {
  return {
    fileName: ready.fileName,
    uri: ready.document.uri.toString(),
    host: ready.host,
    at: new Date().toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
    rows,
    names: rows.map((_, index) => places[index] ?? undefined),
  };
}
