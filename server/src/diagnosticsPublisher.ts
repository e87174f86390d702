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
/** Records checked (or diagnostics encoded) between looks at the clock. */
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
    /** Encodes a diagnostic ahead of its publication (`MessageEncoder.encodeAhead`), when the connection can. */
    private readonly encodeAhead?: (diagnostic: Diagnostic) => void,
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
        await nextTurn();
      }
      const diagnostics = this.link(run.diagnostics(this.maxDiagnostics));
      // After a full validation a thousand diagnostics are new, and encoding them takes a few milliseconds: that
      // is sliced too. After a keystroke nearly all were encoded before, and this costs a look-up each.
      const encodeAhead = this.encodeAhead;
      if (encodeAhead) {
        // Making the list took a few milliseconds: what arrived meanwhile is answered before encoding starts.
        await nextTurn();
        if (stale()) return;
        let at = 0;
        while (at < diagnostics.length) {
          const until = performance.now() + SLICE_MS;
          do {
            const end = Math.min(at + ROWS_PER_LOOK, diagnostics.length);
            for (; at < end; at++) encodeAhead(diagnostics[at]);
          } while (at < diagnostics.length && performance.now() < until);
          if (at < diagnostics.length) {
            await nextTurn();
            if (stale()) return;
          }
        }
      }
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      this.connection.console.error(
        `Validating ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
}

/**
 * How many turns of the event loop are given between slices. A request that arrives during a slice takes three
 * hops through vscode-jsonrpc, each an immediate queued behind whatever is queued already (the reader's lock, the
 * message queue, the writer's lock); with one turn it would wait for a slice at each hop. With four, it is read,
 * handled and answered before the next slice, so a hover waits for the rest of one slice only. A turn with nothing
 * to do costs a few microseconds.
 */
const TURNS_BETWEEN_SLICES = 4;

function nextTurn(turns = TURNS_BETWEEN_SLICES): Promise<void> {
  return new Promise((resolve) => {
    const turn = (left: number) => setImmediate(() => (left > 1 ? turn(left - 1) : resolve()));
    turn(turns);
  });
}

/** Checks records for about SLICE_MS; true when the run is complete. */
function runSlice(run: ValidationRun): boolean {
  const until = performance.now() + SLICE_MS;
  for (;;) {
    if (run.step(ROWS_PER_LOOK)) return true;
    if (performance.now() >= until) return false;
  }
}
