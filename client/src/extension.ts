/**
 * The extension's entry point: starts the language server and registers the editor commands.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CONFIG_SECTION, SUBSCRIBER_LANGUAGE_ID } from '../../common/protocol';
import { ColumnHints } from './columns/columnHints';
import { registerColumnFeatures } from './columns/columnFeatures';
import { SERVED_DOCUMENTS } from './documentSelector';
import { restrictedKeys } from './import/trustedValues';
import { registerGettingStarted } from './gettingStarted';
import { registerFixFeatures } from './fixes/fixFeatures';
import { registerImportFeatures } from './importFeatures';
import { rereadOnTrust, trustedConfigurationMiddleware } from './restrictedSettings';
import { traceChannel } from './traceChannel';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // stdio rather than IPC: on stdio the server encodes each published diagnostic once (server/src/messageEncoder.ts),
  // where Node's IPC channel would serialise all 1,000 of a large file's again after every keystroke.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const columnHints = new ColumnHints();
  const outputChannel = vscode.window.createOutputChannel('Subscriber CSV Language Server', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: SERVED_DOCUMENTS,
    // The server registers for changes of its section and reads the configuration itself (pull model), through the
    // middleware that keeps an untrusted workspace's values of the restricted settings from it.
    middleware: {
      ...columnHints.middleware,
      workspace: trustedConfigurationMiddleware(restrictedKeys(context.extension.packageJSON, CONFIG_SECTION)),
    },
    outputChannel,
    // `subscriberCsv.trace.server` names each message there, never its content (the document's text).
    traceOutputChannel: traceChannel(outputChannel),
  };
  client = new LanguageClient('subscriberCsv', 'Subscriber CSV', serverOptions, clientOptions);
  context.subscriptions.push(rereadOnTrust(client));
  // The extension's own log (imports, tenant data): counts, hosts and status codes, never a token or a cell value.
  const log = vscode.window.createOutputChannel('Subscriber CSV', { log: true });
  context.subscriptions.push(log);
  registerImportFeatures(context, client, log);
  registerFixFeatures(context, client, log);
  registerColumnFeatures(context, client, columnHints);
  registerGettingStarted(context, client);

  context.subscriptions.push(
    vscode.commands.registerCommand('subscriberCsv.useSubscriberLanguage', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Open a CSV file first, then mark it as a subscriber file.');
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, SUBSCRIBER_LANGUAGE_ID);
    }),
  );

  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
