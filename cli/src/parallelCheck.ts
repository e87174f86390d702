/**
 * Checks a large file on several threads, one part each. The file is cut by bytes, after an LF, into parts of about
 * equal size (`cutsOf`), and each part is read twice by its own thread, as a whole file is: once for its unique
 * values (and its lines), once for the rules. Between the two readings the parts meet: each looks its values up in
 * the others' indexes, shared in memory (`createStreamCheck`), so that a duplicate across parts is found and named
 * as on one thread. The main thread checks the first part and writes its diagnostics as they come; each worker
 * writes its part's to a file of its own, read back, in order, once the parts before it are written. Output stays
 * in file order and memory stays flat whatever the number of diagnostics.
 *
 * A cut is only a guess at where a record starts: a quoted cell may hold the line break before it, or a quote may
 * never close. Each part's first reading reads on to the end of the record that crosses its end, and the next part
 * reads again from there when it did not start there (`settle`): the output is always the one-thread output. Only
 * UTF-8 and Windows-1252 files are cut (an LF byte is always a line break there, and the first reading reads their
 * bytes); other encodings are checked on one thread.
 *
 * Workers run the CLI's own bundle (`enableWorkers`, called by main.ts); without it (tests that call `run()` in the
 * process) every file is checked on one thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService, PartSummary, ServiceSettings } from '@subscriber-csv/language-service';
import { cutsOf, isAsciiCompatible, partSource, sourceOf, type CheckedFile } from './fileText';
import { PartWorker } from './partWorker';

/**
 * Below this size one thread is as quick or quicker, measured on a quiet 2-core machine: a worker takes about 150 ms
 * to start and load the rules, and each thread warms up its own compiled code, which on a small file is most of
 * its time (docs/performance.md). 200,000 rows (28 MB) took the same time on one thread as on two; 300,000 (43 MB),
 * 15% less on two.
 */
export const MIN_PARALLEL_BYTES = 32 * 1024 * 1024;
/** More parts than this gain nothing on the machines measured. */
const MAX_PARTS = 4;
/**
 * The number of threads to check a file on: `1` for one, a number for that many (at most 4), `auto` (or unset) for
 * one a core when the file is large enough to gain from it.
 */
export const JOBS_VARIABLE = 'SUBSCRIBER_CSV_JOBS';

let workerScript: string | undefined;

/** Lets files be checked on worker threads running `script` (the CLI's bundle). */
export function enableWorkers(script: string): void {
  workerScript = script;
}

/** How many parts a file is checked in: 1 for a small file, or when workers are not enabled. */
export function partsFor(file: Pick<CheckedFile, 'encoding' | 'size'>, env = process.env): number {
  const asked = env[JOBS_VARIABLE]?.trim() || 'auto';
  if (!workerScript || !isAsciiCompatible(file.encoding)) return 1;
  const count = Number(asked);
  if (Number.isInteger(count) && count >= 1) return Math.min(count, MAX_PARTS);
  if (asked !== 'auto') return 1;
  return file.size < MIN_PARALLEL_BYTES ? 1 : Math.min(availableParallelism(), MAX_PARTS);
}

/**
 * The diagnostics of `file` checked in up to `count` parts, or by `oneThread` when it cannot be cut (too few lines,
 * no header in the first part, a file that is not read as bytes). Workers are started first, so that all parts run
 * at once; their files are removed whatever happens.
 *
 * Each part's first reading reads on past its end to finish the record that crosses it, and says where that record
 * ends. When that is not where the next part started (the cut fell inside a quoted cell), the next part reads again
 * from there; when it is the end of the file (a quote that never closes), the parts after it are dropped.
 */
export async function* checkInParts(
  service: LanguageService,
  file: CheckedFile,
  settings: ServiceSettings,
  count: number,
  oneThread: () => AsyncIterable<Diagnostic[]>,
  /** Told how the parts settled: how many are checked, and how many read again from another start. */
  settled?: (parts: number, readAgain: number) => void,
): AsyncGenerator<Diagnostic[]> {
  if (!workerScript) throw new Error('workers are not enabled');
  const cuts = cutsOf(file, count);
  const header =
    cuts.length > 0 ? await service.findStreamHeader(sourceOf(file, { start: 0, end: Infinity })) : undefined;
  const first = partSource(file, 0, cuts[0]);
  if (!header || first.bytesStart === undefined) {
    yield* oneThread();
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'subscriber-csv-'));
  const workers: PartWorker[] = [];
  try {
    for (let part = 1; part <= cuts.length; part++) {
      const job = { kind: 'subscriber-csv/check-part', file, settings, header } as const;
      const outFile = join(dir, `part-${part}.jsonl`);
      workers.push(new PartWorker(workerScript, { ...job, start: cuts[part - 1], meantEnd: cuts[part], outFile }));
    }
    const check = service.createStreamCheck(first.source, settings, { first: true, header }, true);
    const indexed = await Promise.all([check.index(), ...workers.map((worker) => worker.indexed())]);
    const summaries = await settle(indexed, workers, first.bytesStart, file.size);
    settled?.(summaries.length, workers.filter((worker, at) => worker.start !== cuts[at]).length);
    // The header must lie in the first part (blank lines may come before it): otherwise one thread reads it.
    if (header.line >= summaries[0].lines && summaries.length > 1) {
      yield* oneThread();
      return;
    }
    first.range.end = first.bytesStart + (summaries[0].bytesRead as number);
    const checked = workers.slice(0, summaries.length - 1);
    checked.forEach((worker, at) => worker.check(summaries, at + 1));
    const batches = check.diagnostics(summaries, 0);
    // The parts' lists, once met, are let go (the worker's live in memory this thread shares).
    summaries.length = 0;
    indexed.length = 0;
    yield* batches;
    for (const worker of checked) yield* worker.batches();
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The parts' summaries once each part starts where the one before it ends: a part that did not reads again from
 * there, and the parts after one that ends at the end of the file are dropped.
 */
async function settle(
  indexed: PartSummary[],
  workers: readonly PartWorker[],
  firstBytes: number,
  size: number,
): Promise<PartSummary[]> {
  const summaries = [indexed[0]];
  let end = firstBytes + (indexed[0].bytesRead as number);
  for (const [at, worker] of workers.entries()) {
    if (end >= size) break;
    const summary = worker.start === end ? indexed[at + 1] : await worker.indexFrom(end);
    summaries.push(summary);
    end = worker.start + (summary.bytesRead as number);
  }
  return summaries;
}
