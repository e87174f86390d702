/**
 * `POST <endpoint>/import`: reads the upload, replays or refuses a repeated Idempotency-Key, judges the file with
 * the rules library and imports the accepted rows. The import and its answer are stored in one transaction, so a
 * retry after a lost answer finds the answer and never imports twice.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from './context';
import { sendError, sendJson } from './http';
import { judgeFile, type Verdict } from './judgeFile';
import { readUpload } from './multipart';
import { subscriberOf } from './storeRows';
import type { TokenGrant } from './tokens';

/** UUIDs and similar opaque keys; anything else is refused rather than stored. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

interface Answer {
  status: number;
  body: unknown;
}

/** Handles the request; returns a short note for the request log (never a value from the file). */
export async function handleImport(
  request: IncomingMessage,
  response: ServerResponse,
  context: SandboxContext,
  grant: TokenGrant,
): Promise<string> {
  if (!grant.mayImport) {
    sendError(response, 403, 'forbidden', 'This token may read the tenant but not import for it.');
    return 'read-only token';
  }
  const keyHeader = request.headers['idempotency-key'];
  const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    sendError(response, 400, 'invalid_request', 'Idempotency-Key must be 1 to 128 letters, digits or ._:- (a UUID).');
    return 'bad idempotency key';
  }

  const upload = await readUpload(request, context.maxBytes);
  if (upload.kind === 'tooLarge') {
    const limit = context.maxBytes;
    // Close the connection: the rest of a too-large body is not worth reading.
    sendError(
      response,
      413,
      'too_large',
      `The file is larger than this endpoint accepts (${limit} bytes).`,
      { limitBytes: limit },
      { Connection: 'close' },
    );
    return 'too large';
  }
  if (upload.kind === 'invalid') {
    sendError(response, 400, 'invalid_request', upload.message, { problems: [] });
    return 'bad multipart';
  }
  let text: string;
  try {
    text = utf8.decode(upload.bytes);
  } catch {
    sendError(response, 400, 'invalid_file', 'The file is not UTF-8 text. Save it as "CSV UTF-8" and upload again.', {
      problems: [],
    });
    return 'not utf-8';
  }

  const fileSha256 = createHash('sha256').update(upload.bytes).digest('hex');
  // From here to the answer everything is synchronous, so two requests with one key cannot interleave.
  if (key !== undefined) {
    const stored = context.db.findAnswer(grant.id, key);
    if (stored && stored.fileSha256 !== fileSha256) {
      sendError(
        response,
        409,
        'idempotency_conflict',
        'This Idempotency-Key was already used for a different file. Use a new key for a new import.',
        { rows: [] },
      );
      return 'idempotency conflict';
    }
    if (stored) {
      sendJson(response, stored.status, stored.body, { 'Idempotent-Replayed': 'true' });
      return 'replayed';
    }
  }

  const tenant = context.db.tenant();
  const verdict = judgeFile(text, upload.fileName, {
    tenant: {
      pinNotification: tenant.pinNotification,
      role: grant.role,
      lists: tenant.lists,
      extensionsInUse: tenant.extensionsInUse,
    },
    assumeSubscriberFile: true,
  });
  const answer = context.db.transaction(() => {
    const importId = context.db.recordImport(grant.id, key ?? null, fileSha256, 0);
    const result = carryOut(verdict, context, grant, importId);
    context.db.storeAnswer(importId, result.status, result.body);
    return result;
  });

  if (answer.status === 200 && context.faults.takeDropAfterImport()) {
    request.socket.destroy();
    return 'imported, answer dropped (fault)';
  }
  sendJson(response, answer.status, answer.body);
  return noteOf(answer);
}

function carryOut(verdict: Verdict, context: SandboxContext, grant: TokenGrant, importId: number): Answer {
  if (verdict.kind === 'invalid') {
    const count = verdict.problems.length;
    return {
      status: 400,
      body: {
        error: 'invalid_file',
        message: `The file was refused as a whole: ${count} problem${count === 1 ? '' : 's'} with its header or syntax.`,
        problems: verdict.problems,
      },
    };
  }
  if (verdict.kind === 'conflict') {
    const count = verdict.rows.length;
    return {
      status: 409,
      body: {
        error: 'conflict',
        message: `Nothing was imported: ${count} row${count === 1 ? '' : 's'} use an extension already taken or used twice.`,
        rows: verdict.rows,
      },
    };
  }
  for (const { row: data, verdict: row } of verdict.rows) {
    if (row.status === 'created') context.db.insertSubscriber(subscriberOf(verdict.parsed, data, grant.role), importId);
  }
  const rows = verdict.rows.map(({ verdict: row }) => row);
  const created = rows.filter((row) => row.status === 'created').length;
  return { status: 200, body: { created, updated: 0, failed: rows.length - created, rows } };
}

function noteOf(answer: Answer): string {
  const body = answer.body as { created?: number; failed?: number; error?: string };
  return answer.status === 200 ? `created=${body.created} failed=${body.failed}` : String(body.error);
}
