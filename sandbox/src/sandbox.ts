/**
 * `startSandbox(options)`: a real import endpoint on 127.0.0.1 implementing docs/import-api.md, backed by a SQLite
 * file. `npm run sandbox` runs it from a terminal (main.ts); tests start it in-process on port 0 with a temp file.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { PinNotification } from '@subscriber-csv/language-service';
import type { SandboxContext, SandboxLogger } from './context';
import { SandboxDatabase } from './database';
import { FaultState, type FaultPlan } from './faults';
import { pathOf, sendError } from './http';
import { ImportRunner } from './importRunner';
import { route } from './routes';
import { completeTokens, type SandboxTokens } from './tokens';

export const DEFAULT_PORT = 7357;
export const DEFAULT_DB_PATH = '.sandbox/sandbox.sqlite';
export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** A request whose headers and body have not all arrived after this long is answered 408 and closed. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;
/** Only loopback: the sandbox has fixed tokens printed to a terminal and must not be reachable from elsewhere. */
const HOST = '127.0.0.1';

export interface SandboxOptions {
  /** Default 7357; 0 picks a free port. */
  port?: number;
  /** The SQLite file; created and seeded when missing. Default `.sandbox/sandbox.sqlite`. */
  dbPath?: string;
  /** The largest file accepted, in bytes (default 1 MiB). */
  maxBytes?: number;
  /** How long a request may take to arrive, headers and body (default 120 s; headers alone: at most 60 s). */
  requestTimeoutMs?: number;
  /** Tokens to accept; each one missing is generated. */
  tokens?: Partial<SandboxTokens>;
  /** Changes the stored tenant's PIN notification setting. */
  pinNotification?: PinNotification;
  /** Faults in force from the start. */
  faults?: FaultPlan;
  /** Where request logs go (default: nowhere). */
  log?: SandboxLogger;
}

export interface RunningSandbox {
  /** The server's root, e.g. `http://127.0.0.1:7357`. */
  url: string;
  /** The base URL to configure as the endpoint, e.g. `http://127.0.0.1:7357/api/v1/tenants/acme`. */
  endpoint: string;
  port: number;
  /** The tenant admin's token: the one to use. */
  token: string;
  tokens: SandboxTokens;
  /** A connection to the database, for tests: count and find stored rows. */
  db: SandboxDatabase;
  setFaults(plan: FaultPlan): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const dbPath = options.dbPath ?? DEFAULT_DB_PATH;
  if (dbPath === ':memory:') throw new Error('The sandbox needs a database file: its import worker opens it too.');
  const db = new SandboxDatabase(dbPath);
  const imports = new ImportRunner(dbPath);
  try {
    if (options.pinNotification) db.setPinNotification(options.pinNotification);
    const context: SandboxContext = {
      db,
      imports,
      tokens: completeTokens(options.tokens),
      faults: new FaultState(),
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      log: options.log ?? (() => {}),
    };
    if (options.faults) context.faults.set(options.faults);
    await imports.ready();
    const endpointPath = `/api/v1/tenants/${encodeURIComponent(db.tenant().id)}`;
    const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const server = createServer(
      {
        requestTimeout,
        headersTimeout: Math.min(requestTimeout, 60_000),
        // How often those timeouts are looked at (Node's default, 30 s, would let them overrun by as much).
        connectionsCheckingInterval: Math.min(1000, requestTimeout),
      },
      (request, response) => serve(request, response, context, endpointPath),
    );
    const port = await listen(server, options.port ?? DEFAULT_PORT);
    const url = `http://${HOST}:${port}`;
    return {
      url,
      endpoint: url + endpointPath,
      port,
      token: context.tokens.tenantAdmin,
      tokens: context.tokens,
      db,
      setFaults: (plan) => context.faults.set(plan),
      clearFaults: () => context.faults.clear(),
      close: () => shutDown(server, imports, db),
    };
  } catch (error) {
    await imports.close();
    db.close();
    throw error;
  }
}

function serve(
  request: Parameters<typeof route>[0],
  response: Parameters<typeof route>[1],
  context: SandboxContext,
  endpointPath: string,
): void {
  const started = performance.now();
  // The path only: a query string is no part of the contract and might hold anything.
  const path = pathOf(request.url);
  let note = '';
  response.on('close', () => {
    const status = response.headersSent ? String(response.statusCode) : 'no answer';
    const ms = Math.round(performance.now() - started);
    context.log(`${request.method} ${path ?? '(not a path)'} ${status} ${ms}ms${note ? ` ${note}` : ''}`);
  });
  if (path === undefined) {
    request.resume();
    sendError(response, 400, 'invalid_request', 'The request target is not a path on this server.');
    return;
  }
  route(request, response, context, path, endpointPath).then(
    (result) => {
      note = result;
    },
    (error: unknown) => {
      note = `internal error: ${error instanceof Error ? error.name : 'unknown'}`;
      context.log(`error handling ${request.method} ${path}: ${error instanceof Error ? error.message : 'unknown'}`);
      request.resume();
      if (!response.headersSent) sendError(response, 500, 'internal', 'The sandbox failed on this request.');
      else response.destroy();
    },
  );
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function shutDown(server: Server, imports: ImportRunner, db: SandboxDatabase): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Hung requests (the `hang` fault) and idle keep-alive connections would hold close() open forever.
    server.closeAllConnections();
  });
  await imports.close();
  db.close();
}
