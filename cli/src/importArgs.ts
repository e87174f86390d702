/**
 * The command line of `subscriber-csv import`: its usage and its options, read into one value. The defaults of
 * `--timeout` and `--retries` are the editor's (`IMPORT_DEFAULTS`), so both front ends behave alike.
 */
import { parseArgs } from 'node:util';
import { checkEndpointUrl, IMPORT_DEFAULTS } from '../../common/importClient';
import type { OutputFormat } from './args';
import { TOOL_NAME } from './toolInfo';

export const TOKEN_VARIABLE = 'SUBSCRIBER_CSV_TOKEN';

export const IMPORT_USAGE = `Usage: ${TOOL_NAME} import FILE --endpoint URL [options]

Checks FILE against the tenant's data, prints its warnings, shows what the endpoint says the import would do and
asks before importing it (docs/import-api.md). The API token is read from the environment variable ${TOKEN_VARIABLE}.

Options:
  --endpoint URL            the tenant's import endpoint, e.g. https://pbx.example.com/api/v1/tenants/acme
                            (plain http:// only to this machine, e.g. the sandbox)
  --dry-run                 only show what the import would do, row by row; nothing is imported
  --format text|json|sarif  the output of --dry-run, as "${TOOL_NAME} check" writes it (default: text)
  -y, --yes                 import without asking (for CI); without a terminal, import asks for this
  --timeout SECONDS         per attempt, 1 to 600 (default ${IMPORT_DEFAULTS.timeoutSeconds}, as in the editor)
  --retries N               attempts after the first on network errors, 5xx and 429, 0 to 10 (default ${IMPORT_DEFAULTS.retries})
  -h, --help                show this help

Exit codes: 0 every row imported (with --dry-run: every row would be), 1 a row failed, the import was refused or
declined, 2 usage, token or network errors.
`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface ImportOptions {
  path: string;
  /** Checked: https://, or http:// to this machine. */
  endpoint: string;
  dryRun: boolean;
  format: OutputFormat;
  yes: boolean;
  timeoutMs: number;
  retries: number;
}

export type ImportCommandLine =
  { kind: 'help' } | { kind: 'usage'; message: string } | { kind: 'run'; options: ImportOptions };

/** `args` are the arguments after `import`. Messages never repeat a value given (it may be the token). */
export function parseImportArgs(args: readonly string[]): ImportCommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        endpoint: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        'dry-run': { type: 'boolean' },
        format: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1) return usage('name exactly one FILE to import.');
  if (values.endpoint === undefined) return usage('--endpoint URL is required.');
  const endpoint = checkEndpointUrl(values.endpoint);
  if (!endpoint.ok) return usage(endpoint.message);
  const timeout = wholeNumber(values.timeout, 1, 600);
  const retries = wholeNumber(values.retries, 0, 10);
  if (timeout === null) return usage('--timeout must be a whole number of seconds from 1 to 600.');
  if (retries === null) return usage('--retries must be a whole number from 0 to 10.');
  const dryRun = values['dry-run'] === true;
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) return usage(`--format must be one of ${FORMATS.join(', ')}.`);
  if (values.format !== undefined && !dryRun) return usage('--format applies to --dry-run only.');
  return {
    kind: 'run',
    options: {
      path: positionals[0],
      endpoint: endpoint.url,
      dryRun,
      format: format as OutputFormat,
      yes: values.yes === true,
      timeoutMs: (timeout ?? IMPORT_DEFAULTS.timeoutSeconds) * 1000,
      retries: retries ?? IMPORT_DEFAULTS.retries,
    },
  };
}

function usage(message: string): ImportCommandLine {
  return { kind: 'usage', message };
}

/** undefined when absent (the default applies), null when not a whole number in range. */
function wholeNumber(value: string | undefined, min: number, max: number): number | undefined | null {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}
