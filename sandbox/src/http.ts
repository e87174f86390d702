/**
 * Small HTTP helpers shared by the routes: JSON answers, the error body of docs/import-api.md, and reading a small
 * JSON request body (the fault hooks).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendJsonText(response, status, JSON.stringify(body), headers);
}

/** An answer whose JSON text is already made (the import worker's, or a stored one replayed). */
export function sendJsonText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(text);
}

/** An error answer: `{ error, message, ...extra }`, the shape every error of the contract has. */
export function sendError(
  response: ServerResponse,
  status: number,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { error, message, ...extra }, headers);
}

export function sendUnauthorized(response: ServerResponse): void {
  sendError(
    response,
    401,
    'unauthorized',
    'A valid bearer token is required: send "Authorization: Bearer <token>" with the token the sandbox printed.',
    {},
    { 'WWW-Authenticate': 'Bearer realm="subscriber-csv sandbox"' },
  );
}

/**
 * The path of a request target, or undefined when it is not one (`http://a:b/`, `//`, a target that is no URL):
 * the answer is then 400, never an exception.
 */
export function pathOf(target: string | undefined): string | undefined {
  if (target === undefined || !target.startsWith('/')) return undefined;
  try {
    return new URL(target, 'http://sandbox').pathname;
  } catch {
    return undefined;
  }
}

/** Reads a JSON body of at most `maxBytes`; undefined when it is too long or not JSON. */
export async function readSmallJson(request: IncomingMessage, maxBytes = 16 * 1024): Promise<unknown> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) return undefined;
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
