/**
 * The encoding each served document's file is saved in, read from its first bytes on disk (the editor gives
 * extensions text, and VS Code 1.82 has no API that says which encoding it read a file with). Read when a document
 * opens and after each save, kept for the encoding code actions, and told to the server, which reports anything but
 * UTF-8 once (`file-encoding`).
 */
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { FileEncoding } from '@subscriber-csv/language-service';
import { DETECTION_BYTES, detectEncoding, type DetectedEncoding } from '../../../common/fileEncoding';
import { FileEncodingNotification } from '../../../common/protocol';
import { SERVED_DOCUMENTS } from '../documentSelector';
import { errorText } from '../documentCheck';

export class FileEncodings implements vscode.Disposable {
  private readonly known = new Map<string, DetectedEncoding>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's encoding has been read again (tests and commands wait on it). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => void this.refresh(document)),
      vscode.workspace.onDidSaveTextDocument((document) => void this.refresh(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.known.delete(document.uri.toString())),
      // The server forgets what it was told when it restarts, and hears nothing before it runs.
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) for (const [uri, detected] of this.known) void this.send(uri, detected);
      }),
      this.changed,
    );
    for (const document of vscode.workspace.textDocuments) void this.refresh(document);
  }

  /** The encoding of the document's file as last read; undefined when not known (not on disk, or not served). */
  get(uri: vscode.Uri): DetectedEncoding | undefined {
    return this.known.get(uri.toString());
  }

  /** Reads the encoding of a served document's file again, and tells the server when it changed. */
  async refresh(document: vscode.TextDocument): Promise<DetectedEncoding | undefined> {
    if (document.uri.scheme !== 'file' || vscode.languages.match(SERVED_DOCUMENTS, document) === 0) return undefined;
    const key = document.uri.toString();
    const detected = await readEncoding(document.uri.fsPath, this.log);
    const before = this.known.get(key);
    if (detected) this.known.set(key, detected);
    else this.known.delete(key);
    if (before?.encoding !== detected?.encoding || before?.bom !== detected?.bom) {
      await this.send(key, detected);
    }
    this.changed.fire(document.uri);
    return detected;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async send(uri: string, detected: DetectedEncoding | undefined): Promise<void> {
    if (this.client.state !== State.Running) return;
    const encoding: FileEncoding | null = detected?.encoding ?? null;
    try {
      await this.client.sendNotification(FileEncodingNotification.type, { uri, encoding });
    } catch (error) {
      this.log.error(`Telling the server a file's encoding failed: ${errorText(error)}`);
    }
  }
}

/** The encoding of the file at `path`, from its first bytes; undefined when it cannot be read. */
async function readEncoding(path: string, log: vscode.LogOutputChannel): Promise<DetectedEncoding | undefined> {
  try {
    const file = await open(path, 'r');
    try {
      const bytes = Buffer.alloc(DETECTION_BYTES);
      let filled = 0;
      for (;;) {
        const { bytesRead } = await file.read(bytes, filled, bytes.length - filled, null);
        if (bytesRead === 0 || (filled += bytesRead) === bytes.length) break;
      }
      return detectEncoding(bytes.subarray(0, filled));
    } finally {
      await file.close();
    }
  } catch (error) {
    log.warn(`Could not read the start of a file to tell its encoding: ${errorText(error)}`);
    return undefined;
  }
}
