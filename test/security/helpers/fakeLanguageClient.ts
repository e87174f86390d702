/**
 * Stands in for `vscode-languageclient/node`: its `State` enum (same values), and a client whose language server
 * answers `subscriberCsv/validateNow` with a verdict the test chooses, so that the import command reaches the upload.
 */
import type { ValidateNowResult } from '../../../common/protocol';
import { secretValuesOf } from '../../import/helpers/sandbox';
import { EventEmitter, fake } from './fakeVscode';

export enum State {
  Stopped = 1,
  Running = 2,
  Starting = 3,
}

export interface FakeClient {
  state: State;
  notifications: unknown[];
  onDidChangeState: (listener: (event: { newState: State }) => void) => { dispose(): void };
  sendRequest(type: unknown, params: { uri: string; version: number }): Promise<ValidateNowResult>;
  sendNotification(type: unknown, params: unknown): Promise<void>;
  code2ProtocolConverter: { asUri(uri: { toString(): string }): string };
}

/**
 * A running client whose server finds `users` users, no errors and no warnings in every document, and the PINs the
 * real server would find in it.
 */
export function createFakeClient(users: number): FakeClient {
  const stateChanged = new EventEmitter<{ newState: State }>();
  const notifications: unknown[] = [];
  return {
    state: State.Running,
    notifications,
    onDidChangeState: stateChanged.event,
    sendRequest: (_type, params) =>
      Promise.resolve({
        version: params.version,
        isSubscriberFile: true,
        errors: 0,
        warnings: 0,
        publishedErrors: 0,
        publishedWarnings: 0,
        users,
        locations: 0,
        otherRows: 0,
        secretValues: secretValuesOf(fake.documents.get(params.uri)?.getText() ?? ''),
      }),
    sendNotification: (_type, params) => {
      notifications.push(params);
      return Promise.resolve();
    },
    code2ProtocolConverter: { asUri: (uri) => uri.toString() },
  };
}
