/**
 * Asks the server for every automatic fix of a document, for the version the editor holds now. The server answers
 * null while it has not caught up with that version (changes reach it after a short delay): then this waits for its
 * next publish, a few times, as the import's check does.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FixAllRequest, type FixAllResult } from '../../../common/protocol';
import { errorText } from '../documentCheck';
import { waitForEvent } from '../events';

const ATTEMPTS = 5;
const CATCH_UP_MS = 2000;

export interface DocumentFixes {
  /** The version the edits are for. */
  version: number;
  edits: vscode.TextEdit[];
  fixed: number;
}

export async function requestFixAll(
  client: LanguageClient,
  document: vscode.TextDocument,
  log: vscode.LogOutputChannel,
): Promise<DocumentFixes | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const version = document.version;
    let result: FixAllResult | null;
    try {
      result = await client.sendRequest(FixAllRequest.type, {
        textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri), version },
      });
    } catch (error) {
      log.error(`Asking the server for the fixes of ${document.uri.path.split('/').pop()} failed: ${errorText(error)}`);
      return undefined;
    }
    if (result && document.version === version) {
      const edits = await client.protocol2CodeConverter.asTextEdits(result.edits);
      if (document.version === version) return { version, edits: edits ?? [], fixed: result.fixed };
      continue;
    }
    await waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      (event) => event.uris.some((uri) => uri.toString() === document.uri.toString()),
      CATCH_UP_MS / ATTEMPTS,
    );
  }
  return undefined;
}
