/**
 * `subscriberCsv.trace.server` never puts a message's content in a log (client/src/traceChannel.ts). The trace is
 * written the way the real client writes it: a real JSON-RPC connection traces a document's opening and a hover
 * through vscode-languageclient's own trace writers (`logTrace`, `logObjectTrace`) into the channel, at every level
 * and in both formats. Without the channel (the client's default) the same trace holds the PIN and the names.
 */
import * as assert from 'node:assert/strict';
import Module from 'node:module';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  Trace,
  TraceFormat,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { traceChannel } from '../../client/src/traceChannel';

// vscode-languageclient needs `vscode` to load; its trace writers use none of it.
const stub: unknown = new Proxy(class {}, {
  get: (target, key) => (key === 'prototype' ? (target as { prototype: unknown }).prototype : stub),
});
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = loader._load;
loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'vscode' ? stub : load.call(this, request, ...rest);
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BaseLanguageClient } = require('vscode-languageclient/lib/common/client.js') as {
  BaseLanguageClient: {
    prototype: Record<'logTrace' | 'logObjectTrace' | 'data2String', (...args: unknown[]) => void>;
  };
};

const PIN = '318274';
const NAMES = ['Quillon', 'Vasquez-Ortiz'];
const TEXT = `Type,FirstName,LastName,Extension,PIN\nUser,${NAMES[0]},${NAMES[1]},4000,${PIN}\n`;

/** Traces one open and one hover between a client and a server connected in memory; returns what was written. */
async function traceSession(
  trace: Trace,
  traceFormat: TraceFormat,
  wrap: (target: { appendLine(value: string): void; show(): void; hide(): void }) => unknown,
): Promise<string[]> {
  const lines: string[] = [];
  let pending = '';
  const target = {
    append: (value: string) => void (pending += value),
    appendLine: (value: string) => {
      lines.push(pending + value);
      pending = '';
    },
    show: () => {},
    hide: () => {},
  };
  // What the language client's `this` is to its trace writers: the channel, and its data2String.
  const client = { traceOutputChannel: wrap(target), data2String: BaseLanguageClient.prototype.data2String };
  const tracer = {
    log: (message: unknown, data?: unknown) =>
      typeof message === 'string'
        ? BaseLanguageClient.prototype.logTrace.call(client, message, data)
        : BaseLanguageClient.prototype.logObjectTrace.call(client, message),
  };
  const [toServer, toClient] = [new PassThrough(), new PassThrough()];
  const server: MessageConnection = createMessageConnection(
    new StreamMessageReader(toServer),
    new StreamMessageWriter(toClient),
  );
  const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  let opened: () => void = () => {};
  const didOpen = new Promise<void>((resolve) => (opened = resolve));
  server.onNotification('textDocument/didOpen', () => opened());
  server.onRequest('textDocument/hover', () => ({ contents: `**LastName**: ${NAMES[1]}, PIN ${PIN}` }));
  server.listen();
  connection.listen();
  await connection.trace(trace, tracer, { sendNotification: false, traceFormat });
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: 'file:///work/team.subscribers.csv', languageId: 'subscriber-csv', version: 1, text: TEXT },
  });
  await didOpen;
  await connection.sendRequest('textDocument/hover', {
    textDocument: { uri: 'file:///work/team.subscribers.csv' },
    position: { line: 1, character: 10 },
  });
  connection.dispose();
  server.dispose();
  return lines;
}

const SESSIONS: [string, Trace, TraceFormat][] = [
  ['verbose, text', Trace.Verbose, TraceFormat.Text],
  ['compact, text', Trace.Compact, TraceFormat.Text],
  ['messages, text', Trace.Messages, TraceFormat.Text],
  ['messages, JSON', Trace.Messages, TraceFormat.JSON],
  ['verbose, JSON', Trace.Verbose, TraceFormat.JSON],
];

describe('the trace channel', () => {
  it('names each message at every level and in both formats, and never writes its content', async () => {
    for (const [name, trace, format] of SESSIONS) {
      const lines = await traceSession(trace, format, traceChannel);
      const said = lines.join('\n');
      assert.match(said, /textDocument\/didOpen/, `${name}: the open is traced`);
      assert.match(said, /textDocument\/hover/, `${name}: the hover is traced`);
      for (const secret of [PIN, ...NAMES]) assert.ok(!said.includes(secret), `${name}: ${secret} in\n${said}`);
    }
  });

  it("without it, the client's own trace holds the document's text (what the channel is for)", async () => {
    const lines = await traceSession(Trace.Verbose, TraceFormat.Text, (target) => target);
    assert.ok(lines.join('\n').includes(PIN));
  });
});
