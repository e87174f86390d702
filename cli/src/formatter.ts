/**
 * One interface for every output format. The runner hands each file over as soon as it is checked, so a
 * format that can print as it goes (text) does, and the others (json, sarif) print once at the end.
 */
import type { OutputFormat } from './args';
import type { CheckedFile } from './checkFile';
import { createJsonFormatter } from './formatJson';
import { createSarifFormatter } from './formatSarif';
import { createTextFormatter } from './formatText';

export interface Formatter {
  /** Output for one checked file, written before the next file is read. */
  fileChecked(file: CheckedFile): string;
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
