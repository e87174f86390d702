/**
 * `subscriber-csv import FILE --endpoint URL`: checks the file against the tenant's data from the endpoint and
 * prints its errors and warnings as `check` does; refuses a file with errors (nothing is sent); shows what the
 * endpoint says the import would do and asks before importing, as the editor does (`--yes` does not ask, and
 * without a terminal the command will not import unless given it); then uploads with the upload core and prints
 * the rows refused, each on its cell. `--dry-run` stops after the preview and prints it in check's formats. The
 * token comes from SUBSCRIBER_CSV_TOKEN, never from the command line, where it would land in shell history and
 * process lists. Touches the process only through `ImportIo`.
 *
 * Exit codes: 0 every row imported (or, with --dry-run, would be); 1 a row failed or the import was refused or
 * declined (file errors, 400, 409, 413); 2 usage, configuration, token or network problems.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import {
  countsText,
  fetchTenant,
  previewCountsText,
  previewImport,
  scrub,
  uploadImport,
  type RequestFailure,
  type RequestOptions,
  type RequestProgress,
} from '../../common/importClient';
import {
  getLanguageService,
  tenantContextOf,
  type FileEncoding,
  type SubscriberDocument,
} from '@subscriber-csv/language-service';
import type { TenantData } from '../../common/protocol';
import { fileDiagnostic, type FileDiagnostic } from './checkFile';
import { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, FileError } from './errors';
import { createTextFormatter } from './formatText';
import { IMPORT_USAGE, parseImportArgs, TOKEN_VARIABLE, type ImportOptions } from './importArgs';
import { dryRunOutput, refusedFile, refusedRows } from './importReport';
import { readTextFile } from './readFile';
import { TOOL_NAME } from './toolInfo';

export { IMPORT_USAGE, TOKEN_VARIABLE } from './importArgs';

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
  /** True when a person can answer: the command runs on a terminal (main.ts: stdin and stderr are TTYs). */
  interactive?: boolean;
  /** Asks a question on the terminal and gives the answer typed. */
  ask?(question: string): Promise<string>;
}

/** What one run shares: the file, its secrets and how to write lines scrubbed of them. */
interface Run {
  options: ImportOptions;
  io: ImportIo;
  token: string;
  text: string;
  document: SubscriberDocument;
  host: string;
  request: RequestOptions;
  /** The file's PINs, as the rules library finds them: every upload passes them, so the core scrubs them. */
  pins: readonly string[];
  /** Writes `check`-style lines for the diagnostics, scrubbed of the token and the file's PINs. */
  printLines(diagnostics: readonly FileDiagnostic[]): void;
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
  const command = parseImportArgs(args);
  if (command.kind === 'help') {
    io.stdout(IMPORT_USAGE);
    return EXIT_CLEAN;
  }
  if (command.kind === 'usage') return usage(command.message);
  const { options } = command;
  // Said before anything is read or sent: a CI job without --yes must fail at once, not wait for an answer.
  if (!options.dryRun && !options.yes && !(io.interactive && io.ask)) {
    return usage(
      'not importing: the import asks before it imports, and there is no terminal to ask on. Pass --yes to ' +
        'import without asking (as in CI), or --dry-run to see what the import would do.',
    );
  }
  const token = io.env[TOKEN_VARIABLE]?.trim();
  if (!token) return usage(`set the API token in the environment variable ${TOKEN_VARIABLE}.`);

  // Read in the encoding the bytes are in; what is uploaded is that text, sent as UTF-8.
  let text: string;
  let encoding: FileEncoding;
  try {
    ({ text, encoding } = await readTextFile(options.path, io.cwd));
  } catch (error) {
    if (error instanceof FileError) return usage(error.message);
    throw error;
  }
  const service = getLanguageService();
  const uri = `file:///${encodeURIComponent(options.path)}`;
  const document = service.parse(TextDocument.create(uri, 'subscriber-csv', 1, text));
  // Found once: every printed line is scrubbed of them, and a file can have thousands of lines to print.
  const secrets = { token, pins: document.secretValues() };
  const run: Run = {
    options,
    io,
    token,
    text,
    document,
    host: new URL(options.endpoint).host,
    pins: secrets.pins,
    request: {
      signal: io.signal,
      fetch: io.fetch,
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      onProgress: (event: RequestProgress) => {
        if (event.kind === 'waiting') io.stderr(`${event.message}\n`);
      },
    },
    printLines(diagnostics) {
      if (diagnostics.length === 0) return;
      io.stdout(scrub(createTextFormatter().diagnostics(options.path, diagnostics, true), secrets));
    },
  };

  const tenant = await fetchTenant(options.endpoint, token, run.request);
  if (!tenant.ok) {
    io.stderr(`${TOOL_NAME} import: could not load the tenant: ${tenant.message}\n`);
    return EXIT_USAGE;
  }
  const own = checkAgainstTenant(document, tenant.data, encoding);
  const errors = own.filter(({ diagnostic }) => diagnostic.severity === DiagnosticSeverity.Error).length;
  if (options.dryRun) return dryRun(run, own, errors);

  run.printLines(own);
  if (errors > 0) {
    io.stdout(
      `Import refused: ${options.path} has ${plural(errors, 'error')}; nothing was sent. ` +
        `Fix them (see "${TOOL_NAME} check") and import again.\n`,
    );
    return EXIT_PROBLEMS;
  }
  if (!options.yes) {
    const declined = await confirm(run);
    if (declined !== undefined) return declined;
  }
  return upload(run);
}

/**
 * The file's errors and warnings under the tenant's real settings: the check the endpoint will make, and the
 * warnings the editor lists before it uploads.
 */
function checkAgainstTenant(document: SubscriberDocument, data: TenantData, encoding: FileEncoding): FileDiagnostic[] {
  return getLanguageService()
    .doValidation(document, { tenant: tenantContextOf(data), assumeSubscriberFile: true, encoding })
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
    .map(fileDiagnostic);
}

async function dryRun(run: Run, own: FileDiagnostic[], errors: number): Promise<number> {
  const { options, io } = run;
  // The token only: a JSON line number may equal a PIN, and the library's messages never quote one.
  const print = (output: string) => io.stdout(scrub(output, { token: run.token, pins: [] }));
  if (errors > 0) {
    print(dryRunOutput(options.format, io.cwd, options.path, own, { kind: 'refusedBeforeSending', errors }));
    return EXIT_PROBLEMS;
  }
  const preview = await previewImport(options.endpoint, run.token, run.text, baseName(options.path), {
    ...run.request,
    secretValues: run.pins,
  });
  if (!preview.ok) return failed(run, preview);
  const refusals =
    preview.outcome === 'rejected'
      ? refusedFile(run.document, preview.problems)
      : refusedRows(run.document, preview.rows, preview.outcome === 'conflict' ? 'import-conflict' : 'import-failed');
  const outcome = { kind: 'previewed' as const, host: run.host, preview };
  print(dryRunOutput(options.format, io.cwd, options.path, [...own, ...refusals], outcome));
  return preview.outcome === 'import' && preview.failed === 0 ? EXIT_CLEAN : EXIT_PROBLEMS;
}

/** Shows what the import would do and asks; undefined when the answer is yes, else the exit code. */
async function confirm(run: Run): Promise<number | undefined> {
  const { io, options, document } = run;
  const preview = await previewImport(options.endpoint, run.token, run.text, baseName(options.path), {
    ...run.request,
    secretValues: run.pins,
  });
  if (!preview.ok) {
    io.stderr(`No preview: ${preview.message}\n`);
  } else if (preview.outcome === 'import') {
    run.printLines(refusedRows(document, preview.rows, 'import-failed'));
    io.stdout(`Preview: ${previewCountsText(preview)}.\n`);
  } else {
    const refusals =
      preview.outcome === 'conflict'
        ? refusedRows(document, preview.rows, 'import-conflict')
        : refusedFile(document, preview.problems);
    run.printLines(refusals);
    io.stdout(`Import refused: ${preview.message.replace(/\s*[\r\n]+\s*/g, ' ')} Nothing was sent.\n`);
    return EXIT_PROBLEMS;
  }
  const counts = document.rowCounts();
  const rows = [plural(counts.users, 'user'), plural(counts.locations, 'location')].join(' and ');
  const answer = (await io.ask?.(`Import ${rows} from ${options.path} to ${run.host}? [y/N] `)) ?? '';
  if (/^\s*y(es)?\s*$/i.test(answer)) return undefined;
  io.stdout('Import declined: nothing was sent.\n');
  return EXIT_PROBLEMS;
}

async function upload(run: Run): Promise<number> {
  const { io, options, document } = run;
  const result = await uploadImport(options.endpoint, run.token, run.text, baseName(options.path), {
    ...run.request,
    secretValues: run.pins,
  });
  if (result.ok) {
    run.printLines(refusedRows(document, result.rows, 'import-failed'));
    io.stdout(`Imported ${options.path} to ${run.host}: ${countsText(result)}.\n`);
    return result.failed === 0 ? EXIT_CLEAN : EXIT_PROBLEMS;
  }
  if (result.kind === 'conflict') run.printLines(refusedRows(document, result.rows, 'import-conflict'));
  if (result.kind === 'rejected') run.printLines(refusedFile(document, result.problems));
  return failed(run, result);
}

function failed(run: Run, failure: RequestFailure): number {
  run.io.stderr(`${TOOL_NAME} import: ${failure.message}\n`);
  const refused = failure.kind === 'rejected' || failure.kind === 'conflict' || failure.kind === 'tooLarge';
  return refused ? EXIT_PROBLEMS : EXIT_USAGE;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || 'upload.csv';
}
