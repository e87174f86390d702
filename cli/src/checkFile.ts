/**
 * What the CLI knows about one checked file's diagnostics: each with the column it is about, which the rules put
 * in `data.column` (every diagnostic about a cell carries it), or null for a problem of a row or the file.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticData } from '@subscriber-csv/language-service';

export interface FileDiagnostic {
  diagnostic: Diagnostic;
  /** Canonical name of the column the problem is in, or null for problems of a whole row or the file. */
  column: string | null;
}

export function fileDiagnostic(diagnostic: Diagnostic): FileDiagnostic {
  const data = diagnostic.data as DiagnosticData | undefined;
  return { diagnostic, column: data?.column ?? null };
}
