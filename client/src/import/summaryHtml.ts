/**
 * The import summary view's page: plain HTML built here with every value escaped, a strict Content-Security-Policy
 * and no script at all. Its buttons are links to the extension's commands, which the panel allows one by one
 * (`SUMMARY_COMMANDS`). Headings, a status line and tables with headers make it readable with a screen reader;
 * an outcome is a word, its colour only a second cue. Pure, for tests.
 */
import { escapeHtml } from '../columns/rowFormHtml';
import { STATUS_WORDS, type ImportSummaryModel, type SummaryRow } from './summaryModel';

export const IMPORT_COMMAND = 'subscriberCsv.importToTenant';
export const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';
export const SHOW_HISTORY_COMMAND = 'subscriberCsv.showImportHistory';
/** The only commands the page's links may run. */
export const SUMMARY_COMMANDS = [IMPORT_COMMAND, SHOW_PROBLEMS_COMMAND, SHOW_HISTORY_COMMAND];

export interface SummaryPage {
  /** `webview.cspSource`: where the webview may load our style sheet from. */
  cspSource: string;
  styleUri: string;
}

export function summaryHtml(model: ImportSummaryModel, page: SummaryPage): string {
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource}`,
    "script-src 'none'",
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const title = `${model.kind === 'preview' ? 'Preview of' : 'Import of'} ${model.fileName}`;
  const words = STATUS_WORDS[model.kind];
  const failed = model.kind === 'preview' ? 'Rows that would fail' : 'Rows that failed';
  const total = model.rows.length + model.unlisted;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(model.host)} · ${escapeHtml(model.at)}</p>
<p class="headline" role="status">${escapeHtml(model.headline)}</p>
<p class="note">${escapeHtml(model.note)}</p>
<p class="actions">${actions(model)}</p>
${model.failures.length > 0 ? section('failures', `${failed} (${model.failures.length})`, table(model.failures, words, true)) : ''}
${total > 0 ? section('rows', `All rows (${total})`, table(model.rows, words, false) + more(model.unlisted)) : ''}
</main>
</body>
</html>`;
}

function actions(model: ImportSummaryModel): string {
  const links: string[] = [];
  if (model.canImport) {
    const argument = encodeURIComponent(JSON.stringify([model.uri]));
    links.push(`<a class="button" href="command:${IMPORT_COMMAND}?${argument}">Import to Tenant…</a>`);
  }
  if (model.failures.length > 0) links.push(`<a href="command:${SHOW_PROBLEMS_COMMAND}">Show Problems</a>`);
  links.push(`<a href="command:${SHOW_HISTORY_COMMAND}">Import History</a>`);
  return links.join('\n');
}

function section(id: string, heading: string, content: string): string {
  return `<section aria-labelledby="${id}">
<h2 id="${id}">${escapeHtml(heading)}</h2>
${content}
</section>`;
}

function table(
  rows: readonly SummaryRow[],
  words: Readonly<Record<SummaryRow['status'], string>>,
  reasons: boolean,
): string {
  const head = `<tr><th scope="col">Line</th><th scope="col">Row</th><th scope="col">${reasons ? 'Reason' : 'Outcome'}</th></tr>`;
  const body = rows
    .map((row) => {
      const last = reasons
        ? `<td>${escapeHtml(row.reason ?? '')}</td>`
        : `<td class="status ${row.status}">${escapeHtml(words[row.status])}</td>`;
      return `<tr><td class="line">${row.line}</td><td>${escapeHtml(row.label)}</td>${last}</tr>`;
    })
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function more(unlisted: number): string {
  if (unlisted === 0) return '';
  return `<p class="more">…and ${unlisted} more ${unlisted === 1 ? 'row' : 'rows'}, counted above and not listed here.</p>`;
}
