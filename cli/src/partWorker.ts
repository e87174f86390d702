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
  type PartSummary,
  type ServiceSettings,
  type StreamPlace,
} from '@subscriber-csv/language-service';
import { FileError } from './errors';
import { sourceOf, type ByteRange, type CheckedFile } from './fileText';
import { readSpill, SpillWriter } from './spill';

/** What a worker is asked to do; `kind` tells the bundle, started as a worker, that it is one. */
export interface PartJob {
  kind: 'subscriber-csv/check-part';
  file: CheckedFile;
  settings: ServiceSettings;
  range: ByteRange;
  place: StreamPlace;
  /** Where the worker writes its diagnostics: one JSON array (a batch) a line. */
  outFile: string;
}

type Failure = { ok: false; message: string; fileError: boolean };
/** What a worker says: its first reading's summary, then that it has written everything (or why not). */
type WorkerMessage = { kind: 'indexed'; summary: PartSummary } | ({ kind: 'done' } & ({ ok: true } | Failure));
/** What a worker is told after its first reading: check, knowing every part's summary (or it is stopped). */
interface Order {
  kind: 'check';
  summaries: readonly PartSummary[];
  own: number;
}

/**
 * The worker's young generation, in megabytes. A check makes short-lived garbage (values, findings) at a steady
 * rate; V8's default lets a worker's young generation grow to several times this for no gain in speed here, and
 * a million-row file checked on two threads then peaked at 170 MB instead of 145.
 */
const WORKER_YOUNG_MB = 8;

export function isPartJob(data: unknown): data is PartJob {
  return typeof data === 'object' && data !== null && (data as PartJob).kind === 'subscriber-csv/check-part';
}

/** In the worker: the job, start to end. */
export async function runPartJob(job: PartJob, port: MessagePort): Promise<void> {
  const say = (message: WorkerMessage) => port.postMessage(message);
  let out: SpillWriter | undefined;
  try {
    const check = getLanguageService().createStreamCheck(sourceOf(job.file, job.range), job.settings, job.place, true);
    say({ kind: 'indexed', summary: await check.index() });
    const [order] = (await once(port, 'message')) as [Order];
    out = new SpillWriter(job.outFile);
    for await (const batch of check.diagnostics(order.summaries, order.own)) out.write(batch);
    out.close();
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
  private readonly summary: Promise<PartSummary | Failure>;
  private readonly ended: Promise<{ ok: true } | Failure>;

  constructor(
    script: string,
    private readonly job: PartJob,
  ) {
    this.worker = new Worker(script, {
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    let indexed: (result: PartSummary | Failure) => void = () => undefined;
    let ended: (result: { ok: true } | Failure) => void = () => undefined;
    this.summary = new Promise((resolve) => (indexed = resolve));
    this.ended = new Promise((resolve) => (ended = resolve));
    const fail = (message: string) => {
      const failure: Failure = { ok: false, message, fileError: false };
      indexed(failure);
      ended(failure);
    };
    this.worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'indexed') return indexed(message.summary);
      if (!message.ok) indexed(message);
      ended(message);
    });
    this.worker.once('error', (error) => fail(String(error)));
    this.worker.once('exit', (code) => fail(`the worker stopped (${code})`));
  }

  /** The part's first reading. */
  async indexed(): Promise<PartSummary> {
    const summary = await this.summary;
    if ('ok' in summary) throw this.failure(summary);
    return summary;
  }

  /** Lets the worker read its part again, for its diagnostics. */
  check(summaries: readonly PartSummary[], own: number): void {
    this.worker.postMessage({ kind: 'check', summaries, own } satisfies Order);
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

  private failure(result: Failure): Error {
    if (result.fileError) return new FileError(result.message);
    return new Error(`checking bytes ${this.job.range.start}- of ${this.job.file.path} failed: ${result.message}`);
  }
}
