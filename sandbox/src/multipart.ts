/**
 * Reads the uploaded CSV from a `multipart/form-data` request with busboy, enforcing the size limit while the body
 * streams in: a too-large upload is refused as soon as it passes the limit, never buffered whole. Every way a body
 * can be wrong (no boundary, a broken or unclosed form, a client gone mid-upload) ends as a value, never as an
 * exception or a request left waiting.
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

export type Upload =
  { kind: 'file'; bytes: Buffer; fileName: string } | { kind: 'tooLarge' } | { kind: 'invalid'; message: string };

/** Room for the multipart framing (boundaries, part headers) around a file of the largest allowed size. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * After a refusal the rest of the body is read and dropped, so that a client still sending can read the answer
 * (closing at once makes it fail with EPIPE instead). Past this many bytes the connection is closed instead.
 */
export const DRAIN_LIMIT_BYTES = 256 * 1024 * 1024;

export function readUpload(request: IncomingMessage, maxFileBytes: number): Promise<Upload> {
  const maxBodyBytes = maxFileBytes + MULTIPART_OVERHEAD_BYTES;
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBodyBytes) {
    drain(request);
    return Promise.resolve({ kind: 'tooLarge' });
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      // busboy reports its limit when the file *reaches* it; a file of exactly the limit is allowed.
      limits: { fileSize: maxFileBytes + 1, files: 1, fields: 16, fieldSize: 4096, parts: 17 },
    });
  } catch {
    drain(request);
    return Promise.resolve({ kind: 'invalid', message: 'The body must be multipart/form-data with a boundary.' });
  }

  return new Promise((resolve) => {
    let settled = false;
    const finish = (upload: Upload) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      // busboy may still hold an error for the part it was reading; nobody listens for it any more.
      parser.on('error', () => {});
      drain(request);
      resolve(upload);
    };

    let bodyBytes = 0;
    request.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
      if (bodyBytes > maxBodyBytes) finish({ kind: 'tooLarge' });
    });

    let file: { chunks: Buffer[]; fileName: string } | undefined;
    let fileDone: Promise<void> = Promise.resolve();
    parser.on('file', (field, stream, info) => {
      // A part stream fails on its own when the form breaks off (no closing boundary): that must not be unhandled.
      stream.on('error', () => finish({ kind: 'invalid', message: 'The multipart body ends inside the file.' }));
      if (field !== 'file' || file) {
        stream.resume();
        return;
      }
      const current = { chunks: [] as Buffer[], fileName: info.filename ?? 'upload.csv' };
      file = current;
      stream.on('data', (chunk: Buffer) => current.chunks.push(chunk));
      stream.on('limit', () => finish({ kind: 'tooLarge' }));
      fileDone = new Promise((done) => stream.on('close', () => done()));
    });
    parser.on('filesLimit', () => finish({ kind: 'invalid', message: 'Send one file only, in the field "file".' }));
    parser.on('partsLimit', () => finish({ kind: 'invalid', message: 'The form has too many parts.' }));
    parser.on('fieldsLimit', () => finish({ kind: 'invalid', message: 'The form has too many fields.' }));
    parser.on('error', (error: Error) =>
      finish({ kind: 'invalid', message: `The multipart body is malformed: ${error.message}` }),
    );
    parser.on('close', () => {
      void fileDone.then(() => {
        if (!file) finish({ kind: 'invalid', message: 'The form has no field named "file" holding the CSV file.' });
        else finish({ kind: 'file', bytes: Buffer.concat(file.chunks), fileName: file.fileName });
      });
    });
    request.on('error', () => finish({ kind: 'invalid', message: 'The upload was interrupted.' }));
    request.on('close', () => {
      // A client gone mid-upload: busboy would wait for the rest of the form forever.
      if (!request.complete) finish({ kind: 'invalid', message: 'The upload was interrupted.' });
    });
    request.pipe(parser);
  });
}

/** Reads and drops what is left of the body, up to DRAIN_LIMIT_BYTES; past that, closes the connection. */
function drain(request: IncomingMessage): void {
  let dropped = 0;
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT_BYTES) request.socket.destroy();
  });
  request.resume();
}
