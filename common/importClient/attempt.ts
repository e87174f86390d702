/**
 * One attempt of one request: send, follow a same-origin redirect if any, read the answer, all within the
 * per-attempt timeout and the caller's AbortSignal. Never throws: every outcome is a value the retry loop reads.
 */
import { combineSignals } from './signals';

export interface Attempted {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** A fresh body for each send (a FormData's stream is used up by one). */
  body?: () => FormData;
  /**
   * Answers larger than this (counted after decompression) are not read. It bounds what a broken or hostile
   * endpoint can make the client hold, and is set per request above any answer the contract can give to it.
   */
  maxAnswerBytes: number;
}

export type AttemptOutcome =
  | { kind: 'answer'; status: number; headers: Headers; text: string | undefined }
  /** A redirect this client refuses to follow; `target` is the other origin (never a path or query). */
  | { kind: 'redirect'; status: number; target: string }
  | { kind: 'network'; detail: string }
  | { kind: 'timeout' }
  | { kind: 'cancelled' };

const MAX_REDIRECTS = 5;

export async function attempt(
  request: Attempted,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  fetchImpl: typeof fetch,
): Promise<AttemptOutcome> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = combineSignals(signal ? [signal, timeout] : [timeout]);
  let url = request.url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(url, {
        method: request.method,
        headers: request.headers,
        body: request.body?.(),
        // The token must not follow a redirect to another host, so redirects are looked at, not followed blindly.
        redirect: 'manual',
        signal: combined.signal,
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        const next = new URL(location, url);
        const followable = response.status === 307 || response.status === 308 || request.method === 'GET';
        if (next.origin !== url.origin || !followable || hop >= MAX_REDIRECTS) {
          return { kind: 'redirect', status: response.status, target: next.origin };
        }
        url = next;
        continue;
      }
      const text = await readCapped(response, request.maxAnswerBytes);
      return { kind: 'answer', status: response.status, headers: response.headers, text };
    }
  } catch (error) {
    if (signal?.aborted) return { kind: 'cancelled' };
    if (timeout.aborted) return { kind: 'timeout' };
    return { kind: 'network', detail: describeNetworkError(error) };
  } finally {
    combined.dispose();
  }
}

/** The answer's text, or undefined when it is larger than `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** "connection refused (ECONNREFUSED)": undici hides the reason in `cause`; its top message is "fetch failed". */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: unknown } | undefined)?.cause ?? error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'the connection was reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    ETIMEDOUT: 'connecting timed out',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_SOCKET: 'the connection was closed before an answer',
    CERT_HAS_EXPIRED: 'its TLS certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
    ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host',
  };
  if (typeof code === 'string') return `${known[code] ?? 'network error'} (${code})`;
  return cause instanceof Error ? cause.message : 'network error';
}
