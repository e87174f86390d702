/**
 * Text output: one line per diagnostic, `file:line:col: severity code message` (1-based, the form editors and
 * CI problem matchers read), then a summary such as `2 errors, 1 warning in 1 file`.
 */
import type { Formatter } from './formatter';
import { severityName, type SeverityName } from './severity';

export function createTextFormatter(): Formatter {
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fileCount = 0;
  return {
    start: () => '',
    fileStarted() {
      fileCount++;
      return '';
    },
    diagnostics(path, batch) {
      let text = '';
      for (const { diagnostic } of batch) {
        const severity = severityName(diagnostic);
        counts[severity]++;
        const { line, character } = diagnostic.range.start;
        text += `${path}:${line + 1}:${character + 1}: ${severity} ${diagnostic.code} ${oneLine(diagnostic.message)}\n`;
      }
      return text;
    },
    fileEnded: () => '',
    // Its message is on stderr; the summary counts the files checked.
    fileUnreadable: () => '',
    finish() {
      return `${summary(counts)} in ${plural(fileCount, 'file', 'files')}\n`;
    },
  };
}

function summary(counts: Record<SeverityName, number>): string {
  const parts = [plural(counts.error, 'error', 'errors'), plural(counts.warning, 'warning', 'warnings')];
  if (counts.information > 0) parts.push(plural(counts.information, 'info', 'info'));
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint', 'hints'));
  return parts.join(', ');
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A message quoting a cell that holds a line break must still fit on its line. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
