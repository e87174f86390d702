/**
 * `check`: checks each file in turn and writes the report. Files are checked one at a time as they are read
 * (streamed: memory stays flat whatever a file's size), and every format writes each batch of diagnostics as it
 * arrives, so output of any size is never held whole. Every file named is listed, one that cannot be read too.
 */
import type { LanguageService, ServiceSettings } from '@subscriber-csv/language-service';
import type { CheckOptions } from './args';
import { checkFile } from './checkStream';
import { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, FileError } from './errors';
import { createFormatter } from './formatter';
import { severityName } from './severity';
import { TOOL_NAME } from './toolInfo';

export interface CliIo {
  /** Writes output; a promise when the writer wants the caller to wait (a pipe that is full). */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  /** The directory relative paths are resolved against. */
  cwd: string;
}

/**
 * Checks each of `options.files` and writes the report. `failed` holds the files that a fix could not read or
 * write, with the reason (already on stderr): they are listed as unreadable, not read again.
 */
export async function check(
  service: LanguageService,
  options: CheckOptions,
  settings: ServiceSettings,
  io: CliIo,
  failed: ReadonlyMap<string, string> = new Map(),
): Promise<number> {
  const formatter = createFormatter(options.format, io.cwd);
  let foundErrors = false;
  let unreadable = false;
  let files = 0;
  await io.stdout(formatter.start());
  for (const path of options.files) {
    const failure = failed.get(path);
    if (failure !== undefined) {
      unreadable = true;
      await io.stdout(formatter.fileUnreadable(path, failure, files++ === 0));
      continue;
    }
    // A file is written once its first batch is ready, so that a file that cannot be read is listed as such.
    let started = false;
    let empty = true;
    const start = async () => {
      if (started) return;
      started = true;
      await io.stdout(formatter.fileStarted(path, files++ === 0));
    };
    try {
      for await (const batch of checkFile(service, path, io.cwd, settings)) {
        if (batch.length === 0) continue;
        await start();
        foundErrors ||= batch.some(({ diagnostic }) => severityName(diagnostic) === 'error');
        await io.stdout(formatter.diagnostics(path, batch, empty));
        empty = false;
      }
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      io.stderr(`${TOOL_NAME}: ${error.message}\n`);
      unreadable = true;
      // The file changed between the two readings: end what was written of it. Otherwise it is still listed.
      if (started) await io.stdout(formatter.fileEnded(path, empty));
      else await io.stdout(formatter.fileUnreadable(path, error.message, files++ === 0));
      continue;
    }
    await start();
    await io.stdout(formatter.fileEnded(path, empty));
  }
  await io.stdout(formatter.finish());
  if (unreadable) return EXIT_USAGE;
  return foundErrors ? EXIT_PROBLEMS : EXIT_CLEAN;
}
