/**
 * The CLI on a generated file: wall time (rows per second) and peak resident memory. GNU time reports the
 * peak exactly when it is installed; otherwise the child's VmHWM is polled from /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './generate';
import { procMemory } from './lspSession';
import { now } from './stats';

const GNU_TIME = '/usr/bin/time';

export interface CliMeasures {
  rows: number;
  ms: number;
  rowsPerSecond: number;
  peakRssMb: number;
  exitCode: number | null;
  /** Lines the CLI printed: one per diagnostic in the text format, plus a summary. */
  outputLines: number;
  peakFrom: 'gnu-time' | 'proc-poll';
  /** `csvclean -n` on the same file (median of the pairs), when csvkit is installed. */
  csvcleanMs?: number;
  /** CLI time / `csvclean -n` time, the median of the pairs run one after the other. */
  vsCsvclean?: number;
  /** Pairs of runs the figures above are the medians of. */
  pairs?: number;
  /** The same file on one thread (`SUBSCRIBER_CSV_JOBS=1`), which the CLI chooses itself for a small file. */
  oneThread?: { ms: number; peakRssMb: number };
  /**
   * The same file on two threads (`SUBSCRIBER_CSV_JOBS=2`), which the CLI chooses itself for a file of 32 MB or more
   * on 2 cores: time, peak memory, and one thread's time over this.
   */
  twoThreads?: { ms: number; peakRssMb: number; vsOneThread: number };
  /** The same file with one quote that never closes: time, peak memory, and time against the clean file. */
  strayQuote?: { ms: number; peakRssMb: number; vsClean: number };
}

export async function measureCli(
  cliPath: string,
  file: string,
  rows: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliMeasures> {
  const useTime = existsSync(GNU_TIME);
  const timeReport = join(cacheDir(), `time-${process.pid}.txt`);
  const command = useTime ? GNU_TIME : process.execPath;
  const args = useTime ? ['-v', '-o', timeReport, process.execPath, cliPath, 'check', file] : [cliPath, 'check', file];
  const start = now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let outputLines = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) outputLines++;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 4000) stderr += chunk.toString();
  });
  let polledPeakMb = 0;
  const poll = useTime
    ? undefined
    : setInterval(() => {
        const memory = child.pid === undefined ? undefined : procMemory(child.pid);
        if (memory) polledPeakMb = Math.max(polledPeakMb, memory.peakRssMb);
      }, 10);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const ms = now() - start;
  if (poll) clearInterval(poll);
  if (exitCode !== 0 && exitCode !== 1) {
    throw new Error(`the CLI exited with ${exitCode}: ${stderr.trim().split('\n').slice(0, 5).join(' / ')}`);
  }
  let peakRssMb = polledPeakMb;
  if (useTime) {
    const report = readFileSync(timeReport, 'utf8');
    rmSync(timeReport, { force: true });
    peakRssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? NaN) / 1024;
  }
  return {
    rows,
    ms,
    rowsPerSecond: rows / (ms / 1000),
    peakRssMb,
    exitCode,
    outputLines,
    peakFrom: useTime ? 'gnu-time' : 'proc-poll',
  };
}
