/**
 * Wraps every request handler so that one failing request never takes the server down: the error is logged
 * with its stack and the handler's fallback value is returned. A cancelled request returns `RequestCancelled`.
 * The work may wait (for the document's settings, say): what it waits for fails the same safe way.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';

export async function runSafe<T>(
  connection: Connection,
  name: string,
  token: CancellationToken,
  fallback: T,
  work: () => T | Promise<T>,
): Promise<T | ResponseError<void>> {
  if (token.isCancellationRequested) return cancelled();
  try {
    const result = await work();
    return token.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    connection.console.error(
      `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return fallback;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}
