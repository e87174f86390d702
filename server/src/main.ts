/**
 * The language server's entry point: set-up only. Creates the connection (stdio from the extension, the tests and
 * other editors; IPC or a socket when started so), routes console output to the client's log, and starts the server.
 */
import { join } from 'node:path';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { MessageEncoder } from './messageEncoder';
import { startServer } from './subscriberServer';

// On stdio the server writes with its own encoder (`messageEncoder.ts`: each published diagnostic encoded once).
const encoder = process.argv.includes('--stdio') ? new MessageEncoder() : undefined;
const connection = encoder
  ? createConnection(
      ProposedFeatures.all,
      new StreamMessageReader(process.stdin),
      new StreamMessageWriter(process.stdout, { contentTypeEncoder: encoder }),
    )
  : createConnection(ProposedFeatures.all);
if (encoder) {
  // What the connection does for stdio it opens itself: when the client goes away, so does the server (with 0
  // only after a shutdown request, as the protocol has it).
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
  });
  process.stdin.on('close', () => process.exit(shutDown ? 0 : 1));
  process.stdin.on('end', () => process.exit(shutDown ? 0 : 1));
}

// Nothing may write to stdout but the connection: console output goes to the client's log.
console.log = connection.console.log.bind(connection.console);
console.info = connection.console.info.bind(connection.console);
console.warn = connection.console.warn.bind(connection.console);
console.error = connection.console.error.bind(connection.console);

process.on('unhandledRejection', (reason) => {
  connection.console.error(
    `Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
  );
});

// This file is bundled into dist/server.js; the catalog ships in docs/ beside dist/, in the VSIX as in the repository.
startServer(connection, join(__dirname, '..', 'docs', 'diagnostics.md'), encoder);
