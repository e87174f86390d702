/**
 * One part of a file checked on a worker thread (`parallelCheck.ts`), both sides of it: `PartWorker` on the main
 * thread, `runPartJob` in the worker (the CLI's bundle, started as a worker). The worker reads its part once and
 * sends what it found (`PartSummary`, its indexes in shared memory); told every part's, it reads its part again and
 * writes its diagnostics to the job's file, a batch a line. It prints nothing: the main thread writes all output.
 */
import { once } from 'node:events';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  getLanguageService,
  type HeaderRecord,
  type PartSummary,
  type ServiceSettings,
  type StreamCheck,
} from '@subscriber-csv/language-service';
import { FileError } from './errors';
import { partSource, type CheckedFile } from './fileText';
import { readSpill, SpillWriter } from './spill';

/** What a worker is asked to do; `kind` tells the bundle, started as a worker, that it is one. */
export interface PartJob {
  kind: 'subscriber-csv/check-part';
  file: CheckedFile;
  settings: ServiceSettings;
  /** The header record, read from the start of the file. */
  header: HeaderRecord;
  /** Where the part starts, and where it is meant to end (undefined: the end of the file). */
  start: number;
  meantEnd: number | undefined;
  /** Where the worker writes its diagnostics: one JSON array (a batch) a line. */
  outFile: string;
}

type Failure = { ok: false; message: string; fileError: boolean };
/** What a worker says: its first reading's summary, then that it has written everything (or why not). */
type WorkerMessage = { kind: 'indexed'; summary: PartSummary } | ({ kind: 'done' } & ({ ok: true } | Failure));
/**
 * What a worker is told after its first reading: read again from another start (the record before it ended
 * there), or check, knowing every part's summary (or it is stopped).
 */
type Order = { kind: 'index'; start: number } | { kind: 'check'; summaries: PartSummary[]; own: number };

/**
 * The worker's young generation, in megabytes. A check makes short-lived garbage (values, findings) at a steady
 * rate; V8's default lets a worker's young generation grow to several times this for no gain in speed here, and
 * a million-row file checked on two threads then peaked at 170 MB instead of 145.
 */
const WORKER_YOUNG_MB = 8;

export function isPartJob(data: unknown): data is PartJob {
  return typeof data === 'object' && data !== null && (data as PartJob).kind === 'subscriber-csv/check-part';
}

/** In the worker: the first reading, sent to the main thread (and not kept: it holds the part's lists). */
async function index(check: StreamCheck, port: MessagePort): Promise<{ bytesRead: number | undefined }> {
  const summary = await check.index();
  port.postMessage({ kind: 'indexed', summary } satisfies WorkerMessage);
  return { bytesRead: summary.bytesRead };
}

/** In the worker: the job, start to end. */
export async function runPartJob(job: PartJob, port: MessagePort): Promise<void> {
  const say = (message: WorkerMessage) => port.postMessage(message);
  let out: SpillWriter | undefined;
  try {
    const service = getLanguageService();
    for (let start = job.start; ;) {
      const part = partSource(job.file, start, job.meantEnd ?? Infinity);
      const check = service.createStreamCheck(part.source, job.settings, { first: false, header: job.header }, true);
      const { bytesRead } = await index(check, port);
      const [order] = (await once(port, 'message')) as [Order];
      if (order.kind === 'index') {
        start = order.start;
        continue;
      }
      part.range.end = start + (bytesRead as number);
      out = new SpillWriter(job.outFile);
      const batches = check.diagnostics(order.summaries, order.own);
      // The parts' lists, once met, are let go.
      order.summaries = [];
      for await (const batch of batches) out.write(batch);
      break;
    }
    out?.close();
    out = undefined;
    say({ kind: 'done', ok: true });
  } catch (error) {
    out?.close();
    const message = error instanceof Error ? error.message : String(error);
    say({ kind: 'done', ok: false, message, fileError: error instanceof FileError });
  }
}

/** On the main thread: a worker checking one part. */
export class PartWorker {
  private readonly worker: Worker;
  /** Waiting for the worker's next first reading. */
  private summary: Promise<PartSummary | Failure>;
  private summaryArrived: (result: PartSummary | Failure) => void = () => undefined;
  private readonly ended: Promise<{ ok: true } | Failure>;
  /** Where the part starts: where it was cut, or where the record before it ended. */
  start: number;

  constructor(
    script: string,
    private readonly job: PartJob,
  ) {
    this.start = job.start;
    this.worker = new Worker(script, {
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    this.summary = this.nextSummary();
    let ended: (result: { ok: true } | Failure) => void = () => undefined;
    this.ended = new Promise((resolve) => (ended = resolve));
    const fail = (message: string) => {
      const failure: Failure = { ok: false, message, fileError: false };
      this.summaryArrived(failure);
      ended(failure);
    };
    this.worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'indexed') return this.summaryArrived(message.summary);
      if (!message.ok) this.summaryArrived(message);
      ended(message);
    });
    this.worker.once('error', (error) => fail(String(error)));
    this.worker.once('exit', (code) => fail(`the worker stopped (${code})`));
  }

  /** The part's first reading (handed over once: what it holds is let go when the parts have met). */
  async indexed(): Promise<PartSummary> {
    const summary = await this.summary;
    this.summary = Promise.resolve({ ok: false, message: 'the first reading was taken', fileError: false });
    if ('ok' in summary) throw this.failure(summary);
    return summary;
  }

  /** Has the part read again from `start`, where the record before it ended; its first reading. */
  indexFrom(start: number): Promise<PartSummary> {
    this.start = start;
    this.summary = this.nextSummary();
    this.worker.postMessage({ kind: 'index', start } satisfies Order);
    return this.indexed();
  }

  /** Lets the worker read its part again, for its diagnostics. */
  check(summaries: readonly PartSummary[], own: number): void {
    this.worker.postMessage({ kind: 'check', summaries: [...summaries], own } satisfies Order);
  }

  /** The part's diagnostics, in batches, once the worker has written them all. */
  async *batches(): AsyncGenerator<Diagnostic[]> {
    const result = await this.ended;
    if (!result.ok) throw this.failure(result);
    yield* readSpill(this.job.outFile);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private nextSummary(): Promise<PartSummary | Failure> {
    return new Promise((resolve) => (this.summaryArrived = resolve));
  }

  private failure(result: Failure): Error {
    if (result.fileError) return new FileError(result.message);
    return new Error(`checking bytes ${this.start}- of ${this.job.file.path} failed: ${result.message}`);
  }
}
