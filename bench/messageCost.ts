/**
 * What the protocol's messages cost by themselves, whatever the server does with them: the floor under the open
 * and keystroke figures, measured in this process on the same text and the same published list.
 *
 * - Opening a document sends its whole text as JSON: the editor encodes it (`JSON.stringify`, then UTF-8) and the
 *   server decodes it (UTF-8, then `JSON.parse`) before anything can be checked. At 100k rows that is a 14 MB
 *   message, and its cost comes on top of the full validation whatever the server does.
 * - Every keystroke ends with the editor decoding the publication of up to 1,001 diagnostics.
 * - Every outline request ends with the editor decoding the answer: up to 1,001 row symbols.
 */
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { median, timed } from './stats';
import { BENCH_URI } from './library';

export interface MessageCost {
  /** didOpen of the text: encoded by the editor and decoded by the server, median ms. */
  openMessageMs: number;
  /** One publication of the diagnostics published on open, decoded by the editor, median ms. */
  publishDecodeMs: number;
  publishBytes: number;
}

function medianOf(repeats: number, work: () => unknown): number {
  work();
  return median(Array.from({ length: repeats }, () => timed(work).ms));
}

export function measureMessageCost(text: string, published: Diagnostic[]): MessageCost {
  const open = {
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: BENCH_URI, languageId: 'subscriber-csv', version: 1, text } },
  };
  const openMessageMs = medianOf(3, () => JSON.parse(Buffer.from(JSON.stringify(open), 'utf8').toString('utf8')));
  const publication = Buffer.from(
    JSON.stringify({
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: BENCH_URI, version: 2, diagnostics: published },
    }),
    'utf8',
  );
  const publishDecodeMs = medianOf(21, () => JSON.parse(publication.toString('utf8')));
  return { openMessageMs, publishDecodeMs, publishBytes: publication.length };
}

/** An answer to a request (the outline's symbols), decoded by the editor: median ms, and its size. */
export function measureAnswerDecode(id: number, result: unknown): { decodeMs: number; bytes: number } {
  const answer = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, result }), 'utf8');
  return { decodeMs: medianOf(21, () => JSON.parse(answer.toString('utf8'))), bytes: answer.length };
}
