/**
 * Promises checked on the code itself, with the TypeScript parser (not text search, so formatting cannot hide a
 * call): the manifest gives the endpoint and the trace application scope, restricts the workspace's file patterns
 * and tenant lists, and has no setting for a secret; the language client traces through the channel that drops
 * message content; the extension writes no
 * setting, keeps nothing but the tenant cache in global state and nothing but the import history and each file's
 * imported rows in workspace state; only the token store writes the secret; no log
 * line or printed line interpolates the token, a PIN or the document's text; the import path never writes the
 * document or a file, and in the client only the row form (the user's own change, as one workspace edit) and the fix
 * commands the user runs (Fix All, Save Clean Copy, Reopen with an encoding, Save as UTF-8) do, each call pinned.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const CLIENT = sourceFiles('client/src');
/**
 * What writes on purpose, when the user asks: Fix All and Save Clean Copy, and the encoding commands (the file read
 * again in its own encoding, or written as UTF-8). Their writes are pinned one by one below; none is on the import
 * path, nor imported by it.
 */
const FIX_FEATURES = CLIENT.filter((path) => /^client\/src\/(fixes|encoding)\//.test(path));
const IMPORT_PATH = [
  ...CLIENT.filter((path) => !FIX_FEATURES.includes(path)),
  ...sourceFiles('common/importClient'),
  'cli/src/importCommand.ts',
  'cli/src/importArgs.ts',
  'cli/src/importReport.ts',
];
/** Where log lines are written: the client, the import path, and the language server's adapter (not the pure library). */
const LOGGING = [
  ...IMPORT_PATH,
  ...FIX_FEATURES,
  ...sourceFiles('server/src').filter((path) => !path.startsWith('server/src/service/')),
];

/** Every call expression of a file, with its callee's text and the file and line it is on. */
function callsIn(path: string): { callee: string; node: ts.CallExpression; where: string }[] {
  const source = ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.ES2022, true);
  const calls: { callee: string; node: ts.CallExpression; where: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      calls.push({ callee: node.expression.getText(), node, where: `${path}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

/** Names that hold the token, a PIN or the document's text wherever the import path handles them. */
const SECRET_NAMES = /^(token|pin|pins|text|entered|given|secret|stored)$/i;

/** The expressions a call's arguments interpolate directly: whole arguments, `${...}` spans, operands of `+`. */
function interpolated(argument: ts.Expression): ts.Expression[] {
  if (ts.isTemplateExpression(argument)) return argument.templateSpans.flatMap((span) => interpolated(span.expression));
  if (ts.isBinaryExpression(argument) && argument.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return [...interpolated(argument.left), ...interpolated(argument.right)];
  }
  if (ts.isParenthesizedExpression(argument)) return interpolated(argument.expression);
  return [argument];
}

function namesASecret(expression: ts.Expression): boolean {
  if (ts.isIdentifier(expression)) return SECRET_NAMES.test(expression.text);
  if (ts.isPropertyAccessExpression(expression)) return SECRET_NAMES.test(expression.name.text);
  if (ts.isCallExpression(expression)) return /\.getText$/.test(expression.expression.getText());
  return false;
}

test('the manifest: the endpoint and the trace have application scope, no setting holds a secret, restricted mode is declared', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] } };
  };
  const properties = manifest.contributes.configuration.properties;
  assert.ok(['application', 'machine'].includes(properties['subscriberCsv.endpoint'].scope ?? 'window'));
  // Undeclared, a workspace could set it to verbose and copy whole documents into a log.
  assert.equal(properties['subscriberCsv.trace.server']?.scope, 'application');
  const secretLike = Object.keys(properties).filter((name) =>
    /token|secret|password|credential|apikey|pin$/i.test(name),
  );
  assert.deepEqual(secretLike, [], 'no setting for a token, a password or a PIN');
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.deepEqual(untrusted.restrictedConfigurations?.sort(), [
    'subscriberCsv.filePatterns',
    'subscriberCsv.import.retries',
    'subscriberCsv.import.timeoutSeconds',
    'subscriberCsv.tenant.callProfiles',
    'subscriberCsv.tenant.extensionsInUse',
    'subscriberCsv.tenant.holdAnnouncements',
    'subscriberCsv.tenant.keyProfiles',
    'subscriberCsv.tenant.siteZones',
  ]);
});

test('the language client traces through the channel that drops content, and filters the configuration', () => {
  const path = 'client/src/extension.ts';
  const source = ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.ES2022, true);
  const options: Record<string, string> = {};
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'clientOptions' && node.initializer) {
      const literal = node.initializer;
      if (ts.isObjectLiteralExpression(literal)) {
        for (const property of literal.properties) {
          if (ts.isPropertyAssignment(property)) options[property.name.getText()] = property.initializer.getText();
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  assert.match(options.traceOutputChannel ?? '', /^traceChannel\(/);
  assert.match(options.middleware ?? '', /workspace: trustedConfigurationMiddleware\(/);
  assert.equal(options.synchronize, undefined, 'changes are announced by the server registration, without values');
});

test('the extension writes no setting; global state gets the tenant cache, workspace state the import history and imported rows', () => {
  const updates = CLIENT.flatMap(callsIn).filter(({ callee }) => /\.update$/.test(callee));
  assert.ok(updates.length >= 3, 'the check sees the calls there are');
  const allowed: Record<string, string[]> = {
    globalState: ['TENANT_CACHE_KEY'],
    workspaceState: ['IMPORT_HISTORY_KEY', 'OWN_ROWS_KEY'],
  };
  for (const { callee, node, where } of updates) {
    const state = /(?:^|\.)(globalState|workspaceState)\.update$/.exec(callee)?.[1];
    assert.ok(state, `${where}: ${node.getText()}`);
    assert.ok(allowed[state].includes(node.arguments[0]?.getText() ?? ''), `${where}: ${node.getText()}`);
  }
  const configurationWrites = IMPORT_PATH.flatMap(callsIn).filter(({ node }) =>
    /getConfiguration\([^)]*\)\s*\.\s*update/.test(node.getText()),
  );
  assert.deepEqual(
    configurationWrites.map((call) => call.where),
    [],
  );
});

test('only the token store writes the secret, and it writes it with its origin', () => {
  const stores = IMPORT_PATH.flatMap(callsIn).filter(({ callee }) => /secrets\.store$/.test(callee));
  assert.deepEqual(
    stores.map(({ where, node }) => [where.replace(/:\d+$/, ''), node.arguments[1]?.getText()]),
    [['client/src/apiToken.ts', 'encodeStoredToken(endpoint, token)']],
  );
});

test('no log line, message or printed line interpolates the token, a PIN or the text of the file', () => {
  const sinks =
    /(^|\.)(log|console)\.(info|warn|error|debug|trace|log|appendLine)$|^io\.(stdout|stderr)$|show(Information|Warning|Error)Message$|\.report$/;
  const offenders: string[] = [];
  let seen = 0;
  for (const { callee, node, where } of LOGGING.flatMap(callsIn)) {
    if (!sinks.test(callee)) continue;
    seen++;
    for (const expression of node.arguments.flatMap(interpolated)) {
      if (namesASecret(expression)) offenders.push(`${where}: ${expression.getText()}`);
    }
  }
  assert.ok(seen > 30, `the check sees the ${seen} calls there are`);
  assert.deepEqual(offenders, []);
});

/** Calls that write a document or a file. */
const WRITE_CALLS =
  /(^|\.)(applyEdit|edit|save|saveAll|writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|write|rename|unlink|rm)$/;

/** The row form edits the document on purpose (each change the user makes in it); it is not on the import path. */
const ROW_FORM = 'client/src/columns/rowFormPanel.ts';

test('the import path never writes the document or a file', () => {
  const importPath = IMPORT_PATH.filter((path) => path !== ROW_FORM);
  const offenders = importPath
    .flatMap(callsIn)
    .filter(({ callee }) => WRITE_CALLS.test(callee))
    .map(({ where, node }) => `${where}: ${node.getText()}`);
  for (const path of importPath) {
    const code = readFileSync(join(ROOT, path), 'utf8');
    // workspace.fs may be read (the large-file notice stats a file's size); any of its writing calls is an offence.
    const fsWrites = /\bworkspace\.fs\.(writeFile|delete|rename|copy|createDirectory)\b/;
    for (const name of [/\bWorkspaceEdit\b/, /\bTextEdit\b/, fsWrites, /from '(node:)?fs(\/promises)?'/]) {
      if (name.test(code)) offenders.push(`${path}: ${name.source}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('in the client, only the row form and the fix commands write, each as the user asked', () => {
  const writes = CLIENT.flatMap(callsIn)
    .filter(({ callee }) => WRITE_CALLS.test(callee))
    .map(({ where, node }) => `${where.replace(/:\d+$/, '')}: ${node.getText()}`);
  assert.deepEqual(writes, [
    `${ROW_FORM}: vscode.workspace.applyEdit(workspaceEdit)`,
    // Reopen with Windows-1252: the file's own bytes, decoded, as one edit; Save as UTF-8: the same text, as UTF-8.
    'client/src/encoding/encodingActions.ts: vscode.workspace.applyEdit(edit)',
    'client/src/encoding/encodingActions.ts: document.save()',
    "client/src/encoding/encodingActions.ts: vscode.workspace.fs.writeFile(document.uri, Buffer.from(document.getText(), 'utf8'))",
    // Save Clean Copy: a new file beside the original (the command refuses the original's own name).
    "client/src/fixes/cleanCopyCommand.ts: vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'))",
    // Fix All: the server's fixes, as one workspace edit.
    'client/src/fixes/fixAllCommand.ts: vscode.workspace.applyEdit(edit)',
  ]);
});

test('the import path imports nothing of the fix commands', () => {
  const importers = IMPORT_PATH.filter((path) =>
    /from '\.{1,2}\/(\.\.\/)*(fixes|encoding)\//.test(readFileSync(join(ROOT, path), 'utf8')),
  );
  assert.deepEqual(importers, ['client/src/extension.ts']);
});

test('every upload and preview from the extension and the CLI passes the file’s secret values, so the core scrubs its PINs', () => {
  // The upload core does not parse the CSV: a caller that left the PINs out would get messages scrubbed of the token only.
  const uploads = IMPORT_PATH.filter((path) => !path.startsWith('common/'))
    .flatMap(callsIn)
    .filter(({ callee }) => callee === 'uploadImport' || callee === 'previewImport');
  assert.ok(uploads.length >= 5, `the check sees the ${uploads.length} uploads and previews there are`);
  const withoutSecrets = uploads
    .filter(({ node }) => {
      const options = node.arguments[4];
      return !(
        options &&
        ts.isObjectLiteralExpression(options) &&
        options.properties.some((property) => property.name?.getText() === 'secretValues')
      );
    })
    .map(({ where }) => where);
  assert.deepEqual(withoutSecrets, []);
});
