/**
 * The language server's entry point: set-up only. Creates the connection (IPC from the extension,
 * stdio for tests and other editors), routes console output to the client's log, and starts the server.
 */
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './subscriberServer';

const connection = createConnection(ProposedFeatures.all);

console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);

process.on('unhandledRejection', (reason) => {
  connection.console.error(
    `Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
  );
});

// This file is bundled into dist/server.js; the catalog ships in docs/ beside dist/, in the VSIX as in the repository.
startServer(connection, join(__dirname, '..', 'docs', 'diagnostics.md'));
