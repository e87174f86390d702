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
import { sendError } from './http';
import { route } from './routes';
import { completeTokens, type SandboxTokens } from './tokens';

export const DEFAULT_PORT = 7357;
export const DEFAULT_DB_PATH = '.sandbox/sandbox.sqlite';
export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Only loopback: the sandbox has fixed tokens printed to a terminal and must not be reachable from elsewhere. */
const HOST = '127.0.0.1';

export interface SandboxOptions {
  /** Default 7357; 0 picks a free port. */
  port?: number;
  /** The SQLite file; created and seeded when missing. Default `.sandbox/sandbox.sqlite`. */
  dbPath?: string;
  /** The largest file accepted, in bytes (default 1 MiB). */
  maxBytes?: number;
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
  /** The database, for tests: count and find stored rows. */
  db: SandboxDatabase;
  setFaults(plan: FaultPlan): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const db = new SandboxDatabase(options.dbPath ?? DEFAULT_DB_PATH);
  try {
    if (options.pinNotification) db.setPinNotification(options.pinNotification);
    const context: SandboxContext = {
      db,
      tokens: completeTokens(options.tokens),
      faults: new FaultState(),
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      log: options.log ?? (() => {}),
    };
    if (options.faults) context.faults.set(options.faults);
    const endpointPath = `/api/v1/tenants/${encodeURIComponent(db.tenant().id)}`;
    const server = createServer((request, response) => serve(request, response, context, endpointPath));
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
      close: () => shutDown(server, db),
    };
  } catch (error) {
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
  const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
  let note = '';
  response.on('close', () => {
    const status = response.headersSent ? String(response.statusCode) : 'no answer';
    const ms = Math.round(performance.now() - started);
    context.log(`${request.method} ${path} ${status} ${ms}ms${note ? ` ${note}` : ''}`);
  });
  route(request, response, context, endpointPath).then(
    (result) => {
      note = result;
    },
    (error: unknown) => {
      note = `internal error: ${error instanceof Error ? error.name : 'unknown'}`;
      context.log(`error handling ${request.method} ${path}: ${error instanceof Error ? error.message : 'unknown'}`);
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

function shutDown(server: Server, db: SandboxDatabase): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      db.close();
      resolve();
    });
    // Hung requests (the `hang` fault) and idle keep-alive connections would hold close() open forever.
    server.closeAllConnections();
  });
}
