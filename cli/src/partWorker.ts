/**
 * The CLI's bundle started as a worker thread (`parallelCheck.ts`): checks one part of a file and writes its
 * diagnostics to the job's file, a batch a line. Prints nothing: the main thread writes all output.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { getLanguageService } from '@subscriber-csv/language-service';
import { readPieces } from './checkStream';
import { FileError } from './errors';
import type { PartJob, PartResult } from './parallelCheck';

export function isPartJob(data: unknown): data is PartJob {
  return typeof data === 'object' && data !== null && (data as PartJob).kind === 'subscriber-csv/check-part';
}

export async function runPartJob(job: PartJob): Promise<PartResult> {
  const service = getLanguageService();
  let out: number | undefined;
  try {
    out = openSync(job.outFile, 'w');
    const text = () => readPieces(job.absolute, job.path, job.settings.encoding ?? 'utf-8');
    for await (const batch of service.validateStream(text, job.settings, job.part)) {
      writeSync(out, `${JSON.stringify(batch)}\n`);
    }
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message, fileError: error instanceof FileError };
  } finally {
    if (out !== undefined) closeSync(out);
  }
}
