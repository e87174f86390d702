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
import { SERVED_DOCUMENTS } from './documentSelector';
import { registerGettingStarted } from './gettingStarted';
import { registerImportFeatures } from './importFeatures';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SERVED_DOCUMENTS,
    synchronize: { configurationSection: CONFIG_SECTION },
    outputChannel: vscode.window.createOutputChannel('Subscriber CSV Language Server', { log: true }),
  };
  client = new LanguageClient('subscriberCsv', 'Subscriber CSV', serverOptions, clientOptions);
  // The extension's own log (imports, tenant data): counts, hosts and status codes, never a token or a cell value.
  const log = vscode.window.createOutputChannel('Subscriber CSV', { log: true });
  context.subscriptions.push(log);
  registerImportFeatures(context, client, log);
  registerGettingStarted(context);

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
