/**
 * The command line: `subscriber-csv check [options] FILE...`, `--help`, `--version`.
 * Flag values are turned into the library's names here, so the rest of the CLI never sees CLI spellings.
 */
import { parseArgs } from 'node:util';
import { distance } from 'fastest-levenshtein';
import {
  flagSpelling,
  IMPORTER_ROLES,
  PIN_NOTIFICATIONS,
  type ImporterRole,
  type PinNotification,
} from '@subscriber-csv/language-service';
import { optionInMessage, UsageError } from './errors';
import { TOOL_NAME } from './toolInfo';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  format: OutputFormat;
  /** Undefined when the flag is absent, so that the tenant file (or the default) applies. */
  pinNotification: PinNotification | undefined;
  role: ImporterRole | undefined;
  tenantFile: string | undefined;
  files: string[];
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'check'; options: CheckOptions };

export const USAGE = `Usage: ${TOOL_NAME} check [options] FILE...
       ${TOOL_NAME} import FILE --endpoint URL [options]   (see ${TOOL_NAME} import --help)

Checks OfficeSuite UC subscriber import CSV files against the import rules.

Options:
  --format text|json|sarif        output format (default: text)
  --pin-notification none|display|email|email-and-display
                                  the tenant's PIN notification setting (default: none)
  --role tenant-admin|telco-admin who runs the import (default: tenant-admin)
  --tenant FILE                   JSON file with the tenant's known IDs, e.g.
                                  {"callProfiles":[{"id":"1","name":"Local"}],"extensionsInUse":["100"]}
  -h, --help                      show this help
  -v, --version                   show the version

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or file errors.
`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

/** CLI spelling (`email-and-display`) → the library's value, from the library's vocabulary. */
function flags<T extends string>(values: readonly T[]): Readonly<Record<string, T>> {
  return Object.fromEntries(values.map((value) => [flagSpelling(value), value]));
}

const PIN_NOTIFICATION_FLAGS = flags(PIN_NOTIFICATIONS);
const ROLE_FLAGS = flags(IMPORTER_ROLES);

const OPTIONS = {
  format: { type: 'string' },
  'pin-notification': { type: 'string' },
  role: { type: 'string' },
  tenant: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals } = parseStrict(argv);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError('missing command: expected "check" or "import".');
  if (command !== 'check') throw new UsageError(unknownCommand(command));
  if (files.length === 0) throw new UsageError('no files to check: name at least one FILE.');
  return {
    kind: 'check',
    options: {
      format: oneOf('--format', values.format ?? 'text', FORMATS),
      pinNotification: mapped('--pin-notification', values['pin-notification'], PIN_NOTIFICATION_FLAGS),
      role: mapped('--role', values.role, ROLE_FLAGS),
      tenantFile: values.tenant,
      files,
    },
  };
}

/**
 * What was typed where a command goes is not repeated: it may be the API token pasted in the wrong place, and the
 * message may land in a CI log. A near miss of a command's name is answered with the name.
 */
function unknownCommand(command: string): string {
  const near = ['check', 'import'].find((name) => command.length <= 8 && distance(command.toLowerCase(), name) <= 2);
  return near ? `unknown command: did you mean "${near}"?` : 'unknown command: expected "check" or "import".';
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'([^']*)'/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
      throw new UsageError(`unknown option ${optionInMessage(option)}.`);
    }
    // Node's other messages name one of our options; they go on to explain `--` at length: the first sentence does.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split(/\. To specify|\n/)[0].replace(/\.$/, '') + '.');
  }
}

/** A flag's value is not repeated when it is not one of the choices (it may be anything, the token included). */
function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}.`);
}

function mapped<T>(flag: string, value: string | undefined, table: Readonly<Record<string, T>>): T | undefined {
  if (value === undefined) return undefined;
  if (Object.hasOwn(table, value)) return table[value];
  throw new UsageError(`${flag} must be one of ${Object.keys(table).join(', ')}.`);
}
