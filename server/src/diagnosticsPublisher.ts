/**
 * Publishes diagnostics: at once when a document opens, shortly after the last keystroke while typing, never a
 * stale result for an older version, and an empty list when the document closes.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export type Validator = (document: TextDocument) => Promise<Diagnostic[]>;

const TYPING_DELAY_MS = 150;

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; version: number; due: number }>();
  /** How long to wait after a keystroke; the benchmark sets 0 (`initializationOptions.typingDelayMs`) to time the work. */
  typingDelayMs = TYPING_DELAY_MS;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly validator: Validator,
  ) {}

  schedule(document: TextDocument, delay = this.typingDelayMs): void {
    const due = Date.now() + delay;
    const pending = this.pending.get(document.uri);
    // Never put off a run already due sooner for this same version: TextDocuments fires a content change right
    // after each open, which would otherwise turn the open's immediate run into a typing delay.
    if (pending && pending.version === document.version && pending.due <= due) return;
    this.cancel(document.uri);
    const timer = setTimeout(() => {
      this.pending.delete(document.uri);
      void this.publish(document.uri);
    }, delay);
    this.pending.set(document.uri, { timer, version: document.version, due });
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private cancel(uri: string): void {
    const pending = this.pending.get(uri);
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(uri);
  }

  private async publish(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      const diagnostics = await this.validator(document);
      const current = this.documents.get(uri);
      // The document changed, closed or was reopened (a new document, maybe with the same version) while we
      // worked: a newer run will publish.
      if (current !== document || current.version !== version) return;
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      this.connection.console.error(
        `Validating ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
}
