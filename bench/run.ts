/**
 * `npm run bench`: generates seeded subscriber files and measures, in one run on the same text, the raw
 * csv-parse parse, the library's full validation and retained heap, the bundled server over LSP, and the CLI.
 *
 *   node --expose-gc --import tsx bench/run.ts [--quick] [--json] [--seed N] [--edits N] [--lookups N]
 *                                              [--sizes 10000,350000]
 *
 * `--quick` runs 10k and 100k rows only (CI); the full run adds the 1M-row file (csv-parse and the CLI: a
 * 226 MB file is far beyond what an editor syncs to a server). Progress goes to stderr; the table, or with
 * `--json` one JSON object, to stdout. Needs the bundles: `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureCli, type CliMeasures } from './cliBench';
import { findCsvclean, measureCsvclean } from './csvcleanBench';
import { generateFile, generateStrayQuoteFile, type GeneratedFile } from './generate';
import { measureParseAndValidate, measureRetainedHeap, csvParseOnce } from './library';
import { formatTable, summarise, type Machine, type SizeResult } from './report';
import { measureServer } from './serverBench';
import { median, timed } from './stats';

interface SizePlan {
  rows: number;
  /** Timed repeats of csv-parse and of the full validation (medians are reported); 0: csv-parse once only. */
  repeats: number;
  heap: boolean;
  /** One-cell edits to time through the server; undefined: no server at this size. */
  edits?: number;
}

const root = resolve(__dirname, '..');

/**
 * What is measured at a size: everything up to what an editor can hold (VS Code syncs files up to 50 MB, about
 * 350,000 rows here); beyond that, the baseline parse and the CLI.
 */
function planFor(rows: number, edits: number): SizePlan {
  if (rows > 500_000) return { rows, repeats: 0, heap: false };
  return { rows, repeats: rows <= 10_000 ? 5 : 3, heap: true, edits: rows <= 10_000 ? Math.min(edits, 30) : edits };
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function machine(loadAtStart: number): Machine {
  const cpu = cpus();
  return {
    loadAtStart,
    loadAtEnd: loadavg()[0],
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      edits: { type: 'string', default: '100' },
      lookups: { type: 'string', default: '200' },
      server: { type: 'string', default: resolve(root, 'dist/server.js') },
      cli: { type: 'string', default: resolve(root, 'dist/cli.js') },
      sizes: { type: 'string' },
    },
  });
  const loadAtStart = loadavg()[0];
  const seed = Number(values.seed);
  const edits = Number(values.edits);
  const lookups = Number(values.lookups);
  const plans: SizePlan[] = values.sizes
    ? values.sizes.split(',').map((rows) => planFor(Number(rows), edits))
    : [planFor(10_000, edits), planFor(100_000, edits)];
  if (!values.quick && !values.sizes) plans.push(planFor(1_000_000, edits));
  if ((globalThis as { gc?: unknown }).gc === undefined) {
    log('note: run with node --expose-gc to measure the retained heap');
  }
  const hasServer = existsSync(values.server);
  const hasCli = existsSync(values.cli);
  if (!hasServer) log(`note: no server bundle at ${values.server} (npm run build): server measures skipped`);
  if (!hasCli) log(`note: no CLI bundle at ${values.cli} (npm run build): CLI measures skipped`);
  const csvclean = findCsvclean();
  if (hasCli && !csvclean) {
    log('');
    log('*** csvkit is NOT installed: the CLI cannot be compared with `csvclean -n`, its baseline. ***');
    log('*** Install it with `bash scripts/system-packages.sh` (Debian package csvkit); CI does.      ***');
    log('');
  }

  const sizes: SizeResult[] = [];
  for (const plan of plans) {
    const file = await generateFile(plan.rows, seed);
    log(`${plan.rows} rows: ${file.path} (${(file.bytes / 1e6).toFixed(1)} MB)`);
    const readText = () => readFileSync(file.path, 'utf8');
    const size: SizeResult = { rows: plan.rows, bytes: file.bytes };
    if (plan.heap) {
      size.heap = measureRetainedHeap(readText, plan.rows);
      if (size.heap) log(`  retained heap ${size.heap.heapBytesPerRow.toFixed(0)} B/row`);
    }
    let text = readText();
    if (plan.repeats > 0) {
      size.library = measureParseAndValidate(text, plan.repeats);
      log(
        `  csv-parse ${size.library.csvParseMs.toFixed(0)} ms, full validation ${size.library.fullValidationMs.toFixed(0)} ms` +
          ` (${size.library.diagnostics} diagnostics)`,
      );
    } else {
      const once = timed(() => csvParseOnce(text));
      log(`  csv-parse ${once.ms.toFixed(0)} ms (${once.result} records)`);
      size.csvParseOnceMs = once.ms;
      sizes.push(size);
      text = '';
      if (hasCli) size.cli = await runCli(values.cli, file, csvclean);
      continue;
    }
    if (hasServer && plan.edits !== undefined) {
      log('  server over LSP:');
      size.server = await measureServer({
        serverPath: values.server,
        text,
        rows: plan.rows,
        seed,
        edits: plan.edits,
        lookups,
        log,
      });
    }
    text = '';
    if (hasCli) size.cli = await runCli(values.cli, file, csvclean);
    sizes.push(size);
  }

  const result = summarise(sizes, machine(loadAtStart), seed, values.quick);
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatTable(result));
}

/**
 * The CLI on the file, in pairs with `csvclean -n` (CLI, then csvclean, alternating, so that both see the same
 * machine; the ratio is the median of the pairs' ratios), then once on the same file with a stray quote.
 */
async function runCli(cliPath: string, file: GeneratedFile, csvclean: string | undefined) {
  try {
    const pairs = file.rows <= 100_000 ? 3 : 2;
    const runs: CliMeasures[] = [];
    const baseline: number[] = [];
    const ratios: number[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      const run = await measureCli(cliPath, file.path, file.rows);
      runs.push(run);
      if (csvclean) {
        const ms = await measureCsvclean(csvclean, file.path);
        baseline.push(ms);
        ratios.push(run.ms / ms);
      }
    }
    runs.sort((a, b) => a.ms - b.ms);
    const cli: CliMeasures = { ...runs[Math.floor((runs.length - 1) / 2)], pairs };
    if (csvclean) {
      cli.csvcleanMs = median(baseline);
      cli.vsCsvclean = median(ratios);
    }
    // The CLI chooses one thread or one a core by the file's size; both are timed here for the record.
    const one = await measureCli(cliPath, file.path, file.rows, { ...process.env, SUBSCRIBER_CSV_JOBS: '1' });
    const threads = await measureCli(cliPath, file.path, file.rows, { ...process.env, SUBSCRIBER_CSV_JOBS: '2' });
    cli.oneThread = { ms: one.ms, peakRssMb: one.peakRssMb };
    cli.twoThreads = { ms: threads.ms, peakRssMb: threads.peakRssMb, vsOneThread: one.ms / threads.ms };
    const stray = await generateStrayQuoteFile(file);
    const strayRun = await measureCli(cliPath, stray.path, stray.rows);
    cli.strayQuote = { ms: strayRun.ms, peakRssMb: strayRun.peakRssMb, vsClean: strayRun.ms / cli.ms };
    log(
      `  CLI ${Math.round(cli.rowsPerSecond)} rows/s (${cli.ms.toFixed(0)} ms), peak RSS ${cli.peakRssMb.toFixed(0)} MB` +
        (cli.vsCsvclean === undefined
          ? ', csvclean not measured'
          : `; csvclean -n ${cli.csvcleanMs!.toFixed(0)} ms: ${cli.vsCsvclean.toFixed(2)}× (median of ${pairs} pairs)`),
    );
    log(
      `  CLI on one thread ${one.ms.toFixed(0)} ms, peak RSS ${one.peakRssMb.toFixed(0)} MB; on two ` +
        `${threads.ms.toFixed(0)} ms (${cli.twoThreads.vsOneThread.toFixed(2)}× as fast), peak RSS ` +
        `${threads.peakRssMb.toFixed(0)} MB`,
    );
    log(
      `  CLI with a stray quote ${strayRun.ms.toFixed(0)} ms (${cli.strayQuote.vsClean.toFixed(2)}× the clean file), ` +
        `peak RSS ${strayRun.peakRssMb.toFixed(0)} MB`,
    );
    return cli;
  } catch (error) {
    log(`  CLI failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
