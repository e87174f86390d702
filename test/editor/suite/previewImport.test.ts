// Preview Import and the state after an import, in a real VS Code against the sandbox the runner started. The proof
// that a preview writes nothing is in the sandbox's SQLite file, counted directly before and after; the proof that
// the file's own rows are not taken for conflicts once imported is the language server's own verdict (an import
// and a preview of the file are refused when it finds an error), with a row renamed since as the counter-proof.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { HistoryEntry } from '../../../client/src/import/importHistory';
import type { ImportCommandResult, PreviewCommandResult } from '../../../client/src/import/importResult';
import type { RefreshResult } from '../../../client/src/tenantData';
import { cellRange, codeOf, fixtureUri, hasCode, openFixture, setText, waitForDiagnostics } from './helpers';
import { countSubscribers, readSandboxEnv, uploadDirectly, type SandboxEnv } from './sandboxAccess';

const FILE = 'preview.subscribers.csv';
const HEADER = 'Type,FirstName,LastName,Email,Extension,Language,CallProfile,KeyProfile,SysPIN';
const TEXT = [
  HEADER,
  'User,Ida,Wells,ida.wells@example.com,311,en,1,-1,n',
  'User,Jon,Park,jon.park@example.com,312,en,2,4,n',
  'Location,,Roof Deck,,313,en,1,-1,n',
  '',
].join('\n');

async function refreshTenantData(): Promise<RefreshResult> {
  // Setting the endpoint and the token each start a refresh too; a newer one supersedes an older one.
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await vscode.commands.executeCommand<RefreshResult>('subscriberCsv.refreshTenantData');
    if (result.status !== 'superseded') return result;
  }
  throw new Error('every refresh of the tenant data was superseded');
}

function preview(uri: vscode.Uri): Thenable<PreviewCommandResult> {
  return vscode.commands.executeCommand<PreviewCommandResult>('subscriberCsv.previewImport', { uri });
}

/** Every diagnostic on the file, whatever its source, as `source:code@line:col`. */
function allOn(uri: vscode.Uri, line: number): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.range.start.line === line)
    .map((d) => `${d.source}:${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`);
}

/** Resolves once every diagnostic of the file, whatever its source, satisfies `predicate`; an event, not a sleep. */
function waitForAll(uri: vscode.Uri, predicate: (all: vscode.Diagnostic[]) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!predicate(vscode.languages.getDiagnostics(uri))) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve();
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(() => void check());
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(
        new Error(
          `diagnostics never settled: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message))}`,
        ),
      );
    }, 15_000);
    check();
  });
}

describe('preview import and the state after an import (sandbox endpoint)', function () {
  let sandbox: SandboxEnv;

  before(async function () {
    sandbox = readSandboxEnv();
    await vscode.workspace
      .getConfiguration('subscriberCsv')
      .update('endpoint', sandbox.endpoint, vscode.ConfigurationTarget.Global);
    assert.strictEqual(await vscode.commands.executeCommand('subscriberCsv.setApiToken', sandbox.token), true);
    assert.strictEqual((await refreshTenantData()).status, 'loaded');
    fs.writeFileSync(fixtureUri(FILE).fsPath, TEXT);
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('subscriberCsv.clearApiToken', { skipConfirmation: true });
    await vscode.workspace
      .getConfiguration('subscriberCsv')
      .update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(fixtureUri(FILE).fsPath, { force: true });
  });

  it('Preview Import answers row by row and writes nothing in the sandbox database', async () => {
    const document = await openFixture(FILE);
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 0);
    const before = countSubscribers(sandbox);

    const result = await preview(document.uri);

    assert.strictEqual(result.status, 'previewed', JSON.stringify(result));
    assert.deepStrictEqual(
      result.preview.rows.map((row) => `${row.line}:${row.extension}:${row.status}`),
      ['2:311:created', '3:312:created', '4:313:created'],
    );
    assert.deepStrictEqual([result.preview.outcome, result.preview.created, result.preview.failed], ['import', 3, 0]);
    assert.strictEqual(result.markedProblems, 0);
    assert.strictEqual(countSubscribers(sandbox), before, 'the preview wrote nothing');
  });

  it('a row the import would refuse is one diagnostic on its cell, naming the column once; nothing is written', async () => {
    const document = await openFixture(FILE);
    // Another client takes 313 after the editor loaded the tenant data: the file still looks clean here.
    const direct = await uploadDirectly(sandbox, 'User,Kit,Obi,kit.obi@example.com,313,en,1,-1,n', HEADER);
    assert.strictEqual(direct.status, 200);
    const before = countSubscribers(sandbox);

    const result = await preview(document.uri);

    assert.strictEqual(result.status, 'previewed', JSON.stringify(result));
    assert.strictEqual(result.preview.outcome, 'conflict');
    assert.strictEqual(result.markedProblems, 1);
    const marked = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'subscriber-csv preview');
    assert.deepStrictEqual(
      marked.map((d) => [codeOf(d), d.message, d.range.isEqual(cellRange(document, 3, 'Extension'))]),
      [['import-conflict', 'Extension 313 is already in use on this tenant, as its tenant data lists it.', true]],
    );
    assert.strictEqual(countSubscribers(sandbox), before);

    // The same refusal from the language server once the tenant data is loaded again: still shown once.
    assert.strictEqual((await refreshTenantData()).status, 'loaded');
    await waitForDiagnostics(document.uri, hasCode('extension-in-use'));
    await waitForAll(document.uri, () => allOn(document.uri, 3).length === 1);
    const cell = cellRange(document, 3, 'Extension').start.character;
    assert.deepStrictEqual(allOn(document.uri, 3), [`subscriber-csv:extension-in-use@3:${cell}`]);
  });

  it("after an import the file's own rows are not conflicts: importing and previewing again are allowed", async () => {
    const document = await openFixture(FILE);
    // The taken row goes; the other two are imported.
    await setText(document, TEXT.replace('Location,,Roof Deck,,313,en,1,-1,n\n', ''));
    await document.save();
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 0);
    const imported = await vscode.commands.executeCommand<ImportCommandResult>('subscriberCsv.importToTenant', {
      uri: document.uri,
      skipConfirmation: true,
    });
    assert.strictEqual(imported.status, 'imported', JSON.stringify(imported));
    assert.deepStrictEqual([imported.result.created, imported.result.failed], [2, 0]);

    // The tenant data now lists 311 and 312 as in use; the server must still find no error in the file.
    assert.strictEqual((await refreshTenantData()).status, 'loaded');
    const again = await preview(document.uri);
    assert.strictEqual(again.status, 'previewed', JSON.stringify(again));
    assert.deepStrictEqual([again.preview.unchanged, again.preview.created], [2, 0]);
    const reimported = await vscode.commands.executeCommand<ImportCommandResult>('subscriberCsv.importToTenant', {
      uri: document.uri,
      skipConfirmation: true,
    });
    assert.strictEqual(reimported.status, 'imported', JSON.stringify(reimported));
    assert.deepStrictEqual([reimported.result.unchanged, reimported.result.created], [2, 0]);

    // Counter-proof: renamed, row 2 names someone else, who may not take 311. Only that row is flagged.
    await setText(document, document.getText().replace('User,Ida,Wells,', 'User,Ida,Welles,'));
    const flagged = await waitForDiagnostics(document.uri, hasCode('extension-in-use'));
    assert.deepStrictEqual(
      flagged.map((d) => `${codeOf(d)}@${d.range.start.line}`),
      ['extension-in-use@1'],
    );
    const refused = await preview(document.uri);
    assert.strictEqual(refused.status, 'refused');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Show Import History lists the imports of this workspace, newest first, without the token', async () => {
    const entries = await vscode.commands.executeCommand<HistoryEntry[]>('subscriberCsv.showImportHistory');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const ours = entries.filter((entry) => entry.file === FILE);
    assert.deepStrictEqual(
      ours.map((entry) => [entry.outcome, entry.counts?.created, entry.counts?.unchanged, entry.endpoint]),
      [
        ['imported', 0, 2, sandbox.endpoint],
        ['imported', 2, 0, sandbox.endpoint],
      ],
    );
    assert.ok(!JSON.stringify(entries).includes(sandbox.token));
  });
});
