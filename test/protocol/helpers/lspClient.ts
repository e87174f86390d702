/**
 * A small, real LSP client for protocol tests: it spawns the built server (`dist/server.js --stdio`), speaks
 * JSON-RPC over its stdin/stdout, and plays the editor's part — it declares the configuration capabilities,
 * answers `workspace/configuration` from a settings object the test can change, accepts capability
 * registrations, and collects every `textDocument/publishDiagnostics`.
 *
 * Tests wait on events (the next publish for a uri, a response), never on fixed sleeps; every wait has a timeout
 * that fails with what was received instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type NotificationType,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';

/** The built server; `SUBSCRIBER_CSV_SERVER` points the tests at another build (a production bundle, say). */
export const SERVER_PATH = process.env.SUBSCRIBER_CSV_SERVER ?? path.resolve(__dirname, '../../../dist/server.js');

/** How long any single wait (a publish, a response, the shutdown) may take before the test fails. */
export const DEFAULT_TIMEOUT_MS = 5000;

/** The client's whole configuration tree, keyed by section (`{ subscriberCsv: { pinNotification: 'email' } }`). */
export type SettingsTree = Record<string, unknown>;

export interface StartOptions {
  settings?: SettingsTree;
  /** Declare `workspace.configuration`; when false the server must work from its defaults. */
  configurationCapability?: boolean;
}

export interface DiagnosticsWait {
  /** Only a publish for this document version (a close publishes without one). */
  version?: number;
  predicate?: (params: PublishDiagnosticsParams) => boolean;
  timeoutMs?: number;
}

export interface LogEntry {
  type: MessageType;
  message: string;
}

/** `window/logMessage` types by number (MessageType.Error is 1). */
const LOG_LEVELS: Readonly<Record<number, string>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'log', 5: 'debug' };

interface Waiter {
  uri: string;
  matches: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
  fail: (reason: string) => void;
}

export class LspClient {
  /** The settings `workspace/configuration` answers from; replace it, then call `changeSettings`. */
  settings: SettingsTree;
  /** Every publish, in arrival order. */
  readonly publishes: PublishDiagnosticsParams[] = [];
  /** `window/logMessage` from the server (its console), for assertions and for failure messages. */
  readonly logs: LogEntry[] = [];
  readonly registrations: Registration[] = [];
  configurationRequests = 0;
  initializeResult: InitializeResult | undefined;

  private readonly documents = new Map<string, TextDocument>();
  private readonly waiters = new Set<Waiter>();
  private readonly configurationListeners = new Set<() => void>();
  private configurationGate: Promise<void> | undefined;
  private releaseConfiguration: (() => void) | undefined;
  private stopped: Promise<number | null> | undefined;
  private stderr = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
    settings: SettingsTree,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    // A server that dies fails every wait at once, with its output, rather than at the timeout.
    void this.exited.then((code) => {
      for (const waiter of [...this.waiters]) waiter.fail(`the server exited with code ${code}`);
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));

    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests++;
      const gate = this.configurationGate;
      for (const listener of this.configurationListeners) listener();
      this.configurationListeners.clear();
      if (gate) await gate;
      return params.items.map((item) => lookup(this.settings, item.section));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.onNotification(LogMessageNotification.type, ({ type, message }) => this.logs.push({ type, message }));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.publishes.push(params);
      for (const waiter of this.waiters) {
        if (waiter.uri === params.uri && waiter.matches(params)) {
          this.waiters.delete(waiter);
          waiter.resolve(params);
        }
      }
    });
  }

  /** Spawns the server and completes the initialize handshake. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new LspClient(child, connection, options.settings ?? {});
    connection.listen();
    const configuration = options.configurationCapability ?? true;
    try {
      client.initializeResult = await client.withTimeout(
        connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: null,
          workspaceFolders: null,
          capabilities: {
            workspace: {
              configuration,
              didChangeConfiguration: { dynamicRegistration: configuration },
            },
            textDocument: {
              publishDiagnostics: { versionSupport: true, relatedInformation: true },
              hover: { contentFormat: ['markdown', 'plaintext'] },
              completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
              codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
            },
          },
        }),
        'initialize',
      );
    } catch (error) {
      await client.stop();
      throw error;
    }
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  // --- Documents -------------------------------------------------------------------------------------------

  /** Opens a document and resolves with the diagnostics published for it. */
  open(uri: string, languageId: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, { version });
    this.sendOpen(uri, languageId, text, version);
    return published;
  }

  sendOpen(uri: string, languageId: string, text: string, version = 1): void {
    this.documents.set(uri, TextDocument.create(uri, languageId, version, text));
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** Sends an edit (the next version) and resolves with the diagnostics published for that version. */
  change(uri: string, ...changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const version = this.document(uri).version + 1;
    const published = this.nextDiagnostics(uri, { version });
    this.sendChange(uri, ...changes);
    return published;
  }

  /** Sends an edit without waiting; returns the new version. The client's copy of the text follows the edit. */
  sendChange(uri: string, ...changes: TextDocumentContentChangeEvent[]): number {
    const document = this.document(uri);
    const version = document.version + 1;
    this.documents.set(uri, TextDocument.update(document, changes, version));
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  /**
   * Applies a workspace edit's text edits to one document as a single change (the next version) and resolves
   * with the diagnostics published for it. The edits are sent last-first, so that each one's range still holds.
   */
  applyEdits(uri: string, edits: readonly TextEdit[]): Promise<PublishDiagnosticsParams> {
    const document = this.document(uri);
    const lastFirst = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
    return this.change(uri, ...lastFirst.map((edit) => ({ range: edit.range, text: edit.newText })));
  }

  /** Closes a document and resolves with the (empty) diagnostics the server publishes to clear it. */
  close(uri: string): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, { predicate: (params) => params.version === undefined });
    this.documents.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return published;
  }

  /** The client's copy of an open document, with every edit sent so far applied. */
  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  // --- Diagnostics -----------------------------------------------------------------------------------------

  /**
   * Resolves with the first publish for `uri` that arrives after this call and matches. Call it before sending
   * what triggers the publish; `open` and `change` do so.
   */
  nextDiagnostics(uri: string, wait: DiagnosticsWait = {}): Promise<PublishDiagnosticsParams> {
    const { version, predicate, timeoutMs = DEFAULT_TIMEOUT_MS } = wait;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        matches: (params) => (version === undefined || params.version === version) && (predicate?.(params) ?? true),
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
        fail: (reason) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          const seen = this.publishesFor(uri).map(
            (params) => `v${params.version ?? '-'}: [${params.diagnostics.map((d) => d.code).join(', ')}]`,
          );
          const wanted = `publishDiagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`;
          reject(
            new Error(`No ${wanted}: ${reason}. Received: ${seen.join('; ') || 'none'}.${this.describeServerOutput()}`),
          );
        },
      };
      const timer = setTimeout(() => waiter.fail(`nothing within ${timeoutMs} ms`), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  publishesFor(uri: string): PublishDiagnosticsParams[] {
    return this.publishes.filter((params) => params.uri === uri);
  }

  // --- Settings and notifications --------------------------------------------------------------------------

  /** Replaces the settings and tells the server they changed, the way VS Code does (pull model). */
  changeSettings(settings: SettingsTree): void {
    this.settings = settings;
    void this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /**
   * Holds every `workspace/configuration` answer until the returned function is called, so that a test can
   * make the server wait in the middle of a validation and change the document meanwhile.
   */
  holdConfiguration(): () => void {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.configurationGate = gate;
    this.releaseConfiguration = () => {
      if (this.configurationGate === gate) this.configurationGate = undefined;
      release();
    };
    return this.releaseConfiguration;
  }

  /** Resolves when the server next asks for configuration. */
  nextConfigurationRequest(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    let listener = () => {};
    const asked = new Promise<void>((resolve) => (listener = resolve));
    this.configurationListeners.add(listener);
    return this.withTimeout(asked, 'workspace/configuration (server to client)', timeoutMs).finally(() =>
      this.configurationListeners.delete(listener),
    );
  }

  /** Sends a custom notification declared in `common/protocol.ts`. */
  notify<P>(type: NotificationType<P>, params: P): void {
    void this.connection.sendNotification(type, params);
  }

  // --- Requests --------------------------------------------------------------------------------------------

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request(HoverRequest.type.method, { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<CompletionItem[] | CompletionList | null> {
    return this.request(CompletionRequest.type.method, { textDocument: { uri }, position });
  }

  /** The code actions for `range`; `only` the kinds asked for, as an editor asks on save (`source.fixAll`). */
  codeActions(
    uri: string,
    range: Range,
    diagnostics: Diagnostic[],
    only?: string[],
  ): Promise<(CodeAction | Command)[] | null> {
    const context = only ? { diagnostics, only } : { diagnostics };
    return this.request(CodeActionRequest.type.method, { textDocument: { uri }, range, context });
  }

  /** Any request, by method, with the timeout every wait has. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.withTimeout(this.connection.sendRequest<R>(method, params), method);
  }

  // --- Shutdown --------------------------------------------------------------------------------------------

  /**
   * Sends shutdown and exit; kills the server when it does not exit in time. Resolves with its exit code
   * (null when it had to be killed). Calling it again returns the same result.
   */
  stop(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    this.stopped ??= this.shutDown(timeoutMs);
    return this.stopped;
  }

  private async shutDown(timeoutMs: number): Promise<number | null> {
    this.releaseConfiguration?.();
    for (const waiter of [...this.waiters]) waiter.fail('the client was stopped');
    if (this.child.exitCode === null) {
      try {
        await this.withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', timeoutMs);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // A server that cannot shut down is killed below.
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      this.exited,
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
    ]);
    clearTimeout(timer);
    this.connection.dispose();
    if (code === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
      return null;
    }
    return code;
  }

  /** What the server logged as errors (a handler that threw, a validation that failed), and its stderr. */
  serverErrors(): string[] {
    const errors = this.logs.filter((entry) => entry.type === MessageType.Error).map((entry) => entry.message);
    return this.stderr ? [...errors, this.stderr] : errors;
  }

  /** What the server logged or printed to stderr, for error messages. */
  describeServerOutput(): string {
    const logs = this.logs.map((entry) => `  [${LOG_LEVELS[entry.type] ?? entry.type}] ${entry.message}`);
    const parts = [];
    if (logs.length > 0) parts.push(`Server log:\n${logs.join('\n')}`);
    if (this.stderr) parts.push(`Server stderr:\n${this.stderr}`);
    return parts.length > 0 ? `\n${parts.join('\n')}` : '';
  }

  private withTimeout<T>(promise: Promise<T>, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${what} got no response within ${timeoutMs} ms.${this.describeServerOutput()}`)),
        timeoutMs,
      );
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

/** The value at a dotted section of the settings tree (`subscriberCsv.tenant`), or the whole tree without one. */
function lookup(settings: SettingsTree, section: string | undefined): unknown {
  if (!section) return settings;
  let value: unknown = settings;
  for (const key of section.split('.')) {
    if (typeof value !== 'object' || value === null) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? null;
}

// --- Helpers for writing expectations ------------------------------------------------------------------------

/** Splits a text with one `|` into the text without it and the cursor position there. */
export function withCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('Mark exactly one cursor with |');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, position: TextDocument.create('file:///cursor', 'csv', 0, text).positionAt(offset) };
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** A diagnostic reduced to what tests assert exactly: its code and range. */
export interface CodeAndRange {
  code: string;
  range: Range;
}

export function expected(
  code: string,
  startLine: number,
  startChar: number,
  endLine: number,
  endChar: number,
): CodeAndRange {
  return { code, range: range(startLine, startChar, endLine, endChar) };
}

/** The codes and ranges of published diagnostics, in the order the server sent them. */
export function codesAndRanges(diagnostics: readonly Diagnostic[]): CodeAndRange[] {
  return diagnostics.map((diagnostic) => ({ code: String(diagnostic.code), range: diagnostic.range }));
}

/** The markdown (or plain) text of a hover's contents. */
export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
  return contents.value;
}

export function completionItems(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

/** Joins lines with a line feed; test documents read better as arrays of rows. */
export function lines(...rows: string[]): string {
  return rows.join('\n');
}
