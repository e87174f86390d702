/**
 * The `subscriber-csv` command: process setup only. Everything else is in `run.ts`.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline/promises';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { EXIT_USAGE } from './errors';
import { enableWorkers } from './parallelCheck';
import { isPartJob, runPartJob } from './partWorker';
import { run } from './run';
import { TOOL_NAME } from './toolInfo';

if (!isMainThread && parentPort && isPartJob(workerData)) {
  // This bundle started as a worker to check part of a large file (parallelCheck.ts).
  void runPartJob(workerData, parentPort);
} else {
  enableWorkers(__filename);
  main();
}

function main(): void {
  // Output piped into `head` closes early; that is not a failure of the check.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  // Ctrl+C during an import cancels the upload cleanly instead of killing it mid-request.
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort());

  run(process.argv.slice(2), {
    // A full pipe makes the check wait for it to drain, so that output of any size is never held in memory.
    stdout: async (text) => {
      if (text !== '' && !process.stdout.write(text)) await once(process.stdout, 'drain');
    },
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    signal: interrupt.signal,
    // A person can answer only on a terminal; the question goes to stderr, so that stdout stays the report.
    interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
    ask: async (question) => {
      const terminal = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await terminal.question(question, { signal: interrupt.signal });
      } catch {
        return '';
      } finally {
        terminal.close();
      }
    },
  }).then(
    (code) => {
      // exitCode rather than exit(): let stdout drain when it is a pipe.
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${TOOL_NAME}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
