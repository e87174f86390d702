/**
 * Small HTTP servers on 127.0.0.1 that record every request they get (method, path, headers, body) and answer as
 * the test says: a redirect, an answer that is not JSON, 50 MB, a byte a second. Each test owns the servers it
 * starts and closes them all with `closeAll()`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, recorded: Recorded) => void;

export interface HostileServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  /** A base URL under it, shaped like a real endpoint. */
  endpoint: string;
  requests: Recorded[];
  server: Server;
}

const running: Server[] = [];

/** Starts a server that reads each request whole, records it, then hands it to `handler`. */
export async function startHostileServer(handler: Handler): Promise<HostileServer> {
  const requests: Recorded[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: Recorded = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      handler(request, response, recorded);
    });
  });
  running.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return { origin, port, endpoint: `${origin}/api/v1/tenants/acme`, requests, server };
}

export async function closeAll(): Promise<void> {
  const servers = running.splice(0);
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** A valid 200 answer of the import contract, with no rows. */
export const EMPTY_IMPORT_ANSWER = { created: 0, updated: 0, failed: 0, rows: [] };

/** A valid 200 answer of the tenant route. */
export const TENANT_ANSWER = { tenant: { id: 'acme', name: 'Acme' }, pinNotification: 'none', role: 'tenantAdmin' };

/**
 * Streams `totalBytes` of JSON-looking filler in 64 KiB chunks, honouring back-pressure, and stops as soon as the
 * client goes away. Resolves with how many bytes were written.
 */
export function streamHugeAnswer(response: ServerResponse, totalBytes: number): Promise<number> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    let closed = false;
    response.on('close', () => {
      closed = true;
      resolve(written);
    });
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(totalBytes) });
    const pump = () => {
      while (!closed && written < totalBytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, totalBytes - written));
        written += part.length;
        if (!response.write(part)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!closed) response.end();
    };
    pump();
  });
}

/**
 * A slow-loris answer, written to the socket by hand: the status line and headers at once, then one byte of body
 * every `intervalMs`, for as long as the client stays. With `inHeaders`, the headers never end: one more header
 * line every `intervalMs` instead.
 */
export function trickleAnswer(response: ServerResponse, intervalMs: number, inHeaders = false): void {
  const socket = response.socket;
  if (!socket) return;
  socket.write(
    inHeaders
      ? 'HTTP/1.1 200 OK\r\n'
      : 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n',
  );
  const timer = setInterval(() => {
    if (socket.destroyed) clearInterval(timer);
    else socket.write(inHeaders ? 'X-Slow: 1\r\n' : ' ');
  }, intervalMs);
  socket.on('close', () => clearInterval(timer));
}
