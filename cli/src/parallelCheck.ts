/**
 * Checks a large file on several threads, when asked (`SUBSCRIBER_CSV_JOBS`). The rules cost far more than reading
 * (a profile of the CLI on 100k rows: three quarters of the time in the row rules), so a file is cut into parts by
 * lines: every thread reads the whole file once for what spans rows (duplicates, an unclosed quote), then checks
 * its own part's rows. The main thread checks the first part and writes its diagnostics as they come; each worker
 * writes its part's to a file of its own, which is read back, in order, when the parts before it are written.
 * Output stays in file order and memory stays flat whatever the number of diagnostics.
 *
 * Not the default: each thread holds its own index of the unique values and reads the whole file once, so two
 * threads take about 1.7 times the memory of one (1M rows: 246 MB against 147 MB) and 1.5 times the CPU; on a
 * quiet 2-core machine they were slower than one thread at 100k rows (`npm run bench` times them). Workers run the CLI's own bundle (`enableWorkers`, called by main.ts); without it (tests
 * that call `run()` in the process) every file is checked on one thread.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ServiceSettings, StreamPart } from '@subscriber-csv/language-service';
import { FileError } from './errors';

/** Below this size one thread is quicker: each part reads the whole file once, and a worker takes ~50 ms to start. */
const MIN_PARALLEL_BYTES = 4 * 1024 * 1024;
/** More parts than this gain nothing: each part reads the whole file once more. */
const MAX_PARTS = 4;
/**
 * The number of threads to check a file of 4 MB or more on (`auto`: one a core), or any file with a number; unset
 * or `1`: one thread.
 */
export const JOBS_VARIABLE = 'SUBSCRIBER_CSV_JOBS';

/** What a worker is asked to do; `kind` tells the bundle, started as a worker, that it is one. */
export interface PartJob {
  kind: 'subscriber-csv/check-part';
  absolute: string;
  path: string;
  settings: ServiceSettings;
  part: StreamPart;
  /** Where the worker writes its diagnostics: one JSON array (a batch) a line. */
  outFile: string;
}

/** What a worker answers when it ends. */
export type PartResult = { ok: true } | { ok: false; message: string; fileError: boolean };

let workerScript: string | undefined;

/** Lets files be checked on worker threads running `script` (the CLI's bundle). */
export function enableWorkers(script: string): void {
  workerScript = script;
}

/** How many parts `absolute` is checked in: 1 for a small file, or when workers are not enabled. */
export function partsFor(absolute: string, env: NodeJS.ProcessEnv = process.env): number {
  const asked = env[JOBS_VARIABLE]?.trim();
  if (!workerScript || !asked) return 1;
  const count = Number(asked);
  if (Number.isInteger(count) && count >= 1) return Math.min(count, MAX_PARTS);
  if (asked !== 'auto') return 1;
  let bytes: number;
  try {
    bytes = statSync(absolute).size;
  } catch {
    return 1; // The one-thread path says why the file cannot be read.
  }
  return bytes < MIN_PARALLEL_BYTES ? 1 : Math.min(availableParallelism(), MAX_PARTS);
}

/** A worker checking one part: its diagnostics, in batches, once it has written them all. */
class PartWorker {
  private readonly worker: Worker;
  private readonly ended: Promise<PartResult>;

  constructor(
    script: string,
    private readonly job: PartJob,
  ) {
    this.worker = new Worker(script, { workerData: job });
    this.ended = new Promise<PartResult>((resolve) => {
      this.worker.once('message', (result: PartResult) => resolve(result));
      this.worker.once('error', (error) => resolve({ ok: false, message: String(error), fileError: false }));
      this.worker.once('exit', (code) =>
        resolve({ ok: false, message: `the worker stopped (${code})`, fileError: false }),
      );
    });
  }

  async *batches(): AsyncGenerator<Diagnostic[]> {
    const result = await this.ended;
    if (!result.ok) {
      if (result.fileError) throw new FileError(result.message);
      throw new Error(`checking part ${this.job.part.index + 1} of ${this.job.path} failed: ${result.message}`);
    }
    const lines = createInterface({ input: createReadStream(this.job.outFile), crlfDelay: Infinity });
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as Diagnostic[];
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * The diagnostics of a file checked in `count` parts: `checkPart(part)` checks one on this thread. Workers are
 * started first, so that all parts run at once; their files are removed whatever happens.
 */
export async function* checkInParts(
  count: number,
  job: Omit<PartJob, 'kind' | 'part' | 'outFile'>,
  checkPart: (part: StreamPart) => AsyncIterable<Diagnostic[]>,
): AsyncGenerator<Diagnostic[]> {
  if (!workerScript) throw new Error('workers are not enabled');
  const dir = mkdtempSync(join(tmpdir(), 'subscriber-csv-'));
  const workers: PartWorker[] = [];
  try {
    for (let index = 1; index < count; index++) {
      const part = { index, count };
      const outFile = join(dir, `part-${index}.jsonl`);
      workers.push(new PartWorker(workerScript, { ...job, kind: 'subscriber-csv/check-part', part, outFile }));
    }
    yield* checkPart({ index: 0, count });
    for (const worker of workers) yield* worker.batches();
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
