/**
 * The benchmark's results: one object with the headline figures at 100k rows (the sizes the targets speak
 * of), the figures of every size, and each target as met or not met; printed as a table or as JSON.
 */
import type { CliMeasures } from './cliBench';
import type { HeapMeasure, ParseAndValidate } from './library';
import { PUBLISHED_LIMIT, type ServerMeasures } from './serverBench';
import { round } from './stats';

export interface SizeResult {
  rows: number;
  bytes: number;
  library?: ParseAndValidate;
  /** The baseline parse alone, once, where the library is not measured (the 1M-row file). */
  csvParseOnceMs?: number;
  heap?: HeapMeasure;
  server?: ServerMeasures;
  cli?: CliMeasures;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  /** One-minute load average when the run started and when it ended: other work on the machine skews timings. */
  loadAtStart: number;
  loadAtEnd: number;
}

export interface Target {
  name: string;
  measured: string;
  target: string;
  met: boolean | null;
}

export interface BenchResult {
  rows: number;
  csvParseMs: number | null;
  fullValidationMs: number | null;
  fullRatio: number | null;
  keystrokeP50Ms: number | null;
  keystrokeP95Ms: number | null;
  keystrokeRatio: number | null;
  hoverP95Ms: number | null;
  completionP95Ms: number | null;
  documentSymbolsP95Ms: number | null;
  documentSymbolsDecodeMs: number | null;
  semanticTokensP95Ms: number | null;
  heapBytesPerRow: number | null;
  cliRows: number | null;
  cliRowsPerSecond: number | null;
  cliPeakRssMb: number | null;
  openToDiagnosticsMs: number | null;
  /** Open → diagnostics over the server / the library's full validation of the same text. */
  openRatio: number | null;
  /**
   * The floor of `openRatio`: (the didOpen message encoded and decoded + the full validation) / the full
   * validation. No server can open in less than its message costs plus checking every row once.
   */
  openFloorRatio: number | null;
  /** The floor under a keystroke: the editor decoding one publication of the diagnostics, ms. */
  publishDecodeMs: number | null;
  hoverDuringValidationMs: number | null;
  clientLoopDelayDuringValidationMs: number | null;
  /** The CLI's time / `csvclean -n`'s on the same file (the largest file the CLI checked). */
  cliVsCsvclean: number | null;
  csvcleanMs: number | null;
  /** The CLI with one stray quote: its time / the clean file's, and its peak memory. */
  cliStrayQuoteRatio: number | null;
  cliStrayQuotePeakRssMb: number | null;
  /** The CLI on two threads: one thread's time / two threads' time, and two threads' peak memory. */
  cliTwoThreadsSpeedup: number | null;
  cliTwoThreadsPeakRssMb: number | null;
  maxPublishedDiagnostics: number | null;
  targets: Target[];
  seed: number;
  quick: boolean;
  machine: Machine;
  sizes: SizeResult[];
}

const HEADLINE_ROWS = 100_000;

function maxOf(values: (number | undefined)[]): number | null {
  const present = values.filter((value): value is number => value !== undefined && Number.isFinite(value));
  return present.length > 0 ? Math.max(...present) : null;
}

function fixed(value: number | null | undefined, unit = '', digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(digits)}${unit}`;
}

function atMost(value: number | null, limit: number): boolean | null {
  return value === null ? null : value <= limit;
}

export function summarise(sizes: SizeResult[], machine: Machine, seed: number, quick: boolean): BenchResult {
  const headline =
    sizes.find((size) => size.rows === HEADLINE_ROWS) ?? [...sizes].reverse().find((size) => size.library) ?? sizes[0];
  const library = headline.library;
  const server = headline.server;
  const fullRatio = library ? library.fullValidationMs / library.csvParseMs : null;
  const keystrokeRatio =
    library && typeof server?.keystrokeP95Ms === 'number' ? server.keystrokeP95Ms / library.fullValidationMs : null;
  const hoverP95Ms = maxOf(sizes.map((size) => size.server?.hoverP95Ms));
  const completionP95Ms = maxOf(sizes.map((size) => size.server?.completionP95Ms));
  const documentSymbolsP95Ms = maxOf(sizes.map((size) => size.server?.documentSymbolsP95Ms));
  const documentSymbolsDecodeMs = maxOf(sizes.map((size) => size.server?.documentSymbolsDecodeMs));
  const semanticTokensP95Ms = maxOf(sizes.map((size) => size.server?.semanticTokensP95Ms));
  const heapBytesPerRow = headline.heap?.heapBytesPerRow ?? null;
  const cliSize = [...sizes].reverse().find((size) => size.cli);
  const cli = cliSize?.cli;
  const maxPublished = maxOf(sizes.map((size) => size.server?.maxPublishedDiagnostics));
  const cliChecked = sizes.filter((size) => size.cli && size.library);
  const cliComplete = cliChecked.every((size) => size.cli!.outputLines - 1 === size.library!.diagnostics);
  const cliRowsLabel = cliSize ? label(cliSize.rows) : '?';
  const openRatio =
    library && server && Number.isFinite(server.openToDiagnosticsMs)
      ? server.openToDiagnosticsMs / library.fullValidationMs
      : null;
  const openFloorRatio =
    library && server ? (server.messages.openMessageMs + library.fullValidationMs) / library.fullValidationMs : null;
  const cliVsCsvclean = cli?.vsCsvclean ?? null;
  const hoverDuringValidationMs =
    server && Number.isFinite(server.hoverDuringValidationMs) ? server.hoverDuringValidationMs : null;
  const rowsLabel = label(headline.rows);

  const targets: Target[] = [
    {
      name: `full validation / csv-parse (${rowsLabel})`,
      measured: fixed(fullRatio, '×', 2),
      target: '≤ 1.3×',
      met: atMost(fullRatio, 1.3),
    },
    {
      name: `keystroke → diagnostics p95 (${rowsLabel}; decoding the publication alone: ${fixed(server?.messages.publishDecodeMs, ' ms')})`,
      measured: fixed(server?.keystrokeP95Ms, ' ms'),
      target: '≤ 16 ms',
      met: atMost(server?.keystrokeP95Ms ?? null, 16),
    },
    {
      name: `keystroke p95 / full validation (${rowsLabel})`,
      measured: keystrokeRatio === null ? 'n/a' : `${(keystrokeRatio * 100).toFixed(2)}%`,
      target: '≤ 1.5%',
      met: atMost(keystrokeRatio, 0.015),
    },
    {
      name: `open → diagnostics / full validation (${rowsLabel}; the message alone: +${fixed(openFloorRatio === null ? null : openFloorRatio - 1, '×', 2)})`,
      measured: fixed(openRatio, '×', 2),
      target: '≤ 1.3×',
      met: atMost(openRatio, 1.3),
    },
    {
      name: `slowest hover during a full re-validation (${rowsLabel}; the bench's own loop held up to ${fixed(server?.clientLoopDelayDuringValidationMs, ' ms')} meanwhile)`,
      measured: fixed(hoverDuringValidationMs, ' ms'),
      target: '≤ 10 ms',
      met: server ? server.hoverAnsweredDuringValidation && atMost(hoverDuringValidationMs, 10) === true : null,
    },
    {
      name: 'duplicate diagnostics on other rows after edits',
      measured: server ? `${server.duplicateChecksPassed}/${server.duplicateChecksMade} right` : 'n/a',
      target: 'all right',
      met:
        server && server.duplicateChecksMade > 0 ? server.duplicateChecksPassed === server.duplicateChecksMade : null,
    },
    {
      name: 'hover p95 (every size)',
      measured: fixed(hoverP95Ms, ' ms', 2),
      target: '≤ 5 ms',
      met: atMost(hoverP95Ms, 5),
    },
    {
      name: 'completion p95 (every size)',
      measured: fixed(completionP95Ms, ' ms', 2),
      target: '≤ 5 ms',
      met: atMost(completionP95Ms, 5),
    },
    {
      name: `document symbols p95 (every size, at most 1,000 rows listed; decoding the answer alone: ${fixed(documentSymbolsDecodeMs, ' ms')})`,
      measured: fixed(documentSymbolsP95Ms, ' ms', 2),
      target: '≤ 5 ms',
      met: atMost(documentSymbolsP95Ms, 5),
    },
    {
      name: 'semantic tokens for a 100-line viewport p95 (every size)',
      measured: fixed(semanticTokensP95Ms, ' ms', 2),
      target: '≤ 5 ms',
      met: atMost(semanticTokensP95Ms, 5),
    },
    {
      name: `retained heap per row beyond the text (${rowsLabel})`,
      measured: fixed(heapBytesPerRow, ' B', 0),
      target: '≤ 300 B',
      met: atMost(heapBytesPerRow, 300),
    },
    {
      name: 'diagnostics published per file',
      measured: maxPublished === null ? 'n/a' : `${maxPublished}`,
      target: `≤ ${PUBLISHED_LIMIT} + 1 summary`,
      met: atMost(maxPublished, PUBLISHED_LIMIT + 1),
    },
    {
      name: `CLI full check / csvclean -n, same file (${cliRowsLabel} rows)`,
      measured:
        cliVsCsvclean === null
          ? cli
            ? 'csvkit not installed'
            : 'n/a'
          : `${cliVsCsvclean.toFixed(2)}× (${fixed(cli?.ms, ' ms', 0)} / ${fixed(cli?.csvcleanMs, ' ms', 0)})`,
      target: '≤ 1.0×',
      met: atMost(cliVsCsvclean, 1.0),
    },
    {
      name: `CLI peak RSS (${cliRowsLabel} rows)`,
      measured: fixed(cli?.peakRssMb, ' MB', 0),
      target: '< 150 MB',
      met: cli ? cli.peakRssMb < 150 : null,
    },
    {
      name: `CLI with one stray quote: time / clean file, peak RSS (${cliRowsLabel} rows)`,
      measured: cli?.strayQuote
        ? `${cli.strayQuote.vsClean.toFixed(2)}×, ${cli.strayQuote.peakRssMb.toFixed(0)} MB`
        : 'n/a',
      target: '≤ 1.5× (linear), < 150 MB',
      met: cli?.strayQuote ? cli.strayQuote.vsClean <= 1.5 && cli.strayQuote.peakRssMb < 150 : null,
    },
    {
      name: 'CLI reports every diagnostic (= library)',
      measured: cliChecked.length > 0 ? (cliComplete ? 'equal' : 'different') : 'n/a',
      target: 'equal',
      met: cliChecked.length > 0 ? cliComplete : null,
    },
  ];

  return {
    rows: headline.rows,
    csvParseMs: library ? round(library.csvParseMs) : null,
    fullValidationMs: library ? round(library.fullValidationMs) : null,
    fullRatio: fullRatio === null ? null : Math.round(fullRatio * 1000) / 1000,
    keystrokeP50Ms: typeof server?.keystrokeP50Ms === 'number' ? round(server.keystrokeP50Ms) : null,
    keystrokeP95Ms: typeof server?.keystrokeP95Ms === 'number' ? round(server.keystrokeP95Ms) : null,
    keystrokeRatio: keystrokeRatio === null ? null : Math.round(keystrokeRatio * 10000) / 10000,
    hoverP95Ms: hoverP95Ms === null ? null : round(hoverP95Ms),
    completionP95Ms: completionP95Ms === null ? null : round(completionP95Ms),
    documentSymbolsP95Ms: documentSymbolsP95Ms === null ? null : round(documentSymbolsP95Ms),
    documentSymbolsDecodeMs: documentSymbolsDecodeMs === null ? null : round(documentSymbolsDecodeMs),
    semanticTokensP95Ms: semanticTokensP95Ms === null ? null : round(semanticTokensP95Ms),
    heapBytesPerRow: heapBytesPerRow === null ? null : Math.round(heapBytesPerRow),
    cliRows: cli?.rows ?? null,
    cliRowsPerSecond: cli ? Math.round(cli.rowsPerSecond) : null,
    cliPeakRssMb: cli ? round(cli.peakRssMb) : null,
    openToDiagnosticsMs: server ? round(server.openToDiagnosticsMs) : null,
    openRatio: openRatio === null ? null : Math.round(openRatio * 1000) / 1000,
    openFloorRatio: openFloorRatio === null ? null : Math.round(openFloorRatio * 1000) / 1000,
    publishDecodeMs: server ? round(server.messages.publishDecodeMs) : null,
    hoverDuringValidationMs: hoverDuringValidationMs === null ? null : round(hoverDuringValidationMs),
    clientLoopDelayDuringValidationMs: server ? round(server.clientLoopDelayDuringValidationMs) : null,
    cliVsCsvclean: cliVsCsvclean === null ? null : Math.round(cliVsCsvclean * 1000) / 1000,
    csvcleanMs: cli?.csvcleanMs === undefined ? null : round(cli.csvcleanMs),
    cliStrayQuoteRatio: cli?.strayQuote ? Math.round(cli.strayQuote.vsClean * 1000) / 1000 : null,
    cliStrayQuotePeakRssMb: cli?.strayQuote ? round(cli.strayQuote.peakRssMb) : null,
    cliTwoThreadsSpeedup: cli?.twoThreads ? Math.round(cli.twoThreads.vsOneThread * 1000) / 1000 : null,
    cliTwoThreadsPeakRssMb: cli?.twoThreads ? round(cli.twoThreads.peakRssMb) : null,
    maxPublishedDiagnostics: maxPublished,
    targets,
    seed,
    quick,
    machine,
    sizes,
  };
}

function label(rows: number): string {
  return rows >= 1_000_000 ? `${rows / 1_000_000}M` : rows >= 1000 ? `${rows / 1000}k` : String(rows);
}

function table(head: string[], body: string[][]): string {
  const widths = head.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(head), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

export function formatTable(result: BenchResult): string {
  const { machine, sizes } = result;
  const column = (pick: (size: SizeResult) => string) => sizes.map(pick);
  const rows: [string, (size: SizeResult) => string][] = [
    ['file size', (s) => `${(s.bytes / 1e6).toFixed(1)} MB`],
    ['csv-parse/sync (baseline)', (s) => fixed(s.library?.csvParseMs ?? s.csvParseOnceMs, ' ms', 0)],
    ['full validation (library)', (s) => fixed(s.library?.fullValidationMs, ' ms', 0)],
    [
      'full validation / csv-parse',
      (s) => (s.library ? fixed(s.library.fullValidationMs / s.library.csvParseMs, '×', 2) : 'n/a'),
    ],
    ['diagnostics (library)', (s) => (s.library ? String(s.library.diagnostics) : 'n/a')],
    ['retained heap per row', (s) => fixed(s.heap?.heapBytesPerRow, ' B', 0)],
    ['server: open → diagnostics', (s) => fixed(s.server?.openToDiagnosticsMs, ' ms', 0)],
    ['the didOpen message alone (encode + decode)', (s) => fixed(s.server?.messages.openMessageMs, ' ms', 0)],
    ['one publication alone (editor decodes)', (s) => fixed(s.server?.messages.publishDecodeMs, ' ms')],
    ['server: keystroke p50', (s) => fixed(s.server?.keystrokeP50Ms, ' ms')],
    ['server: keystroke p95', (s) => fixed(s.server?.keystrokeP95Ms, ' ms')],
    ['server: edits timed', (s) => (s.server ? String(s.server.edits) : 'n/a')],
    ['server: slowest of the first 10 edits', (s) => fixed(s.server?.firstEditsMaxMs ?? undefined, ' ms')],
    ['server: quote typed/deleted (max)', (s) => fixed(s.server?.quoteEditMs, ' ms', 0)],
    ['server: hover p95', (s) => fixed(s.server?.hoverP95Ms, ' ms', 2)],
    ['server: completion p95', (s) => fixed(s.server?.completionP95Ms, ' ms', 2)],
    [
      'server: document symbols p95 (rows listed)',
      (s) => (s.server ? `${fixed(s.server.documentSymbolsP95Ms, ' ms')} (${s.server.documentSymbolRows})` : 'n/a'),
    ],
    [
      'one outline answer alone (editor decodes)',
      (s) =>
        s.server
          ? `${fixed(s.server.documentSymbolsDecodeMs, ' ms')} (${(s.server.documentSymbolsBytes / 1024).toFixed(0)} KB)`
          : 'n/a',
    ],
    ['server: semantic tokens, 100-line viewport p95', (s) => fixed(s.server?.semanticTokensP95Ms, ' ms', 2)],
    ['server: full re-validation (new tenant data)', (s) => fixed(s.server?.revalidationMs, ' ms', 0)],
    [
      'server: hovers answered during it (slowest)',
      (s) =>
        s.server ? `${s.server.hoversDuringValidation} (${fixed(s.server.hoverDuringValidationMs, ' ms')})` : 'n/a',
    ],
    ['server: most diagnostics published', (s) => (s.server ? String(s.server.maxPublishedDiagnostics) : 'n/a')],
    ['server: peak RSS', (s) => fixed(s.server?.serverPeakRssMb ?? undefined, ' MB', 0)],
    ['CLI: rows per second', (s) => (s.cli ? Math.round(s.cli.rowsPerSecond).toLocaleString('en-US') : 'n/a')],
    ['CLI: full check', (s) => fixed(s.cli?.ms, ' ms', 0)],
    ['csvclean -n (baseline, same file)', (s) => fixed(s.cli?.csvcleanMs, ' ms', 0)],
    ['CLI / csvclean -n', (s) => fixed(s.cli?.vsCsvclean, '×', 2)],
    ['CLI: one stray quote', (s) => fixed(s.cli?.strayQuote?.ms, ' ms', 0)],
    ['CLI: one thread (SUBSCRIBER_CSV_JOBS=1)', (s) => fixed(s.cli?.oneThread?.ms, ' ms', 0)],
    ['CLI: two threads (SUBSCRIBER_CSV_JOBS=2)', (s) => fixed(s.cli?.twoThreads?.ms, ' ms', 0)],
    [
      'CLI: two threads, speed-up over one / peak RSS',
      (s) =>
        s.cli?.twoThreads
          ? `${s.cli.twoThreads.vsOneThread.toFixed(2)}× / ${s.cli.twoThreads.peakRssMb.toFixed(0)} MB`
          : 'n/a',
    ],
    ['CLI: peak RSS', (s) => fixed(s.cli?.peakRssMb, ' MB', 0)],
    ['CLI: diagnostics printed', (s) => (s.cli ? String(s.cli.outputLines - 1) : 'n/a')],
  ];
  const measures = table(
    ['measure', ...sizes.map((size) => `${label(size.rows)} rows`)],
    rows.map(([name, pick]) => [name, ...column(pick)]),
  );
  const targets = table(
    ['target', 'measured', 'target', 'status'],
    result.targets.map((target) => [
      target.name,
      target.measured,
      target.target,
      target.met === null ? 'not measured' : target.met ? 'met' : 'NOT MET',
    ]),
  );
  const busy = Math.max(machine.loadAtStart, machine.loadAtEnd) > machine.cores;
  const header =
    `Subscriber CSV benchmark — seed ${result.seed}${result.quick ? ', quick' : ''}\n` +
    `${machine.cores} × ${machine.cpu}, ${machine.memoryGb.toFixed(0)} GB RAM, Node ${machine.node}, ${machine.platform}\n` +
    `load average ${machine.loadAtStart.toFixed(1)} at the start, ${machine.loadAtEnd.toFixed(1)} at the end` +
    (busy ? ' — the machine was busy with other work: timings are inflated' : '');
  return `${header}\n\n${measures}\n\n${targets}\n`;
}
