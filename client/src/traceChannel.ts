/**
 * The language client's trace output (`subscriberCsv.trace.server`), without the content of the messages. Traced
 * `verbose`, or in JSON format at any level, the client writes every message whole: the document's text when it
 * opens and at every change, PINs included, and hovers and diagnostics that quote cells. This channel keeps the line
 * that names each message (direction, method, id, timing) and drops its content, whatever the level, so that no log
 * line holds the document's text even when someone turns tracing up.
 *
 * It relies on how vscode-languageclient writes a trace: a header line `[Trace - time] …` followed by a separate
 * line of content, or (JSON format) `append('[LSP   - time] ')` followed by one line of JSON.
 */
import type * as vscode from 'vscode';

const HEADER = /^\[(?:Trace |LSP {3})- [^\]]*\] /;

export function traceChannel(target: Pick<vscode.OutputChannel, 'appendLine' | 'show' | 'hide'>): vscode.OutputChannel {
  /** The prefix of a JSON trace entry, waiting for its line. */
  let prefix: string | undefined;
  return {
    name: 'Subscriber CSV Language Server Trace',
    append(value: string): void {
      prefix = HEADER.test(value) ? value : undefined;
    },
    appendLine(value: string): void {
      if (prefix !== undefined) {
        target.appendLine(prefix + summaryOf(value));
        prefix = undefined;
      } else if (HEADER.test(value)) {
        target.appendLine(value);
      }
      // Anything else is a message's content ("Params: …", "Result: …"): never written.
    },
    replace(): void {},
    clear(): void {},
    show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
      if (typeof columnOrPreserveFocus === 'boolean') target.show(columnOrPreserveFocus);
      else target.show(preserveFocus);
    },
    hide(): void {
      target.hide();
    },
    dispose(): void {},
  };
}

/** A JSON trace entry reduced to its kind, method and id. */
function summaryOf(json: string): string {
  try {
    const entry = JSON.parse(json) as { type?: unknown; message?: { method?: unknown; id?: unknown } };
    const parts = [entry.type, entry.message?.method, entry.message?.id].filter(
      (part) => typeof part === 'string' || typeof part === 'number',
    );
    return `${parts.join(' ')} (content not logged)`;
  } catch {
    return '(content not logged)';
  }
}
