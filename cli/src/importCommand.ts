/**
 * `subscriber-csv import FILE --endpoint URL`: checks the file against the tenant's data from the endpoint, refuses
 * it when it has errors (nothing is sent), then uploads it with the upload core and prints the outcome as
 * `file:line: column: reason` lines. The token comes from SUBSCRIBER_CSV_TOKEN, never from the command line, where
 * it would land in shell history and process lists. Touches the process only through `ImportIo`.
 *
 * Exit codes: 0 every row imported; 1 a row failed or the import was refused (file errors, 400, 409, 413);
 * 2 usage, configuration, token or network problems.
 */
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import {
  checkEndpointUrl,
  countsText,
  fetchTenant,
  scrub,
  uploadImport,
  type RequestOptions,
  type RequestProgress,
  type RowResult,
} from '../../common/importClient';
import type { TenantData } from '../../common/protocol';
import {
  getLanguageService,
  tenantContextOf,
  type FileEncoding,
  type LanguageService,
  type SubscriberDocument,
} from '@subscriber-csv/language-service';
import { fileDiagnostic } from './checkFile';
import { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, FileError } from './errors';
import { readTextFile } from './readFile';
import type { DecodedFile } from '../../common/fileEncoding';
import { TOOL_NAME } from './toolInfo';

export const TOKEN_VARIABLE = 'SUBSCRIBER_CSV_TOKEN';

export const IMPORT_USAGE = `Usage: ${TOOL_NAME} import FILE --endpoint URL [options]

Checks FILE against the tenant's data, then imports it through the endpoint (docs/import-api.md).
The API token is read from the environment variable ${TOKEN_VARIABLE}.

Options:
  --endpoint URL     the tenant's import endpoint, e.g. https://pbx.example.com/api/v1/tenants/acme
                     (plain http:// only to this machine, e.g. the sandbox)
  --timeout SECONDS  per attempt (default 30)
  --retries N        attempts after the first on network errors, 5xx and 429 (default 3)
  -h, --help         show this help

Exit codes: 0 all rows imported, 1 a row failed or the import was refused, 2 usage, token or network errors.
`;

export interface ImportIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The directory FILE is resolved against. */
  cwd: string;
  /** Where SUBSCRIBER_CSV_TOKEN is read: process.env. */
  env: Readonly<Record<string, string | undefined>>;
  /** Cancels the import, e.g. on Ctrl+C. */
  signal?: AbortSignal;
  /** Replaces the global fetch (tests). */
  fetch?: typeof fetch;
}

/** `args` are the arguments after `import`. */
export async function runImport(args: readonly string[], io: ImportIo): Promise<number> {
  // A path or an option value on the command line may be the token itself, pasted in the wrong place.
  const environmentToken = { token: io.env[TOKEN_VARIABLE]?.trim() ?? '', pins: [] };
  const usage = (message: string) => {
    io.stderr(
      `${TOOL_NAME} import: ${scrub(message, environmentToken)}\nRun "${TOOL_NAME} import --help" for usage.\n`,
    );
    return EXIT_USAGE;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        endpoint: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(IMPORT_USAGE);
    return EXIT_CLEAN;
  }
  if (positionals.length !== 1) return usage('name exactly one FILE to import.');
  const path = positionals[0];
  if (values.endpoint === undefined) return usage('--endpoint URL is required.');
  const endpoint = checkEndpointUrl(values.endpoint);
  if (!endpoint.ok) return usage(endpoint.message);
  const timeout = wholeNumber(values.timeout, 1, 600);
  const retries = wholeNumber(values.retries, 0, 10);
  if (timeout === null) return usage('--timeout must be a whole number of seconds from 1 to 600.');
  if (retries === null) return usage('--retries must be a whole number from 0 to 10.');
  const token = io.env[TOKEN_VARIABLE]?.trim();
  if (!token) return usage(`set the API token in the environment variable ${TOKEN_VARIABLE}.`);

  // Read in the encoding the bytes are in; what is uploaded is that text, sent as UTF-8.
  let file: DecodedFile;
  try {
    file = await readTextFile(path, io.cwd);
  } catch (error) {
    if (error instanceof FileError) return usage(error.message);
    throw error;
  }
  const { text, encoding } = file;
  const service = getLanguageService();
  const document = service.parse(TextDocument.create(`file:///${encodeURIComponent(path)}`, 'subscriber-csv', 1, text));
  // Found once: every printed line is scrubbed of them, and a file can have thousands of lines to print.
  const secrets = { token, pins: document.secretValues() };
  const clean = (message: string) => scrub(message.replace(/\s*[\r\n]+\s*/g, ' '), secrets);
  const options: RequestOptions = {
    signal: io.signal,
    fetch: io.fetch,
    ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }),
    ...(retries === undefined ? {} : { retries }),
    onProgress: (event: RequestProgress) => {
      if (event.kind === 'waiting') io.stderr(`${event.message}\n`);
    },
  };

  const tenant = await fetchTenant(endpoint.url, token, options);
  if (!tenant.ok) {
    io.stderr(`${TOOL_NAME} import: could not load the tenant: ${tenant.message}\n`);
    return EXIT_USAGE;
  }
  const errors = localErrors(service, document, tenant.data, encoding);
  if (errors.length > 0) {
    for (const error of errors)
      io.stdout(`${clean(`${path}:${error.line}: ${withColumn(error.column, error.message)}`)}\n`);
    io.stdout(
      `Import refused: ${path} has ${plural(errors.length, 'error')}; nothing was sent. ` +
        `Fix them (see "${TOOL_NAME} check") and import again.\n`,
    );
    return EXIT_PROBLEMS;
  }

  const result = await uploadImport(endpoint.url, token, text, baseName(path), {
    ...options,
    secretValues: secrets.pins,
  });
  const rowLines = (rows: readonly RowResult[]) =>
    rows
      .filter((row) => row.status === 'failed')
      .forEach((row) =>
        io.stdout(`${clean(`${path}:${row.line}: ${withColumn(row.column, row.reason ?? 'failed')}`)}\n`),
      );
  if (result.ok) {
    rowLines(result.rows);
    const host = new URL(endpoint.url).host;
    io.stdout(`Imported ${path} to ${host}: ${countsText(result)}.\n`);
    return result.failed === 0 ? EXIT_CLEAN : EXIT_PROBLEMS;
  }
  if (result.kind === 'conflict') rowLines(result.rows);
  if (result.kind === 'rejected') {
    for (const problem of result.problems) {
      io.stdout(`${clean(`${path}:${problem.line ?? 1}: ${withColumn(problem.column, problem.message)}`)}\n`);
    }
  }
  io.stderr(`${TOOL_NAME} import: ${result.message}\n`);
  const refused = result.kind === 'rejected' || result.kind === 'conflict' || result.kind === 'tooLarge';
  return refused ? EXIT_PROBLEMS : EXIT_USAGE;
}

/** The file's errors under the tenant's real settings: the same check the endpoint will make. */
function localErrors(service: LanguageService, parsed: SubscriberDocument, data: TenantData, encoding: FileEncoding) {
  return service
    .doValidation(parsed, { tenant: tenantContextOf(data), assumeSubscriberFile: true, encoding })
    .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)
    .map((diagnostic) => {
      const { column } = fileDiagnostic(diagnostic);
      return { line: diagnostic.range.start.line + 1, column, message: diagnostic.message };
    });
}

/** undefined when absent (the default applies), null when not a whole number in range. */
function wholeNumber(value: string | undefined, min: number, max: number): number | undefined | null {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

function withColumn(column: string | null | undefined, reason: string): string {
  return column ? `${column}: ${reason}` : reason;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || 'upload.csv';
}
