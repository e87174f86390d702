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
 * never close. A part whose last record runs past its end says so after its first reading, and the file is then
 * checked on one thread: the output is always the one-thread output. Only UTF-8 and Windows-1252 files are cut
 * (an LF byte is always a line break there); other encodings are checked on one thread.
 *
 * Workers run the CLI's own bundle (`enableWorkers`, called by main.ts); without it (tests that call `run()` in the
 * process) every file is checked on one thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService, PartSummary, ServiceSettings } from '@subscriber-csv/language-service';
import { cutsOf, isAsciiCompatible, sourceOf, type ByteRange, type CheckedFile } from './fileText';
import { PartWorker } from './partWorker';

/**
 * Below this size one thread is quicker: a worker takes about 50 ms to start, and the parts' meeting costs a
 * look-up of every value.
 */
export const MIN_PARALLEL_BYTES = 8 * 1024 * 1024;
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
 * The diagnostics of `file` checked in up to `count` parts, or by `oneThread` when it cannot be cut
 * (too few lines, no header in the first part, a record across a cut). Workers are started first, so that all
 * parts run at once; their files are removed whatever happens.
 */
export async function* checkInParts(
  service: LanguageService,
  file: CheckedFile,
  settings: ServiceSettings,
  count: number,
  oneThread: () => AsyncIterable<Diagnostic[]>,
): AsyncGenerator<Diagnostic[]> {
  if (!workerScript) throw new Error('workers are not enabled');
  const cuts = cutsOf(file, count);
  const ranges: ByteRange[] = [0, ...cuts].map((start, part) => ({ start, end: cuts[part] ?? Infinity }));
  const header = ranges.length > 1 ? await service.findStreamHeader(sourceOf(file, ranges[0])) : undefined;
  if (!header) {
    yield* oneThread();
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'subscriber-csv-'));
  const workers: PartWorker[] = [];
  try {
    for (let part = 1; part < ranges.length; part++) {
      workers.push(
        new PartWorker(workerScript, {
          kind: 'subscriber-csv/check-part',
          file,
          settings,
          range: ranges[part],
          place: { first: false, last: part === ranges.length - 1, header },
          outFile: join(dir, `part-${part}.jsonl`),
        }),
      );
    }
    const first = service.createStreamCheck(
      sourceOf(file, ranges[0]),
      settings,
      { first: true, last: false, header },
      true,
    );
    const summaries: PartSummary[] = await Promise.all([first.index(), ...workers.map((worker) => worker.indexed())]);
    if (summaries.slice(0, -1).some((summary) => summary.runsOver)) {
      await Promise.all(workers.map((worker) => worker.stop()));
      yield* oneThread();
      return;
    }
    workers.forEach((worker, at) => worker.check(summaries, at + 1));
    yield* first.diagnostics(summaries, 0);
    for (const worker of workers) yield* worker.batches();
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
