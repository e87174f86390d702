/**
 * What an editor can show: VS Code lists at most 1,000 diagnostics a file, and sending more only costs time on
 * every keystroke. The editor gets the errors first (then warnings, information and hints, each in position
 * order), in position order, and one summary that says how many were left out. The CLI reports all of them.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE } from './catalog/diagnosticCodes';
import { thousands } from './text/numbers';

/** The most diagnostics VS Code shows for one file. */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;

/** `diagnostics` (in position order) cut to `max`, errors first, plus a summary when any were left out. */
export function limitDiagnostics(diagnostics: Diagnostic[], max = MAX_PUBLISHED_DIAGNOSTICS): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const bySeverity = [0, 0, 0, 0, 0];
  for (const diagnostic of diagnostics) bySeverity[severityOf(diagnostic)]++;
  const { cut, room: roomAtCut } = limitCut(bySeverity, max);
  let room = roomAtCut;
  const kept: Diagnostic[] = [limitSummary(diagnostics.length, bySeverity[DiagnosticSeverity.Error], max)];
  for (const diagnostic of diagnostics) {
    const severity = severityOf(diagnostic);
    if (severity < cut || (severity === cut && room-- > 0)) kept.push(diagnostic);
  }
  return kept;
}

/**
 * Where the limit falls, from the number of diagnostics of each severity (indexed by severity): every diagnostic
 * more severe than `cut` is kept, and the first `room` of severity `cut`.
 */
export function limitCut(bySeverity: readonly number[], max: number): { cut: number; room: number } {
  let cut: number = DiagnosticSeverity.Error;
  let room = max;
  while (cut < bySeverity.length && room >= bySeverity[cut]) room -= bySeverity[cut++];
  return { cut, room };
}

export function severityOf(diagnostic: Diagnostic): number {
  return diagnostic.severity ?? DiagnosticSeverity.Error;
}

/** The diagnostic that says how many of `total` problems (`errors` of them errors) are left out. */
export function limitSummary(total: number, errors: number, shown: number): Diagnostic {
  const left = total - shown;
  const errorsLeft = Math.max(0, errors - shown);
  const which = errorsLeft > 0 ? `${count(errorsLeft, 'error')} and all other problems` : 'none of them errors';
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DIAGNOSTIC_CODES['too-many-problems'].severity,
    code: 'too-many-problems',
    source: DIAGNOSTIC_SOURCE,
    message:
      `This file has ${count(total, 'problem')}; the editor lists the first ${shown}, errors first. ` +
      `${left} more are not listed (${which}). Run \`subscriber-csv check\` on the file to see every one.`,
  };
}

function count(value: number, noun: string): string {
  return `${thousands(value)} ${noun}${value === 1 ? '' : 's'}`;
}
