/**
 * Publishes diagnostics: at once when a document opens, shortly after the last keystroke while typing, never a
 * stale result for an older version, and an empty list when the document closes.
 *
 * Validation runs in slices of a few milliseconds with the event loop free in between, so that hovers and
 * completions are answered while a large file is checked. A change between slices ends the run (the model has
 * moved on; the change schedules a run of its own, which carries on where this one stopped).
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ValidationRun } from '@subscriber-csv/language-service';

/** Starts (or resumes) the validation of a document's current version. */
export type Validator = (document: TextDocument) => Promise<ValidationRun>;

const TYPING_DELAY_MS = 150;
/** How long one slice of validation may hold the event loop. */
const SLICE_MS = 4;
/** Records checked between looks at the clock. */
const ROWS_PER_LOOK = 128;

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, { cancel: () => void; version: number; due: number }>();
  /** How long to wait after a keystroke; the benchmark sets 0 (`initializationOptions.typingDelayMs`) to time the work. */
  typingDelayMs = TYPING_DELAY_MS;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly validator: Validator,
    /** The most diagnostics to publish for a file (the editor shows at most 1,000); the rest are summed up. */
    private readonly maxDiagnostics = Infinity,
    /** Gives each diagnostic its link to the catalog (`catalogLinks.ts`). */
    private readonly link: (diagnostics: Diagnostic[]) => Diagnostic[] = (diagnostics) => diagnostics,
  ) {}

  schedule(document: TextDocument, delay = this.typingDelayMs): void {
    const due = Date.now() + delay;
    const pending = this.pending.get(document.uri);
    // Never put off a run already due sooner for this same version: TextDocuments fires a content change right
    // after each open, which would otherwise turn the open's immediate run into a typing delay.
    if (pending && pending.version === document.version && pending.due <= due) return;
    this.cancel(document.uri);
    const run = () => {
      this.pending.delete(document.uri);
      void this.publish(document.uri);
    };
    // A timer waits at least a millisecond; with no delay, run as soon as the pending messages are handled.
    let cancel: () => void;
    if (delay > 0) {
      const timer = setTimeout(run, delay);
      cancel = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(run);
      cancel = () => clearImmediate(immediate);
    }
    this.pending.set(document.uri, { cancel, version: document.version, due });
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
    pending?.cancel();
    this.pending.delete(uri);
  }

  private async publish(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    // The document changed, closed or was reopened (a new document, maybe with the same version) while we
    // worked: a newer run will publish.
    const stale = () => this.documents.get(uri) !== document || document.version !== version;
    try {
      const run = await this.validator(document);
      for (;;) {
        if (stale() || !run.isCurrent) return;
        if (runSlice(run)) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const diagnostics = this.link(run.diagnostics(this.maxDiagnostics));
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      this.connection.console.error(
        `Validating ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
}

/** Checks records for about SLICE_MS; true when the run is complete. */
function runSlice(run: ValidationRun): boolean {
  const until = performance.now() + SLICE_MS;
  for (;;) {
    if (run.step(ROWS_PER_LOOK)) return true;
    if (performance.now() >= until) return false;
  }
}
