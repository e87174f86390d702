/**
 * The command runner: parses the command line and runs the command: `check` (`checkFiles.ts`), with the fixing
 * modes and `fix` in `fixCommands.ts`, and `import`. It touches the process only through `CliIo`, so it can run in
 * tests and in other hosts.
 */
import { getLanguageService, type ServiceSettings } from '@subscriber-csv/language-service';
import { parseCommandLine, USAGE, type Command } from './args';
import { check, type CliIo } from './checkFiles';
import { fixInPlace, printFixes, writeCleanCopies } from './fixCommands';
import { scrub } from '../../common/importClient';
import { runImport, TOKEN_VARIABLE, type ImportIo } from './importCommand';
import { EXIT_CLEAN, EXIT_USAGE, UsageError } from './errors';
import { buildSettings } from './settings';
import { TOOL_NAME, TOOL_VERSION } from './toolInfo';

export type { CliIo };

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
    case 'fix': {
      let settings: ServiceSettings;
      try {
        settings = await buildSettings(command.options, io.cwd);
      } catch (error) {
        return usageFailure(error, io);
      }
      const service = getLanguageService();
      if (command.kind === 'fix') return writeCleanCopies(service, command.options, settings, io);
      if (command.options.fix === 'dryRun') return printFixes(service, command.options.files, settings, io);
      const failed = command.options.fix === 'write' ? await fixInPlace(service, command.options, settings, io) : [];
      return check(service, command.options, settings, io, new Map(failed));
    }
  }
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
