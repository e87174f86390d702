/**
 * `POST <endpoint>/import` and its preview, `POST <endpoint>/import/preview`: checks the token's rights and the
 * Idempotency-Key, reads the upload (refusing one over the size limit as soon as it passes it), and hands the file
 * to the import worker, which judges and stores it in one transaction (importJob.ts), or for a preview judges and
 * stores it and rolls everything back. This thread only reads and answers, so other requests are served meanwhile.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from './context';
import { sendError, sendJsonText } from './http';
import { ImportFailedError } from './importRunner';
import { readUpload } from './multipart';
import type { TokenGrant } from './tokens';

/** UUIDs and similar opaque keys; anything else is refused rather than stored. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/** Handles the request; returns a short note for the request log (never a value from the file). */
export async function handleImport(
  request: IncomingMessage,
  response: ServerResponse,
  context: SandboxContext,
  grant: TokenGrant,
  { dryRun }: { dryRun: boolean },
): Promise<string> {
  if (!grant.mayImport) {
    // A preview answers what this token's import would do: it would be refused.
    sendError(response, 403, 'forbidden', 'This token may read the tenant but not import for it.');
    return 'read-only token';
  }
  const keyHeader = request.headers['idempotency-key'];
  // A preview records nothing, so it has no use for a key: one sent is ignored, whatever it holds.
  const key = dryRun ? undefined : Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    sendError(response, 400, 'invalid_request', 'Idempotency-Key must be 1 to 128 letters, digits or ._:- (a UUID).');
    return 'bad idempotency key';
  }

  const upload = await readUpload(request, context.maxBytes);
  if (upload.kind === 'tooLarge') {
    const limit = context.maxBytes;
    // The rest of the body is still read (and dropped; readUpload bounds it), so that the client, still sending,
    // gets to read this answer instead of a broken pipe.
    sendError(response, 413, 'too_large', `The file is larger than this endpoint accepts (${limit} bytes).`, {
      limitBytes: limit,
    });
    return 'too large';
  }
  if (upload.kind === 'invalid') {
    sendError(response, 400, 'invalid_request', upload.message, { problems: [] });
    return 'bad multipart';
  }

  let answer;
  try {
    answer = await context.imports.run({
      tokenId: grant.id,
      role: grant.role,
      idempotencyKey: key ?? null,
      bytes: upload.bytes,
      fileName: upload.fileName,
      dryRun,
    });
  } catch (error) {
    if (error instanceof ImportFailedError && error.busy) {
      const message = dryRun
        ? 'The database is locked by another writer; retry the preview.'
        : 'The database is locked by another writer; nothing was imported. Retry with the same key.';
      sendError(response, 503, 'busy', message, {}, { 'Retry-After': '1' });
      return 'database busy';
    }
    throw error;
  }

  if (!dryRun && answer.status === 200 && !answer.replayed && context.faults.takeDropAfterImport()) {
    request.socket.destroy();
    return 'imported, answer dropped (fault)';
  }
  sendJsonText(response, answer.status, answer.body, answer.replayed ? { 'Idempotent-Replayed': 'true' } : {});
  return answer.note;
}
