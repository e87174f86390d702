/**
 * The command line: `subscriber-csv check [options] FILE...`, `subscriber-csv fix [options] FILE...`, `--help`,
 * `--version`.
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

/** What `check` does with the automatic fixes: nothing, rewrite each file (`--fix`), or print a diff. */
export type FixMode = 'none' | 'write' | 'dryRun';

export interface CheckOptions {
  format: OutputFormat;
  fix: FixMode;
  /** Undefined when the flag is absent, so that the tenant file (or the default) applies. */
  pinNotification: PinNotification | undefined;
  role: ImporterRole | undefined;
  tenantFile: string | undefined;
  files: string[];
}

/** `fix`: a clean copy of each file beside it, or at `out`; an existing copy is replaced only with `force`. */
export interface FixOptions extends CheckOptions {
  out: string | undefined;
  force: boolean;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'fix'; options: FixOptions };

export const USAGE = `Usage: ${TOOL_NAME} check [options] FILE...
       ${TOOL_NAME} fix [options] FILE...
       ${TOOL_NAME} import FILE --endpoint URL [options]   (see ${TOOL_NAME} import --help)

check  checks OfficeSuite UC subscriber import CSV files against the import rules.
fix    writes a clean copy of each FILE beside it (team.csv -> team.clean.csv): UTF-8, with every automatic fix
       applied, ready for the vendor's import page; then checks the copy. The original is never written.

Options:
  --format text|json|sarif        output format (default: text)
  --fix                           check: first rewrite each FILE in place, as UTF-8, with every automatic fix
  --fix-dry-run                   check: print what --fix would change, as a unified diff, and write nothing
  --out PATH                      fix: where to write the clean copy (one FILE only)
  --force                         fix: replace a clean copy that exists already
  --pin-notification none|display|email|email-and-display
                                  the tenant's PIN notification setting (default: none)
  --role tenant-admin|telco-admin who runs the import (default: tenant-admin)
  --tenant FILE                   JSON file with the tenant's known IDs, e.g.
                                  {"callProfiles":[{"id":"1","name":"Local"}],"extensionsInUse":["100"]}
  -h, --help                      show this help
  -v, --version                   show the version

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or file errors.
With --fix-dry-run: 0 nothing to change, 1 a file would change, 2 usage or file errors.
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
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals } = parseStrict(argv);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError('missing command: expected "check", "fix" or "import".');
  if (command !== 'check' && command !== 'fix') throw new UsageError(unknownCommand(command));
  if (files.length === 0) throw new UsageError(`no files to ${command}: name at least one FILE.`);
  const format = oneOf('--format', values.format ?? 'text', FORMATS);
  const common = {
    format,
    pinNotification: mapped('--pin-notification', values['pin-notification'], PIN_NOTIFICATION_FLAGS),
    role: mapped('--role', values.role, ROLE_FLAGS),
    tenantFile: values.tenant,
    files,
  };
  if (command === 'fix') {
    for (const flag of ['fix', 'fix-dry-run'] as const) {
      if (values[flag]) throw new UsageError(`--${flag} is an option of check; fix always writes a clean copy.`);
    }
    if (values.out !== undefined && files.length > 1) throw new UsageError('--out names one copy: name one FILE.');
    return { kind: 'fix', options: { ...common, fix: 'write', out: values.out, force: values.force === true } };
  }
  for (const flag of ['out', 'force'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} is an option of fix, not of check.`);
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run: choose one.');
  if (values['fix-dry-run'] && values.format !== undefined) {
    throw new UsageError('--fix-dry-run prints a diff: --format does not apply.');
  }
  const fix: FixMode = values.fix ? 'write' : values['fix-dry-run'] ? 'dryRun' : 'none';
  return { kind: 'check', options: { ...common, fix } };
}

/**
 * What was typed where a command goes is not repeated: it may be the API token pasted in the wrong place, and the
 * message may land in a CI log. A near miss of a command's name is answered with the name.
 */
function unknownCommand(command: string): string {
  const near = ['check', 'fix', 'import'].find(
    (name) => command.length <= 8 && distance(command.toLowerCase(), name) <= Math.min(2, name.length - 2),
  );
  return near ? `unknown command: did you mean "${near}"?` : 'unknown command: expected "check", "fix" or "import".';
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
