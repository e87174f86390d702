/**
 * The sandbox as a real process (`node --import tsx sandbox/src/main.ts --json`), for the tests that must kill it,
 * restart it on the same file and port, or throw at it what could take a process down. Its tokens are fixed through
 * the environment, so a restarted sandbox accepts the same ones.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = resolve(__dirname, '../../..');

export interface SandboxInfo {
  url: string;
  endpoint: string;
  port: number;
  token: string;
  tokens: { tenantAdmin: string; telcoAdmin: string; readOnly: string };
}

export interface SandboxProcessOptions {
  dbPath: string;
  /** 0 (default) picks a free port; a restart passes the port of the one before. */
  port?: number;
  maxBytes?: number;
  requestTimeoutSeconds?: number;
  /** Tokens to use; generated once by `fixedTokens()` and passed to every restart. */
  tokens: SandboxInfo['tokens'];
}

export interface SandboxProcess extends SandboxInfo {
  child: ChildProcess;
  /** Request log lines printed after the start-up line. */
  logs: string[];
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  /** True while the process runs. */
  alive(): boolean;
  /** `kill -9`: no chance to close anything. */
  kill9(): Promise<string>;
  /** SIGTERM, as Ctrl+C would: the sandbox closes its database. */
  stop(): Promise<string>;
}

export function fixedTokens(): SandboxInfo['tokens'] {
  const token = () => `sbx_${randomBytes(18).toString('base64url')}`;
  return { tenantAdmin: token(), telcoAdmin: token(), readOnly: token() };
}

export function startSandboxProcess(options: SandboxProcessOptions, timeoutMs = 60_000): Promise<SandboxProcess> {
  const args = ['--import', 'tsx', 'sandbox/src/main.ts', '--json', '--db', options.dbPath];
  args.push('--port', String(options.port ?? 0));
  if (options.maxBytes !== undefined) args.push('--max-bytes', String(options.maxBytes));
  if (options.requestTimeoutSeconds !== undefined) {
    args.push('--request-timeout', String(options.requestTimeoutSeconds));
  }
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SANDBOX_TOKEN: options.tokens.tenantAdmin,
      SANDBOX_TELCO_TOKEN: options.tokens.telcoAdmin,
      SANDBOX_READONLY_TOKEN: options.tokens.readOnly,
    },
  });
  let exitedAs: string | undefined;
  const exited = new Promise<string>((done) =>
    child.once('exit', (code, signal) => {
      exitedAs = signal ?? String(code);
      done(exitedAs);
    }),
  );
  const logs: string[] = [];
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));

  return new Promise((resolvePromise, reject) => {
    let started = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the sandbox did not start within ${timeoutMs} ms: ${stderr.join('').slice(-2000)}`));
    }, timeoutMs);
    void exited.then((how) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`the sandbox exited (${how}) before it started: ${stderr.join('').slice(-2000)}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (started) {
        logs.push(line);
        return;
      }
      started = true;
      clearTimeout(timer);
      const info = JSON.parse(line) as SandboxInfo;
      resolvePromise({
        ...info,
        child,
        logs,
        exited,
        alive: () => exitedAs === undefined,
        kill9: () => {
          if (exitedAs === undefined) child.kill('SIGKILL');
          return exited;
        },
        stop: () => {
          if (exitedAs === undefined) child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}
