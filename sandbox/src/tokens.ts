/**
 * The sandbox's bearer tokens: one per kind of caller the import has to tell apart. A tenant admin's import drops
 * the telco-only columns, a telco admin's applies them, and a read-only token may read the tenant but not import.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ImporterRole } from '@subscriber-csv/language-service';

export type TokenId = 'tenantAdmin' | 'telcoAdmin' | 'readOnly';

export interface TokenGrant {
  id: TokenId;
  role: ImporterRole;
  mayImport: boolean;
}

export type SandboxTokens = Record<TokenId, string>;

const GRANTS: Readonly<Record<TokenId, TokenGrant>> = {
  tenantAdmin: { id: 'tenantAdmin', role: 'tenantAdmin', mayImport: true },
  telcoAdmin: { id: 'telcoAdmin', role: 'telcoAdmin', mayImport: true },
  readOnly: { id: 'readOnly', role: 'tenantAdmin', mayImport: false },
};

/** A fresh token; the prefix makes a sandbox token recognisable if it is ever pasted somewhere it should not be. */
export function generateToken(): string {
  return `sbx_${randomBytes(24).toString('base64url')}`;
}

export function completeTokens(given: Partial<SandboxTokens> = {}): SandboxTokens {
  const tokens: SandboxTokens = {
    tenantAdmin: given.tenantAdmin || generateToken(),
    telcoAdmin: given.telcoAdmin || generateToken(),
    readOnly: given.readOnly || generateToken(),
  };
  if (new Set(Object.values(tokens)).size !== 3) throw new Error('The sandbox tokens must differ from each other.');
  return tokens;
}

/**
 * The grant of the request's bearer token, or undefined. Compared through SHA-256 digests with timingSafeEqual so
 * that neither the length nor the content of a token leaks through timing.
 */
export function authenticate(request: IncomingMessage, tokens: SandboxTokens): TokenGrant | undefined {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(request.headers.authorization ?? '');
  if (!match) return undefined;
  const presented = digest(match[1]);
  let found: TokenGrant | undefined;
  for (const id of Object.keys(tokens) as TokenId[]) {
    // No early exit: every token is compared, so the time does not say which one matched.
    if (timingSafeEqual(presented, digest(tokens[id]))) found = GRANTS[id];
  }
  return found;
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
