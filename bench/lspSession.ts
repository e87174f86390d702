/**
 * Drives the bundled language server (`dist/server.js`) over stdio with a real LSP client, as an editor
 * would: initialize, open a document, send incremental changes, ask for hovers and completions, and wait for
 * the diagnostics the server publishes.
 *
 * The client keeps the document as an array of lines (the generated files hold no line breaks inside cells),
 * so that preparing an edit costs the client nothing and every millisecond measured is the server's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  CompletionRequest,
  createProtocolConnection,
  DocumentSymbolRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  SemanticTokensRangeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TenantDataNotification, type TenantData } from '../common/protocol';
import { BENCH_URI } from './library';
import { now } from './stats';

export interface Published {
  version: number | undefined;
  diagnostics: Diagnostic[];
  /** performance.now() when the notification arrived. */
  at: number;
}

export class LspSession {
  private readonly connection: ProtocolConnection;
  private waiters: { accept: (published: Published) => boolean; resolve: (published: Published) => void }[] = [];
  /** The most diagnostics seen in one publication. */
  maxPublished = 0;
  lines: string[] = [];
  version = 0;

  private constructor(private readonly server: ChildProcess) {
    if (!server.stdout || !server.stdin) throw new Error('the server has no stdio');
    this.connection = createProtocolConnection(
      new StreamMessageReader(server.stdout),
      new StreamMessageWriter(server.stdin),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const published: Published = { version: params.version, diagnostics: params.diagnostics, at: now() };
      if (params.uri !== BENCH_URI) return;
      this.maxPublished = Math.max(this.maxPublished, params.diagnostics.length);
      const waiting = this.waiters;
      this.waiters = [];
      for (const waiter of waiting) {
        if (waiter.accept(published)) waiter.resolve(published);
        else this.waiters.push(waiter);
      }
    });
    // The server logs through window/logMessage; a benchmark has no one to show it to.
    this.connection.onNotification(LogMessageNotification.type, () => undefined);
    this.connection.listen();
  }

  /** Starts `node serverPath --stdio` and initializes it with the typing delay set to 0. */
  static async start(serverPath: string): Promise<LspSession> {
    // BENCH_SERVER_NODE_OPTIONS passes flags to the server's node, e.g. `--cpu-prof` to profile it.
    const nodeOptions = process.env.BENCH_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
    const server = spawn(process.execPath, [...nodeOptions, serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const session = new LspSession(server);
    await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { typingDelayMs: 0 },
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  get pid(): number | undefined {
    return this.server.pid;
  }

  /** Resolves with the next publication for the document that `accept` takes. */
  nextPublished(accept: (published: Published) => boolean = () => true): Promise<Published> {
    return new Promise((resolve) => this.waiters.push({ accept, resolve }));
  }

  /** Opens the document and resolves when its first diagnostics arrive; returns the milliseconds taken. */
  async open(text: string): Promise<{ ms: number; published: Published }> {
    this.lines = text.split('\r\n');
    this.version = 1;
    const published = this.nextPublished((p) => p.version === 1);
    const start = now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: BENCH_URI, languageId: 'subscriber-csv', version: 1, text },
    });
    const result = await published;
    return { ms: result.at - start, published: result };
  }

  /**
   * Replaces `line[from, to)` with `newText` (no line breaks) and resolves with the diagnostics published for
   * the new version and the milliseconds from sending the change to receiving them.
   */
  async edit(line: number, from: number, to: number, newText: string): Promise<{ ms: number; published: Published }> {
    const old = this.lines[line];
    this.lines[line] = old.slice(0, from) + newText + old.slice(to);
    const version = ++this.version;
    const range: Range = { start: { line, character: from }, end: { line, character: to } };
    const published = this.nextPublished((p) => p.version === version);
    const start = now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: BENCH_URI, version },
      contentChanges: [{ range, text: newText }],
    });
    const result = await published;
    return { ms: result.at - start, published: result };
  }

  async hover(line: number, character: number): Promise<number> {
    const start = now();
    await this.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: BENCH_URI },
      position: { line, character },
    });
    return now() - start;
  }

  async complete(line: number, character: number): Promise<number> {
    const start = now();
    await this.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: BENCH_URI },
      position: { line, character },
    });
    return now() - start;
  }

  /** Asks for the document's symbols; resolves with the milliseconds taken and how many rows were listed. */
  async documentSymbols(): Promise<{ ms: number; rows: number; symbols: unknown }> {
    const start = now();
    const symbols = await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: BENCH_URI } });
    const ms = now() - start;
    const header = symbols?.[0];
    return { ms, rows: header && 'children' in header ? (header.children?.length ?? 0) : 0, symbols };
  }

  /** Asks for the semantic tokens of `lines` lines from `line`, as an editor does for its viewport. */
  async semanticTokens(line: number, lines: number): Promise<number> {
    const start = now();
    await this.connection.sendRequest(SemanticTokensRangeRequest.type, {
      textDocument: { uri: BENCH_URI },
      range: { start: { line, character: 0 }, end: { line: line + lines, character: 0 } },
    });
    return now() - start;
  }

  /** Sends tenant data, which makes the server validate every open document again. */
  sendTenantData(data: TenantData | null): Promise<void> {
    return this.connection.sendNotification(TenantDataNotification.type, data);
  }

  /** The server's resident memory now and at its peak, in MB, from /proc (Linux only). */
  memory(): { rssMb: number; peakRssMb: number } | undefined {
    return this.server.pid === undefined ? undefined : procMemory(this.server.pid);
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.server.once('exit', () => resolve()));
    const timeout = setTimeout(() => this.server.kill(), 5000);
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.server.kill();
    }
    await exited;
    clearTimeout(timeout);
    this.connection.dispose();
  }
}

/** VmRSS and VmHWM of a process, in MB; undefined where /proc is not there or the process has gone. */
export function procMemory(pid: number): { rssMb: number; peakRssMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}
