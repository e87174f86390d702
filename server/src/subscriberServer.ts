/**
 * Wires LSP to the rules library: each handler is one call into the service, wrapped by `runSafe`.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TenantDataNotification, ValidateNowRequest } from '../../common/protocol';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { DocumentModels } from './documentModels';
import { DocumentSettings } from './documentSettings';
import { verdictOf } from './importVerdict';
import { runSafe } from './runSafe';
import { ChunkedTextDocuments, getLanguageService, MAX_PUBLISHED_DIAGNOSTICS } from '@subscriber-csv/language-service';

export function startServer(connection: Connection): void {
  const service = getLanguageService();
  // Documents keep their text in chunks of lines, so a keystroke in a large file does not rebuild all of it.
  const documents = new TextDocuments(ChunkedTextDocuments);
  const models = new DocumentModels(service);
  const settings = new DocumentSettings(connection);
  const publisher = new DiagnosticsPublisher(
    connection,
    documents,
    async (document) => {
      const documentSettings = await settings.get(document);
      return service.startValidation(models.get(document), documentSettings);
    },
    MAX_PUBLISHED_DIAGNOSTICS,
  );
  let canRegisterConfigurationChange = false;

  connection.onInitialize((params): InitializeResult => {
    const workspace = params.capabilities.workspace;
    settings.setCanAskForConfiguration(workspace?.configuration === true);
    canRegisterConfigurationChange = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const typingDelayMs: unknown = params.initializationOptions?.typingDelayMs;
    if (typeof typingDelayMs === 'number' && typingDelayMs >= 0) publisher.typingDelayMs = typingDelayMs;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [','], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'subscriber-csv-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    }
  });

  connection.onDidChangeConfiguration(() => {
    settings.reset();
    publisher.scheduleAll();
  });

  connection.onNotification(TenantDataNotification.type, (data) => {
    settings.setTenantData(data);
    publisher.scheduleAll();
  });

  documents.onDidOpen(({ document }) => publisher.schedule(document, 0));
  documents.onDidChangeContent(({ document }) => publisher.schedule(document));
  documents.onDidClose(({ document }) => {
    models.forget(document.uri);
    settings.forget(document.uri);
    publisher.clear(document.uri);
  });

  connection.onHover(async ({ textDocument, position }, token) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const documentSettings = await settings.get(document);
    return runSafe(connection, 'hover', token, null, () =>
      service.doHover(models.get(document), position, documentSettings),
    );
  });

  connection.onCompletion(async ({ textDocument, position }, token) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const documentSettings = await settings.get(document);
    return runSafe(connection, 'completion', token, [], () =>
      service.doComplete(models.get(document), position, documentSettings),
    );
  });

  connection.onCodeAction(({ textDocument, context }, token) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    return runSafe(connection, 'codeAction', token, [], () =>
      service.getCodeActions(models.get(document), context.diagnostics),
    );
  });

  // Before an import the client needs the verdict on the exact version it uploads: validate it now, publish it,
  // and answer with the counts (the client then waits until the editor shows the same counts).
  connection.onRequest(ValidateNowRequest.type, async ({ uri }, token) => {
    const opened = documents.get(uri);
    if (!opened) return null;
    const documentSettings = await settings.get(opened);
    return runSafe(connection, 'validateNow', token, null, () => {
      const document = documents.get(uri);
      if (!document) return null;
      const model = models.get(document);
      const diagnostics = service.doValidation(model, documentSettings);
      const published = service.limitDiagnostics(diagnostics);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: published });
      return verdictOf(model, document.version, diagnostics, published, service.isServed(model, documentSettings));
    });
  });

  documents.listen(connection);
  connection.listen();
}
