/**
 * Registers what fixes a file in one step: Fix All, Save Clean Copy for the Import Page, and the encoding commands
 * with their quick fixes (Reopen with Windows-1252, Save as UTF-8). Everything it creates is disposed with the
 * extension.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVED_DOCUMENTS } from '../documentSelector';
import {
  EncodingActions,
  REOPEN_COMMAND,
  reopenWithEncoding,
  SAVE_AS_UTF8_COMMAND,
  saveAsUtf8,
} from '../encoding/encodingActions';
import { FileEncodings } from '../encoding/fileEncodings';
import { saveCleanCopyCommand, type CleanCopyOptions } from './cleanCopyCommand';
import { fixAllCommand } from './fixAllCommand';

export function registerFixFeatures(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  log: vscode.LogOutputChannel,
): FileEncodings {
  const inTests = context.extensionMode === vscode.ExtensionMode.Test;
  const encodings = new FileEncodings(client, log);
  context.subscriptions.push(
    encodings,
    vscode.languages.registerCodeActionsProvider(SERVED_DOCUMENTS, new EncodingActions(encodings), {
      providedCodeActionKinds: EncodingActions.kinds,
    }),
    vscode.commands.registerCommand('subscriberCsv.fixAll', (argument?: unknown) =>
      fixAllCommand(client, log, argument),
    ),
    vscode.commands.registerCommand('subscriberCsv.saveCleanCopy', (argument?: unknown, options?: CleanCopyOptions) =>
      saveCleanCopyCommand(client, log, inTests, argument, options),
    ),
    vscode.commands.registerCommand(REOPEN_COMMAND, (uri?: unknown, encoding?: unknown) =>
      reopenWithEncoding(encodings, uri, encoding),
    ),
    vscode.commands.registerCommand(SAVE_AS_UTF8_COMMAND, (uri?: unknown) => saveAsUtf8(encodings, uri)),
  );
  return encodings;
}
