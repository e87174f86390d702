/**
 * Reads the uploaded CSV from a `multipart/form-data` request with busboy, enforcing the size cap while the body
 * streams in: a too-large upload is refused as soon as it passes the cap, never buffered whole.
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

export type Upload =
  { kind: 'file'; bytes: Buffer; fileName: string } | { kind: 'tooLarge' } | { kind: 'invalid'; message: string };

/** Room for the multipart framing (boundaries, part headers) around a file of the largest allowed size. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function readUpload(request: IncomingMessage, maxFileBytes: number): Promise<Upload> {
  const maxBodyBytes = maxFileBytes + MULTIPART_OVERHEAD_BYTES;
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBodyBytes) return Promise.resolve({ kind: 'tooLarge' });

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      limits: { fileSize: maxFileBytes, files: 1, fields: 16, fieldSize: 4096, parts: 17 },
    });
  } catch {
    return Promise.resolve({ kind: 'invalid', message: 'The body must be multipart/form-data with a boundary.' });
  }

  return new Promise((resolve) => {
    let settled = false;
    const finish = (upload: Upload) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      // Keep reading (and dropping) what is still coming, so the client can finish sending and read the answer.
      request.resume();
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
    parser.on('error', (error: Error) =>
      finish({ kind: 'invalid', message: `The multipart body is malformed: ${error.message}` }),
    );
    parser.on('close', () => {
      void fileDone.then(() => {
        if (!file) finish({ kind: 'invalid', message: 'The form has no field named "file" holding the CSV file.' });
        else finish({ kind: 'file', bytes: Buffer.concat(file.chunks), fileName: file.fileName });
      });
    });
    request.on('close', () => {
      // A client gone mid-upload: busboy would wait for the rest of the form forever.
      if (!request.complete) finish({ kind: 'invalid', message: 'The upload was interrupted.' });
    });
    request.pipe(parser);
  });
}
