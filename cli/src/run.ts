/**
 * The command runner: parses the command line, checks each file in turn and writes the output.
 * It touches the process only through `CliIo`, so it can run in tests and in other hosts.
 *
 * Files are checked one at a time as they are read (streamed: memory stays flat whatever a file's size), and
 * every format writes each batch of diagnostics as it arrives, so output of any size is never held whole.
 */
import { getLanguageService, type ServiceSettings } from '@subscriber-csv/language-service';
import { parseCommandLine, USAGE, type CheckOptions, type Command } from './args';
import { checkFile } from './checkStream';
import { scrub } from '../../common/importClient';
import { runImport, TOKEN_VARIABLE, type ImportIo } from './importCommand';
import { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, FileError, UsageError } from './errors';
import { createFormatter } from './formatter';
import { buildSettings } from './settings';
import { severityName } from './severity';
import { TOOL_NAME, TOOL_VERSION } from './toolInfo';

export interface CliIo {
  /** Writes output; a promise when the writer wants the caller to wait (a pipe that is full). */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  /** The directory relative paths are resolved against. */
  cwd: string;
}

export async function run(argv: readonly string[], given: CliIo | ImportIo): Promise<number> {
  if (argv[0] === 'import') {
    if (!('env' in given)) throw new Error('the import command needs the environment');
    return runImport(argv.slice(1), given);
  }
  const io = withoutToken(given);
  let command: Command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    return usageFailure(error, io);
  }
  switch (command.kind) {
    case 'help':
      io.stdout(USAGE);
      return EXIT_CLEAN;
    case 'version':
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_CLEAN;
    case 'check':
      return check(command.options, io);
  }
}

async function check(options: CheckOptions, io: CliIo): Promise<number> {
  let settings: ServiceSettings;
  try {
    settings = await buildSettings(options, io.cwd);
  } catch (error) {
    return usageFailure(error, io);
  }
  const service = getLanguageService();
  const formatter = createFormatter(options.format, io.cwd);
  let foundErrors = false;
  let unreadable = false;
  let files = 0;
  await io.stdout(formatter.start());
  for (const path of options.files) {
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

/**
 * The CLI's messages repeat file names and paths; one of them may be the API token typed in the wrong place, and
 * CI logs keep what is printed. The token in the environment (SUBSCRIBER_CSV_TOKEN) is scrubbed from stderr,
 * as `import` does; a token that is not there is kept out by not repeating what does not look like a name
 * (`fileInMessage`, `optionInMessage`, unknown commands).
 */
function withoutToken(io: CliIo | ImportIo): CliIo {
  const token = ('env' in io ? io.env[TOKEN_VARIABLE] : undefined)?.trim();
  if (!token) return io;
  const secrets = { token, pins: [] };
  return { ...io, stderr: (text) => io.stderr(scrub(text, secrets)) };
}

function usageFailure(error: unknown, io: CliIo): number {
  if (!(error instanceof UsageError)) throw error;
  io.stderr(`${TOOL_NAME}: ${error.message}\nRun "${TOOL_NAME} --help" for usage.\n`);
  return EXIT_USAGE;
}
