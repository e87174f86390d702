/**
 * Just enough of the `vscode` API for the extension's import modules to run under node:test, with every call that
 * could leak or persist something recorded: settings updates, secrets, messages shown, log lines. Loaded in place
 * of `vscode` by `installFakeVscode()` (vscodeHook.ts). A document here has no way to be edited or saved: a client
 * that tried would throw, and the test would fail.
 */

type Listener<T> = (value: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((other) => other !== listener)) };
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static parse(text: string): Uri {
    const url = new URL(text);
    return new Uri(url.protocol.replace(/:$/, ''), decodeURIComponent(url.pathname));
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  toString(): string {
    return `${this.scheme}://${encodeURI(this.path)}`;
  }
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export class Range {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}
  get start() {
    return { line: this.startLine, character: this.startCharacter };
  }
  get end() {
    return { line: this.endLine, character: this.endCharacter };
  }
}

export class Diagnostic {
  source?: string;
  code?: string | number;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity,
  ) {}
}

/** A text document that can be read, never written. */
export interface FakeDocument {
  readonly uri: Uri;
  readonly version: number;
  readonly isDirty: boolean;
  readonly languageId: string;
  getText(): string;
}

export interface FakeLog {
  lines: string[];
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  trace(message: string): void;
  appendLine(message: string): void;
  show(): void;
  dispose(): void;
}

/** What a test sets before running client code, and reads afterwards. */
export const fake = {
  trusted: true,
  /** The endpoint as `inspect('endpoint')` reports it, scope by scope. */
  endpoint: {} as { globalValue?: string; workspaceValue?: string; workspaceFolderValue?: string },
  /** Other settings under `subscriberCsv.`, as `get()` answers them. */
  settings: {} as Record<string, unknown>,
  /** Settings as `inspect()` answers them, scope by scope, by full name (`subscriberCsv.filePatterns`). */
  inspected: {} as Record<string, { globalValue?: unknown; workspaceValue?: unknown; defaultValue?: unknown }>,
  /** Every `getConfiguration().update()` call: no client code may make one with a token. */
  configUpdates: [] as { section: string; key: string; value: unknown }[],
  /** Every message shown to the user (information, warning, error, progress). */
  shown: [] as string[],
  /** Every command executed through `vscode.commands`. */
  executed: [] as { command: string; args: unknown[] }[],
  /** Answers `showInputBox` gives (undefined: the user pressed Escape). */
  inputBoxAnswer: undefined as string | undefined,
  /** When set, the user presses Cancel on the progress notification this long after it appears. */
  cancelAfterMs: undefined as number | undefined,
  documents: new Map<string, FakeDocument>(),
  /** Diagnostics sets of the import's collection, by uri. */
  importDiagnostics: new Map<string, Diagnostic[]>(),
  reset(): void {
    this.trusted = true;
    this.endpoint = {};
    this.settings = {};
    this.inspected = {};
    this.configUpdates = [];
    this.shown = [];
    this.executed = [];
    this.inputBoxAnswer = undefined;
    this.cancelAfterMs = undefined;
    this.documents.clear();
    this.importDiagnostics.clear();
  },
};

export function createDocument(path: string, text: string, languageId = 'subscriber-csv'): FakeDocument {
  const document: FakeDocument = {
    uri: Uri.file(path),
    version: 1,
    isDirty: false,
    languageId,
    getText: () => text,
  };
  fake.documents.set(document.uri.toString(), document);
  return document;
}

export function createLog(): FakeLog {
  const lines: string[] = [];
  const record = (message: string) => void lines.push(message);
  return {
    lines,
    info: record,
    warn: record,
    error: record,
    debug: record,
    trace: record,
    appendLine: record,
    show: () => {},
    dispose: () => {},
  };
}

const configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
const textChanged = new EventEmitter<unknown>();
const textClosed = new EventEmitter<unknown>();
const diagnosticsChanged = new EventEmitter<{ uris: Uri[] }>();

export const workspace = {
  get isTrusted(): boolean {
    return fake.trusted;
  },
  getConfiguration(section = '') {
    return {
      inspect: (key: string) =>
        `${section}.${key}` === 'subscriberCsv.endpoint' ? { ...fake.endpoint } : fake.inspected[`${section}.${key}`],
      get: (key: string) => fake.settings[`${section}.${key}`],
      update: (key: string, value: unknown) => {
        fake.configUpdates.push({ section, key, value });
        return Promise.resolve();
      },
    };
  },
  openTextDocument: async (uri: Uri) => {
    const document = fake.documents.get(uri.toString());
    if (!document) throw new Error(`no such document: ${uri.toString()}`);
    return document;
  },
  asRelativePath: (uri: Uri) => uri.path.replace(/^\//, ''),
  onDidChangeConfiguration: configurationChanged.event,
  onDidGrantWorkspaceTrust: new EventEmitter<void>().event,
  onDidChangeTextDocument: textChanged.event,
  onDidCloseTextDocument: textClosed.event,
};

/** Records a message, and the detail of a modal one (the import's confirmation lists warnings there). */
const show = (message: string, ...rest: unknown[]) => {
  fake.shown.push(message);
  const detail = (rest[0] as { detail?: unknown } | undefined)?.detail;
  if (typeof detail === 'string') fake.shown.push(detail);
  return Promise.resolve(undefined);
};

export const window = {
  activeTextEditor: undefined,
  visibleTextEditors: [] as unknown[],
  showInformationMessage: show,
  showWarningMessage: show,
  showErrorMessage: show,
  showInputBox: (options: { prompt?: string; title?: string }) => {
    fake.shown.push(`${options.title ?? ''} ${options.prompt ?? ''}`);
    return Promise.resolve(fake.inputBoxAnswer);
  },
  withProgress: async <R>(
    options: { title?: string },
    task: (
      progress: { report(value: { message?: string }): void },
      token: { onCancellationRequested: (listener: () => void) => { dispose(): void } },
    ) => Promise<R>,
  ): Promise<R> => {
    fake.shown.push(options.title ?? '');
    const cancelled = new EventEmitter<void>();
    const timer = fake.cancelAfterMs === undefined ? undefined : setTimeout(() => cancelled.fire(), fake.cancelAfterMs);
    try {
      return await task(
        { report: (value) => void fake.shown.push(value.message ?? '') },
        { onCancellationRequested: (listener) => cancelled.event(listener) },
      );
    } finally {
      clearTimeout(timer);
    }
  },
  createOutputChannel: () => createLog(),
  showTextDocument: async () => undefined,
};

export const languages = {
  /** Every document here is a CSV file the server serves. */
  match: () => 10,
  getDiagnostics: () => [] as Diagnostic[],
  onDidChangeDiagnostics: diagnosticsChanged.event,
  createDiagnosticCollection: () => ({
    set: (uri: Uri, diagnostics: Diagnostic[]) => void fake.importDiagnostics.set(uri.toString(), diagnostics),
    delete: (uri: Uri) => void fake.importDiagnostics.delete(uri.toString()),
    dispose: () => {},
  }),
};

export const commands = {
  executeCommand: (command: string, ...args: unknown[]) => {
    fake.executed.push({ command, args });
    return Promise.resolve(undefined);
  },
  registerCommand: () => ({ dispose: () => {} }),
};

/** SecretStorage in memory, with every read counted: a refused import must not even read the token. */
export class FakeSecretStorage {
  readonly values = new Map<string, string>();
  reads = 0;
  private readonly changed = new EventEmitter<{ key: string }>();
  readonly onDidChange = this.changed.event;
  get(key: string): Promise<string | undefined> {
    this.reads++;
    return Promise.resolve(this.values.get(key));
  }
  store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.changed.fire({ key });
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    this.values.delete(key);
    this.changed.fire({ key });
    return Promise.resolve();
  }
}

/** Memento in memory (the extension's global state), readable whole for leak checks. */
export class FakeMemento {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    return Promise.resolve();
  }
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
}
