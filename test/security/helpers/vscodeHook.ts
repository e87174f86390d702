/**
 * Makes `require('vscode')` (and the language client's `State`) resolve to the fakes in this folder, so that the
 * extension's own modules run under node:test. Import this module before any module of `client/src`.
 */
import Module from 'node:module';
import { join } from 'node:path';

const FAKES: Record<string, string> = {
  vscode: join(__dirname, 'fakeVscode.ts'),
  'vscode-languageclient/node': join(__dirname, 'fakeLanguageClient.ts'),
};

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolver._resolveFilename;
moduleWithResolver._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return FAKES[request] ?? original.call(this, request, ...rest);
};
