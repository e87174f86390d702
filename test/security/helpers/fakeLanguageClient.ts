/**
 * Stands in for `vscode-languageclient/node`: its `State` enum (same values), and a client whose language server
 * answers `subscriberCsv/validateNow` with a verdict the test chooses, so that the import command reaches the upload,
 * and `subscriberCsv/importRows` as the real server does (server/src/importRows.ts on the rules library).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import { getLanguageService } from '@subscriber-csv/language-service';
import {
  ImportRowsRequest,
  type ImportRowsParams,
  type RowPlace,
  type ValidateNowParams,
  type ValidateNowResult,
} from '../../../common/protocol';
import { rowPlacesOf } from '../../../server/src/importRows';
import { secretValuesOf } from '../../import/helpers/sandbox';
import { Diagnostic, EventEmitter, fake, Range } from './fakeVscode';

export enum State {
  Stopped = 1,
  Running = 2,
  Starting = 3,
}

export interface FakeClient {
  state: State;
  notifications: unknown[];
  onDidChangeState: (listener: (event: { newState: State }) => void) => { dispose(): void };
  sendRequest(type: unknown, params: unknown): Promise<unknown>;
  sendNotification(type: unknown, params: unknown): Promise<void>;
  code2ProtocolConverter: { asUri(uri: { toString(): string }): string };
  protocol2CodeConverter: { asDiagnostics(diagnostics: LspDiagnostic[]): Promise<Diagnostic[]> };
}

/**
 * A running client whose server finds `users` users and publishes `published` (by default nothing) in every file,
 * and the PINs the real server would find in it.
 */
export function createFakeClient(users: number, published: LspDiagnostic[] = []): FakeClient {
  const stateChanged = new EventEmitter<{ newState: State }>();
  const notifications: unknown[] = [];
  const count = (severity: number) => published.filter((diagnostic) => diagnostic.severity === severity).length;
  return {
    state: State.Running,
    notifications,
    onDidChangeState: stateChanged.event,
    sendRequest: (type, given) => {
      if ((type as { method?: string }).method === ImportRowsRequest.method) {
        const { uri, version, rows } = given as ImportRowsParams;
        const document = fake.documents.get(uri);
        if (!document || document.version !== version) return Promise.resolve(null);
        const text = TextDocument.create(uri, 'subscriber-csv', version, document.getText());
        const places: (RowPlace | null)[] = rowPlacesOf(getLanguageService().parse(text), rows);
        return Promise.resolve(places);
      }
      const params = given as ValidateNowParams;
      return Promise.resolve({
        version: params.version,
        isSubscriberFile: true,
        errors: count(1),
        warnings: count(2),
        publishedErrors: count(1),
        publishedWarnings: count(2),
        users,
        locations: 0,
        otherRows: 0,
        ...(params.withDiagnostics ? { diagnostics: published } : {}),
        secretValues: secretValuesOf(fake.documents.get(params.uri)?.getText() ?? ''),
      } satisfies ValidateNowResult);
    },
    sendNotification: (_type, params) => {
      notifications.push(params);
      return Promise.resolve();
    },
    code2ProtocolConverter: { asUri: (uri) => uri.toString() },
    // LSP severities count from 1, the editor's from 0.
    protocol2CodeConverter: {
      asDiagnostics: (diagnostics) =>
        Promise.resolve(
          diagnostics.map(({ range: { start, end }, message, severity = 1 }) => {
            const diagnostic = new Diagnostic(
              new Range(start.line, start.character, end.line, end.character),
              message,
              severity - 1,
            );
            diagnostic.source = 'subscriber-csv';
            return diagnostic;
          }),
        ),
    },
  };
}
