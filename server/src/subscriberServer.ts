/**
 * Wires LSP to the rules library: each handler is one call into the service, wrapped by `runSafe` together with the
 * lookup of the document's settings (computed once per configuration or tenant change, in `ServerSettings`).
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type ResponseError,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ChunkedTextDocuments,
  getLanguageService,
  MAX_PUBLISHED_DIAGNOSTICS,
  SEMANTIC_TOKENS_LEGEND,
  type ServiceSettings,
  type SubscriberDocument,
} from '@subscriber-csv/language-service';
import {
  CellEditRequest,
  CellInfoRequest,
  CONFIG_SECTION,
  FileEncodingNotification,
  FIX_ALL_KIND,
  FixAllRequest,
  ImportRowsRequest,
  KnownHoldersNotification,
  NewFileColumnsRequest,
  NewFileTextRequest,
  RowFormRequest,
  TenantDataNotification,
  ValidateNowRequest,
} from '../../common/protocol';
import { loadCatalogLinks, type CatalogLinks } from './catalogLinks';
import { wantsFixAll, wantsQuickFixes } from './codeActionKinds';
import type { MessageEncoder } from './messageEncoder';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { DocumentModels } from './documentModels';
import { readKnownHolders, rowPlacesOf } from './importRows';
import { verdictOf } from './importVerdict';
import { runSafe } from './runSafe';
import { ServerSettings } from './serverSettings';

/** `catalogPath`: the diagnostics catalog (`docs/diagnostics.md`) that ships with the server, for the codes' links. */
/**
 * Starts the server on `connection`. `encoder`, when the connection writes with one (stdio), lets the publisher
 * encode new diagnostics ahead, a slice at a time.
 */
export function startServer(connection: Connection, catalogPath: string, encoder?: MessageEncoder): void {
  const service = getLanguageService();
  // Read when first needed: the connection can only report a missing catalog once it listens.
  let catalog: CatalogLinks | undefined;
  const link = <T extends Diagnostic[]>(diagnostics: T): T =>
    (catalog ??= loadCatalogLinks(catalogPath, (message) => connection.console.warn(message))).addTo(diagnostics);
  // Documents keep their text in chunks of lines, so a keystroke in a large file does not rebuild all of it.
  const documents = new TextDocuments(ChunkedTextDocuments);
  const models = new DocumentModels(service);
  const settings = new ServerSettings(connection);
  const publisher = new DiagnosticsPublisher(
    connection,
    documents,
    async (document) => {
      const documentSettings = await settings.forDocument(document);
      return service.startValidation(models.get(document), documentSettings);
    },
    MAX_PUBLISHED_DIAGNOSTICS,
    link,
    encoder && ((diagnostic) => encoder.encodeAhead(diagnostic)),
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
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        documentSymbolProvider: { label: 'Subscriber CSV' },
        workspaceSymbolProvider: true,
        // Ranges only: an editor asks for what is on screen, so a 100,000-row file costs what its viewport costs.
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, range: true, full: false },
        inlayHintProvider: { resolveProvider: false },
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'subscriber-csv-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) {
      // For this section only: a change of any other extension's settings is no reason to check files again.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION });
    }
  });

  connection.onDidChangeConfiguration(() => {
    settings.configurationChanged();
    publisher.scheduleAll();
  });

  connection.onNotification(TenantDataNotification.type, (data: unknown) => {
    settings.setTenantData(data);
    publisher.scheduleAll();
  });

  connection.onNotification(FileEncodingNotification.type, (params: unknown) => {
    const { uri, encoding } = (params ?? {}) as Partial<Record<string, unknown>>;
    if (!settings.setEncoding(uri, encoding)) return;
    const document = documents.get(uri as string);
    if (document) publisher.schedule(document, 0);
  });

  connection.onNotification(KnownHoldersNotification.type, (params: unknown) => {
    const read = readKnownHolders(params);
    if (!read) return;
    settings.setKnownHolders(read.uri, read.holders);
    const document = documents.get(read.uri);
    if (document) publisher.schedule(document, 0);
  });

  documents.onDidOpen(({ document }) => publisher.schedule(document, 0));
  documents.onDidChangeContent(({ document }) => publisher.schedule(document));
  documents.onDidClose(({ document }) => {
    models.forget(document.uri);
    settings.forget(document.uri);
    publisher.clear(document.uri);
  });

  connection.onHover(({ textDocument, position }, token) =>
    runSafe(connection, 'hover', token, null, async () => {
      const document = documents.get(textDocument.uri);
      if (!document) return null;
      const documentSettings = await settings.forDocument(document);
      return service.doHover(models.get(document), position, documentSettings);
    }),
  );

  connection.onCompletion(({ textDocument, position }, token) =>
    runSafe(connection, 'completion', token, [], async () => {
      const document = documents.get(textDocument.uri);
      if (!document) return [];
      const documentSettings = await settings.forDocument(document);
      return service.doComplete(models.get(document), position, documentSettings);
    }),
  );

  connection.onCodeAction(({ textDocument, context }, token) =>
    withModel(textDocument.uri, 'codeAction', token, [], (model, documentSettings) => {
      const actions: CodeAction[] = wantsQuickFixes(context.only)
        ? service.getCodeActions(model, context.diagnostics)
        : [];
      if (wantsFixAll(context.only)) {
        const { edits, fixed } = service.getFixAllEdits(model, documentSettings);
        if (edits.length > 0) {
          actions.push({
            title: `Fix all auto-fixable problems (${fixed})`,
            kind: FIX_ALL_KIND,
            edit: { changes: { [textDocument.uri]: edits } },
          });
        }
      }
      return actions;
    }),
  );

  // Fix All and Save Clean Copy: every automatic fix of the version the client holds.
  connection.onRequest(FixAllRequest.type, ({ textDocument }, token) =>
    withModel(textDocument.uri, 'fixAll', token, null, (model, documentSettings, document) =>
      document.version === textDocument.version ? service.getFixAllEdits(model, documentSettings) : null,
    ),
  );

  // Before an import the client needs the verdict on the exact version it uploads: validate it now, publish it,
  // and answer with the counts and, when asked, the diagnostics published.
  connection.onRequest(ValidateNowRequest.type, ({ uri, withDiagnostics }, token) =>
    runSafe(connection, 'validateNow', token, null, async () => {
      const document = documents.get(uri);
      if (!document) return null;
      const documentSettings = await settings.forDocument(document);
      // Closed or reopened meanwhile: the client asks again about the document it now has.
      if (documents.get(uri) !== document) return null;
      const model = models.get(document);
      const diagnostics = service.doValidation(model, documentSettings);
      const published = link(service.limitDiagnostics(diagnostics));
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: published });
      const served = service.isServed(model, documentSettings);
      const verdict = verdictOf(model, document.version, diagnostics, published, served);
      return withDiagnostics === true ? { ...verdict, diagnostics: published } : verdict;
    }),
  );

  // --- Column-aware features: each handler is one service call on the document's model and settings.

  /** Runs `work` on an open document's model and settings inside `runSafe`; `fallback` when it is not open. */
  async function withModel<T>(
    uri: string,
    name: string,
    token: CancellationToken,
    fallback: T,
    work: (model: SubscriberDocument, documentSettings: ServiceSettings, document: TextDocument) => T,
  ): Promise<T | ResponseError<void>> {
    return runSafe(connection, name, token, fallback, async () => {
      const opened = documents.get(uri);
      if (!opened) return fallback;
      const documentSettings = await settings.forDocument(opened);
      // The document may have closed while the settings were read.
      const document = documents.get(uri);
      return document ? work(models.get(document), documentSettings, document) : fallback;
    });
  }

  connection.onDocumentSymbol(({ textDocument }, token) =>
    withModel(textDocument.uri, 'documentSymbol', token, [], (model, documentSettings) => {
      const symbols = service.findDocumentSymbols(model, documentSettings);
      // The rows' symbols are the same frozen objects from answer to answer: their bytes are kept.
      encoder?.keepPartsOf(symbols);
      return symbols;
    }),
  );

  connection.onWorkspaceSymbol(async ({ query }, token) => {
    const found = [];
    for (const document of documents.all()) {
      const symbols = await withModel(document.uri, 'workspaceSymbol', token, [], (model, documentSettings) =>
        service.findRowSymbols(model, query, documentSettings),
      );
      if (!Array.isArray(symbols)) return symbols;
      found.push(...symbols);
    }
    return found;
  });

  connection.languages.semanticTokens.onRange(({ textDocument, range }, token) =>
    withModel(textDocument.uri, 'semanticTokens', token, { data: [] }, (model, documentSettings) =>
      service.getSemanticTokens(model, documentSettings, range),
    ),
  );

  connection.languages.inlayHint.on(({ textDocument, range }, token) =>
    withModel(textDocument.uri, 'inlayHint', token, [], (model, documentSettings) =>
      service.getInlayHints(model, range, documentSettings),
    ),
  );

  connection.onFoldingRanges(({ textDocument }, token) =>
    withModel(textDocument.uri, 'foldingRange', token, [], (model, documentSettings) =>
      service.getFoldingRanges(model, documentSettings),
    ),
  );

  connection.onRequest(CellInfoRequest.type, ({ textDocument, position }, token) =>
    withModel(textDocument.uri, 'cellInfo', token, null, (model, documentSettings) =>
      service.getCellInfo(model, position, documentSettings),
    ),
  );

  connection.onRequest(RowFormRequest.type, ({ textDocument, position }, token) =>
    withModel(textDocument.uri, 'rowForm', token, null, (model, documentSettings) =>
      service.getRowForm(model, position, documentSettings),
    ),
  );

  // The edit is made for the version the form showed: on a newer text the row may no longer be where it was.
  connection.onRequest(CellEditRequest.type, ({ textDocument, row, field, value }, token) =>
    withModel(textDocument.uri, 'cellEdit', token, null, (model, _settings, document) =>
      document.version === textDocument.version ? service.getCellEdit(model, row, field, value) : null,
    ),
  );

  // The endpoint's answer is about the version uploaded: on a newer text its lines may hold other rows.
  connection.onRequest(ImportRowsRequest.type, ({ uri, version, rows }, token) =>
    withModel(uri, 'importRows', token, null, (model, _settings, document) =>
      document.version === version ? rowPlacesOf(model, rows) : null,
    ),
  );

  connection.onRequest(NewFileColumnsRequest.type, (token) =>
    runSafe(connection, 'newFileColumns', token, [], () => service.getNewFileColumns()),
  );

  connection.onRequest(NewFileTextRequest.type, ({ columns }, token) =>
    runSafe(connection, 'newFileText', token, '', () =>
      // Names come from the client: anything but a list of text means every column.
      service.getNewFileText(Array.isArray(columns) ? columns.filter((name) => typeof name === 'string') : 'all'),
    ),
  );

  documents.listen(connection);
  connection.listen();
}
