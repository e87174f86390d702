/**
 * Routes one request: the fault hooks under `/__sandbox/`, then the contract's routes under the endpoint path
 * (the tenant, the import and its preview), each after the planned misbehaviour (if any) and the token check.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SandboxContext } from './context';
import { parseFaultPlan } from './faults';
import { readSmallJson, sendError, sendJson, sendUnauthorized } from './http';
import { handleImport } from './importRoute';
import { authenticate, type TokenGrant } from './tokens';

export const FAULTS_PATH = '/__sandbox/faults';

/** The contract's routes, under the endpoint path (docs/import-api.md). */
const ROUTES = ['tenant', 'import', 'import/preview'] as const;

/** Handles the request; returns a note for the request log. */
export async function route(
  request: IncomingMessage,
  response: ServerResponse,
  context: SandboxContext,
  path: string,
  endpointPath: string,
): Promise<string> {
  if (path === FAULTS_PATH) return handleFaults(request, response, context);

  const name = ROUTES.find((candidate) => path === `${endpointPath}/${candidate}`);
  if (name === undefined) {
    const routes = `GET ${endpointPath}/tenant, POST ${endpointPath}/import or POST ${endpointPath}/import/preview`;
    sendError(response, 404, 'not_found', `No such route. Use ${routes}.`);
    return '';
  }
  const method = name === 'tenant' ? 'GET' : 'POST';
  if (request.method !== method) {
    sendError(response, 405, 'method_not_allowed', `Use ${method} here.`, {}, { Allow: method });
    return '';
  }

  // A preview is an upload as an import is: the faults planned for imports apply to it too.
  const target = name === 'tenant' ? 'tenant' : 'import';
  const delayMs = context.faults.delayFor(target);
  if (delayMs > 0 && !(await delay(delayMs, response))) return 'client left during the delay (fault)';
  switch (context.faults.take(target)) {
    case 'hang':
      // Read and drop the body so the client finishes sending and waits for an answer that never comes.
      request.resume();
      return 'never answered (fault)';
    case 'drop':
      request.socket.destroy();
      return 'connection dropped (fault)';
    case 'fail500':
      sendError(response, 500, 'internal', 'The sandbox was told to fail this request (fault hook).');
      return 'fault';
    case 'rateLimit': {
      const seconds = context.faults.retryAfterSeconds;
      sendError(
        response,
        429,
        'rate_limited',
        `Too many requests; retry after ${seconds} s.`,
        {},
        {
          'Retry-After': String(seconds),
        },
      );
      return 'fault';
    }
    case 'none':
      break;
  }

  const grant = authenticate(request, context.tokens);
  if (!grant) {
    sendUnauthorized(response);
    return '';
  }
  if (name === 'tenant') {
    sendJson(response, 200, tenantAnswer(context, grant));
    return `role=${grant.role}`;
  }
  return handleImport(request, response, context, grant, { dryRun: name === 'import/preview' });
}

/** Waits, unless the client goes away first (then false): a cancelled request must not hold the sandbox open. */
async function delay(ms: number, response: ServerResponse): Promise<boolean> {
  const gone = new AbortController();
  const onClose = () => gone.abort();
  response.once('close', onClose);
  try {
    await sleep(ms, undefined, { signal: gone.signal });
    return true;
  } catch {
    return false;
  } finally {
    response.off('close', onClose);
  }
}

function tenantAnswer(context: SandboxContext, grant: TokenGrant): unknown {
  const tenant = context.db.tenant();
  return {
    tenant: { id: tenant.id, name: tenant.name },
    pinNotification: tenant.pinNotification,
    role: grant.role,
    ...tenant.lists,
    extensionsInUse: tenant.extensionsInUse,
    limits: { importBytes: context.maxBytes },
  };
}

/** `GET` shows the plan, `POST` replaces it, `DELETE` clears it. Any token that may import may steer faults. */
async function handleFaults(
  request: IncomingMessage,
  response: ServerResponse,
  context: SandboxContext,
): Promise<string> {
  const grant = authenticate(request, context.tokens);
  if (!grant) {
    sendUnauthorized(response);
    return '';
  }
  if (!grant.mayImport) {
    sendError(response, 403, 'forbidden', 'A read-only token may not steer the fault hooks.');
    return '';
  }
  if (request.method === 'POST') {
    const plan = parseFaultPlan(await readSmallJson(request));
    if (typeof plan === 'string') {
      sendError(response, 400, 'invalid_request', plan);
      return '';
    }
    context.faults.set(plan);
    sendJson(response, 200, { faults: context.faults.current() });
    return `faults set: ${JSON.stringify(plan)}`;
  }
  if (request.method === 'DELETE') {
    context.faults.clear();
    sendJson(response, 200, { faults: {} });
    return 'faults cleared';
  }
  if (request.method === 'GET') {
    sendJson(response, 200, { faults: context.faults.current() });
    return '';
  }
  sendError(response, 405, 'method_not_allowed', 'Use GET, POST or DELETE here.', {}, { Allow: 'GET, POST, DELETE' });
  return '';
}
