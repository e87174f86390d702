/**
 * Which endpoint URLs the token may be sent to. The token and the subscribers' data (names, emails, PINs) must not
 * cross a network unencrypted, so plain http:// is allowed only to this machine, where the sandbox runs.
 */

export type EndpointCheck = { ok: true; url: string } | { ok: false; message: string };

const EXAMPLE = 'https://pbx.example.com/api/v1/tenants/acme';

export function checkEndpointUrl(endpoint: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    // The input is not echoed: a mistaken paste into the endpoint setting may be a token.
    return { ok: false, message: `The endpoint is not a valid URL; it looks like ${EXAMPLE}.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `The endpoint must be an https:// URL, not ${url.protocol}//, e.g. ${EXAMPLE}.` };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      message: 'The endpoint URL must not hold a user name or password; the API token is set and sent separately.',
    };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: 'The endpoint is a base URL: remove its query (?...) or fragment (#...).' };
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      ok: false,
      message:
        `The endpoint uses plain http:// to ${url.host}: the API token and the subscribers' data (names, emails, ` +
        'PINs) would cross the network unencrypted. Use https://. Plain http:// is allowed only to this machine ' +
        '(localhost, 127.0.0.1, ::1), e.g. for the sandbox.',
    };
  }
  return { ok: true, url: url.href };
}

/**
 * True for localhost, 127.0.0.0/8 and ::1. `URL` has already normalised the host: `127.1` and `0x7f.1` arrive as
 * 127.0.0.1, `[0:0::1]` as [::1], and `LOCALHOST` in lower case.
 */
export function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  return ipv4 !== null && ipv4[1] === '127';
}

/** The URL of one route under the endpoint: `routeUrl('https://h/api/t/acme', 'import')` → `.../acme/import`. */
export function routeUrl(endpoint: string, route: 'tenant' | 'import' | 'import/preview'): URL {
  const base = new URL(endpoint);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(route, base);
}
