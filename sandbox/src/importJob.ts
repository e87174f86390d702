/**
 * One import, from the uploaded bytes to the answer: replays or refuses a repeated Idempotency-Key, judges the file
 * with the rules library and stores the accepted rows. Everything from reading the key to storing the answer is one
 * write transaction, so a retry after a lost answer finds the answer and never imports twice, a crash leaves the
 * import wholly there or wholly absent, and no other writer can take an extension between the check and the write.
 *
 * A preview (`dryRun`) is the same import, run to its end and then rolled back: its answer cannot differ from the
 * import's, and it leaves nothing behind (no entry, no import record, no Idempotency-Key).
 *
 * Synchronous and free of HTTP: it runs in the import worker (importWorker.ts), off the thread that serves requests.
 */
import { createHash } from 'node:crypto';
import type { ImporterRole } from '@subscriber-csv/language-service';
import type { SandboxDatabase } from './database';
import { judgeFile, type Verdict } from './judgeFile';
import { incomingEntryOf, isSameEntry, storeEntry } from './storeRows';
import type { TokenId } from './tokens';

export interface ImportJob {
  tokenId: TokenId;
  role: ImporterRole;
  idempotencyKey: string | null;
  bytes: Uint8Array;
  fileName: string;
  /** Answer what the import would do, and write nothing (`POST <endpoint>/import/preview`). */
  dryRun?: boolean;
}

export interface JobAnswer {
  status: number;
  /** The answer's JSON text. */
  body: string;
  replayed: boolean;
  /** A short note for the request log (never a value from the file). */
  note: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Carries a preview's answer out of its transaction, which throwing it rolls back. */
class RolledBack extends Error {
  constructor(readonly answer: JobAnswer) {
    super('preview rolled back');
  }
}

export function runImportJob(db: SandboxDatabase, job: ImportJob): JobAnswer {
  const dryRun = job.dryRun === true;
  let text: string;
  try {
    text = utf8.decode(job.bytes);
  } catch {
    const message = 'The file is not UTF-8 text. Save it as "CSV UTF-8" and upload again.';
    return answer(400, { error: 'invalid_file', message, problems: [] }, 'not utf-8', dryRun);
  }
  if (!dryRun) return db.transaction(() => importText(db, job, text));
  try {
    db.transaction(() => {
      throw new RolledBack(importText(db, { ...job, idempotencyKey: null }, text));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.answer;
    throw error;
  }
  throw new Error('unreachable: a preview always rolls back');
}

/** The import itself, in the caller's transaction. */
function importText(db: SandboxDatabase, job: ImportJob, text: string): JobAnswer {
  const dryRun = job.dryRun === true;
  const fileSha256 = createHash('sha256').update(job.bytes).digest('hex');
  const key = job.idempotencyKey;
  const stored = key === null ? undefined : db.findAnswer(key);
  if (stored && stored.fileSha256 !== fileSha256) {
    const message = 'This Idempotency-Key was already used for a different file. Use a new key for a new import.';
    return answer(409, { error: 'idempotency_conflict', message, rows: [] }, 'idempotency conflict', dryRun);
  }
  if (stored) return { status: stored.status, body: stored.body, replayed: true, note: 'replayed' };

  const tenant = db.tenant();
  const verdict = judgeFile(
    text,
    job.fileName,
    {
      tenant: {
        pinNotification: tenant.pinNotification,
        role: job.role,
        lists: tenant.lists,
        extensionsInUse: tenant.extensionsInUse,
      },
      assumeSubscriberFile: true,
    },
    (row) => {
      const holder = row.extension === null ? undefined : db.findByExtension(row.extension);
      return holder !== undefined && isSameEntry(holder, row);
    },
  );
  const importId = db.recordImport(job.tokenId, key, fileSha256);
  const result = carryOut(verdict, db, job.role, importId, new Set(tenant.extensionsInUse), dryRun);
  db.storeAnswer(importId, result.status, result.body);
  return result;
}

function carryOut(
  verdict: Verdict,
  db: SandboxDatabase,
  role: ImporterRole,
  importId: number,
  extensionsInUse: ReadonlySet<string>,
  dryRun: boolean,
): JobAnswer {
  if (verdict.kind === 'invalid') {
    const count = verdict.problems.length;
    const refused = dryRun ? 'The file would be refused as a whole' : 'The file was refused as a whole';
    const message = `${refused}: ${plural(count, 'problem')} with its header or syntax.`;
    return answer(400, { error: 'invalid_file', message, problems: verdict.problems }, 'invalid_file', dryRun);
  }
  if (verdict.kind === 'conflict') {
    const count = verdict.rows.length;
    const nothing = dryRun ? 'Nothing would be imported' : 'Nothing was imported';
    const message = `${nothing}: ${plural(count, 'row')} use an extension already taken or used twice.`;
    return answer(409, { error: 'conflict', message, rows: verdict.rows }, 'conflict', dryRun);
  }
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const rows = verdict.rows.map(({ row: data, verdict: row }) => {
    if (row.status === 'failed') {
      counts.failed++;
      return row;
    }
    const status = storeEntry(db, incomingEntryOf(verdict.parsed, data, role), importId, extensionsInUse);
    counts[status]++;
    return { ...row, status };
  });
  const note = Object.entries(counts)
    .filter(([name, n]) => n > 0 || name === 'created' || name === 'failed')
    .map(([name, n]) => `${name}=${n}`)
    .join(' ');
  return answer(200, { ...counts, rows }, note, dryRun);
}

/** A preview's every answer says so (`dryRun: true`), so that a client can tell it from an import's. */
function answer(status: number, body: object, note: string, dryRun: boolean): JobAnswer {
  const text = JSON.stringify(dryRun ? { dryRun: true, ...body } : body);
  return { status, body: text, replayed: false, note: dryRun ? `preview ${note}` : note };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
