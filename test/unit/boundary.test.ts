/**
 * The rules library's boundary holds, and would catch a change that crossed it: lint fails on a deep import of the
 * library's internals from outside it and on an editor, connection or Node import inside it; the library's own
 * TypeScript project has no Node or DOM globals, so a planted use of one does not compile; and the extension
 * client's bundle carries the tenant vocabulary and the code list, never the rules, the column table or the catalog.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { CATALOG, COLUMNS } from '@subscriber-csv/language-service';

const ROOT = resolve(__dirname, '../..');

/** The rule ids lint reports for `code` as if it were the file at `path` (which need not exist). */
async function lintAs(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the library boundary in lint', () => {
  it('fails on a deep import of the library from an adapter, by path or by package', async () => {
    for (const [path, specifier] of [
      ['server/src/planted.ts', '../../language-service/src/model/header'],
      ['cli/src/planted.ts', '@subscriber-csv/language-service/src/columns'],
      ['client/src/import/planted.ts', '../../../language-service/src/catalog/diagnosticCatalog'],
      ['test/unit/planted.test.ts', '../../language-service/src/engine/checker'],
    ]) {
      const found = await lintAs(path, `import * as internal from '${specifier}';\nexport const planted = internal;\n`);
      assert.equal(found.length, 1, `${path} importing ${specifier}: ${found.join('; ')}`);
      assert.match(found[0], /^no-restricted-imports: .* import is restricted/);
    }
  });

  it('fails on an editor, connection or Node import inside the library', async () => {
    for (const specifier of ['vscode', 'vscode-languageserver/node', 'vscode-languageclient/node', 'node:fs', 'path']) {
      const found = await lintAs(
        'language-service/src/rules/planted.ts',
        `import * as outside from '${specifier}';\nexport const planted = outside;\n`,
      );
      assert.equal(found.length, 1, `${specifier}: ${found.join('; ')}`);
      assert.match(found[0], /^no-restricted-imports: /);
    }
  });

  it('accepts the entry point from an adapter and the LSP types inside the library', async () => {
    const entry =
      "import { getLanguageService } from '@subscriber-csv/language-service';\nexport const s = getLanguageService;\n";
    assert.deepEqual(await lintAs('server/src/planted.ts', entry), []);
    const types = "import type { Diagnostic } from 'vscode-languageserver-types';\nexport type D = Diagnostic;\n";
    assert.deepEqual(await lintAs('language-service/src/planted.ts', types), []);
  });
});

/** The errors the library's own TypeScript project gives for a planted file `language-service/src/planted.ts`. */
function compileInLibrary(code: string): string[] {
  const configPath = join(ROOT, 'language-service/tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  assert.ok(parsed, 'language-service/tsconfig.json does not parse');
  const planted = join(ROOT, 'language-service/src/planted.ts');
  const options = { ...parsed.options, noEmit: true, composite: false, emitDeclarationOnly: false };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (file) => (resolve(file) === planted ? code : readFile(file));
  host.fileExists = (file) => resolve(file) === planted || fileExists(file);
  const program = ts.createProgram({ rootNames: [planted], options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && resolve(diagnostic.file.fileName) === planted)
    .map((diagnostic) => `TS${diagnostic.code}`);
}

describe('the library boundary in TypeScript', () => {
  it('has no Node or DOM globals: planted uses of them do not compile', () => {
    assert.deepEqual(compileInLibrary('export const pid = process.pid;\n'), ['TS2591']);
    assert.deepEqual(compileInLibrary('export const decoder = new TextDecoder();\n'), ['TS2304']);
    assert.deepEqual(compileInLibrary('export const title = document.title;\n'), ['TS2584']);
    // An explicit import of 'vscode' would still find @types/vscode: lint refuses that one (above).
  });

  it('compiles the library’s own modules and the LSP types', () => {
    const code =
      "import type { Diagnostic } from 'vscode-languageserver-types';\nimport { COLUMNS } from './columns';\n" +
      'export const count: number = COLUMNS.length;\nexport type D = Diagnostic;\n';
    assert.deepEqual(compileInLibrary(code), []);
  });
});

describe('the extension client bundle', () => {
  it('carries the tenant vocabulary and the code list, not the rules, the column table or the catalog', () => {
    const bundle = join(ROOT, 'dist/client.js');
    assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` before these tests.`);
    const text = readFileSync(bundle, 'utf8');
    assert.ok(text.includes('readTenantData'), 'the client reads tenant data with the library’s reader');
    const carried = [
      ...COLUMNS.map((column) => column.help),
      ...Object.values(CATALOG).map((entry) => entry.title),
    ].filter((fact) => text.includes(fact));
    assert.deepEqual(carried, [], 'texts of the column table or the catalog in dist/client.js');
    for (const rule of ['scanRecord', 'splitCells', 'RecordChecker', 'checkValue', 'isPlausiblePhone']) {
      assert.ok(!text.includes(rule), `${rule} is in dist/client.js`);
    }
  });
});
