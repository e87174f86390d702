/**
 * The import worker: a thread of its own, with its own connection to the database, that carries out imports one
 * at a time (importJob.ts). Judging a file of 100,000 rows takes seconds of CPU; here it does not hold up the
 * thread that answers other requests. Started and spoken to by importRunner.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isBusy, SandboxDatabase } from './database';
import { runImportJob } from './importJob';
import type { WorkerReply, WorkerRequest } from './importRunner';

const port = parentPort;
if (!port) throw new Error('importWorker.ts runs as a worker thread (see importRunner.ts)');

const db = new SandboxDatabase((workerData as { dbPath: string }).dbPath);

// The rules library and the connection are loaded: the runner may count on a prompt first import.
port.postMessage({ ready: true } satisfies WorkerReply);

port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  let reply: WorkerReply;
  try {
    reply = { id: request.id, ok: true, answer: runImportJob(db, request.job) };
  } catch (error) {
    // The transaction was rolled back; the runner answers 503 (busy) or 500, and a retry is safe either way.
    // Its name or SQLite code only: a message may quote a value from the file.
    const code = (error as { code?: unknown }).code;
    const name = typeof code === 'string' ? code : error instanceof Error ? error.name : 'Error';
    reply = { id: request.id, ok: false, busy: isBusy(error), error: name };
  }
  port.postMessage(reply);
});
