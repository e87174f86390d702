/**
 * How the API token is kept in SecretStorage: together with the origin of the endpoint it was set for, so that a
 * token is only ever sent to the host it was given for. Pure; the token store reads and writes the secret.
 */
import { endpointHost } from './text';

export type TokenLookup =
  | { kind: 'token'; token: string }
  | { kind: 'none' }
  /** A token exists, but for another endpoint: it is not sent, and the user is asked for one for this host. */
  | { kind: 'otherHost'; host: string };

/** The origin (`https://host:port`) of an endpoint URL, or undefined when it is not a URL. */
export function originOf(endpoint: string): string | undefined {
  try {
    const origin = new URL(endpoint).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

export function encodeStoredToken(endpoint: string, token: string): string {
  const origin = originOf(endpoint);
  if (origin === undefined) throw new Error('The endpoint is not a URL.');
  return JSON.stringify({ origin, token });
}

export function tokenForEndpoint(stored: string | undefined, endpoint: string): TokenLookup {
  if (!stored) return { kind: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return { kind: 'none' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { kind: 'none' };
  const { origin, token } = parsed as { origin?: unknown; token?: unknown };
  if (typeof origin !== 'string' || typeof token !== 'string' || token === '') return { kind: 'none' };
  return origin === originOf(endpoint) ? { kind: 'token', token } : { kind: 'otherHost', host: endpointHost(origin) };
}

/** Trims what was pasted; an empty or multi-line value is not a token. */
export function cleanToken(value: string): string | undefined {
  const token = value.trim().replace(/^Bearer\s+/i, '');
  return token === '' || /\s/.test(token) ? undefined : token;
}
