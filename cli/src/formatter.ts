/**
 * One interface for every output format, written as the check goes: a file's diagnostics arrive in batches and
 * each format turns them into text at once, so that output of any size is streamed, never built whole.
 */
import type { OutputFormat } from './args';
import type { FileDiagnostic } from './checkFile';
import { createJsonFormatter } from './formatJson';
import { createSarifFormatter } from './formatSarif';
import { createTextFormatter } from './formatText';

export interface Formatter {
  /** Output before anything else. */
  start(): string;
  /** Output as a file's check begins (`first`: no file was written before it). */
  fileStarted(path: string, first: boolean): string;
  /** Output for a batch of the file's diagnostics (`first`: the file's first batch). */
  diagnostics(path: string, batch: readonly FileDiagnostic[], first: boolean): string;
  /** Output after the file's last batch. */
  fileEnded(path: string, empty: boolean): string;
  /**
   * Output for a file that could not be read at all (`first`: no file was written before it), so that every file
   * named is listed. `message` is already on stderr, and names the file as the CLI's messages do.
   */
  fileUnreadable(path: string, message: string, first: boolean): string;
  /** Output after the last file. */
  finish(): string;
}

export function createFormatter(format: OutputFormat, cwd: string): Formatter {
  switch (format) {
    case 'text':
      return createTextFormatter();
    case 'json':
      return createJsonFormatter();
    case 'sarif':
      return createSarifFormatter(cwd);
  }
}
