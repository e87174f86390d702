/**
 * Each rule's help in SARIF: the catalog's explanation itself (title, example, why it has its severity, our choice),
 * as text and Markdown,
 * which SARIF viewers (GitHub code scanning, the SARIF viewer for VS Code) show beside a result. The log carries no
 * `helpUri` and no `informationUri`: SARIF wants absolute URIs there, and this project has no public page to point
 * at, so the help travels in the log instead.
 */
import type { MultiformatMessageString } from 'sarif';
import type { DiagnosticInfo } from '@subscriber-csv/language-service';

/** Inline code that survives backticks in the text, on one line. */
function inlineCode(text: string): string {
  const oneLine = text.replace(/\r?\n/g, '\\n');
  const fence = oneLine.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${oneLine}${fence.length > 1 ? ' ' : ''}${fence}`;
}

export function ruleHelp(info: DiagnosticInfo): MultiformatMessageString {
  const text = [info.title, `Example: ${info.example}`, `Why this severity: ${info.why}`];
  const markdown = [info.title, `**Example:** ${inlineCode(info.example)}`, `**Why this severity:** ${info.why}`];
  if (info.choice) {
    text.push(`Our choice: ${info.choice}`);
    markdown.push(`**Our choice:** ${info.choice}`);
  }
  return { text: text.join('\n\n'), markdown: markdown.join('\n\n') };
}
