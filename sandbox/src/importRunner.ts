/**
 * The request thread's side of the import worker (importWorker.ts): hands it one job at a time and waits for the
 * answer. The worker is started with the sandbox (`ready()` waits until it has loaded the rules library and opened
 * the database), and again when it stopped: a crash fails the jobs in flight with an error the route answers as
 * 500, and the client's retry, with the same Idempotency-Key, is safe.
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportJob, JobAnswer } from './importJob';

export type WorkerRequest = { kind: 'job'; id: number; job: ImportJob } | { kind: 'close' };

export type WorkerReply =
  | { ready: true }
  | { id: number; ok: true; answer: JobAnswer }
  /** `error` is a name or a SQLite code, never a message (it could quote the file). */
  | { id: number; ok: false; busy: boolean; error: string };

export class ImportFailedError extends Error {
  constructor(
    readonly code: string,
    /** The database was locked by another writer for longer than the busy timeout. */
    readonly busy: boolean,
  ) {
    super(`the import failed (${code})`);
    this.name = 'ImportFailedError';
  }
}

/** How long close() lets the job in progress finish before the worker is stopped where it stands. */
const CLOSE_GRACE_MS = 30_000;

export class ImportRunner {
  private worker: Worker | undefined;
  private started: Promise<void> = Promise.resolve();
  private readonly pending = new Map<number, { resolve(answer: JobAnswer): void; reject(error: Error): void }>();
  private nextId = 1;

  constructor(private readonly dbPath: string) {}

  /** Starts the worker; resolves once it can take a job, rejects when it could not start. */
  ready(): Promise<void> {
    this.worker ??= this.start();
    return this.started;
  }

  run(job: ImportJob): Promise<JobAnswer> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<JobAnswer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ kind: 'job', id, job } satisfies WorkerRequest);
    });
  }

  /** Lets the job in progress (and those queued) finish, then closes the worker's connection. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ kind: 'close' } satisfies WorkerRequest);
    const timer = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  private start(): Worker {
    const worker = startWorker({ dbPath: this.dbPath });
    this.started = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('the import worker stopped as it started')));
    });
    this.started.catch(() => {});
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        // Held the process open while starting; now only jobs in flight do.
        if (this.pending.size === 0) worker.unref();
        return;
      }
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiting) return;
      if (reply.ok) waiting.resolve(reply.answer);
      else waiting.reject(new ImportFailedError(reply.error, reply.busy));
    });
    const stopped = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(new ImportFailedError(why, false));
      this.pending.clear();
    };
    worker.on('error', (error) => stopped(error.name));
    worker.on('exit', () => stopped('worker exited'));
    return worker;
  }
}

/**
 * The worker runs the same sources as this file: compiled JavaScript as it is, TypeScript (the sandbox runs through
 * tsx) through tsx's require hook, which Node does not pass on to worker threads by itself.
 */
function startWorker(workerData: { dbPath: string }): Worker {
  const extension = extname(__filename);
  const entry = join(__dirname, `importWorker${extension}`);
  if (extension !== '.ts') return new Worker(entry, { workerData });
  const tsx = require.resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData });
}
