// Import to Tenant against a real endpoint: the sandbox the runner started (test/editor/sandboxProcess.js), set up
// the way a person does it (endpoint in the user settings, token through the extension's own command). The proof is
// in the sandbox's SQLite file, read here directly, not only in what the command returns.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ImportCommandResult } from '../../../client/src/import/importResult';
import type { RefreshResult } from '../../../client/src/tenantData';
import {
  cellRange,
  codeOf,
  completionItems,
  fixtureUri,
  formatRange,
  hasCode,
  labelOf,
  lacksCode,
  openFixture,
  replaceRange,
  waitForDiagnostics,
} from './helpers';
import { countSubscribers, findSubscribers, readSandboxEnv, uploadDirectly, type SandboxEnv } from './sandboxAccess';

const IMPORT_SOURCE = 'subscriber-csv import';
/** Written by the test, so that the fixtures stay as they are: row 2 takes an extension someone else takes first. */
const CONFLICT_FILE = 'conflict.subscribers.csv';
const HEADER = 'Type,FirstName,LastName,Email,MobilePhone,Extension,Language,CallProfile,KeyProfile,SysPIN';
const CONFLICT_TEXT = [
  HEADER,
  'User,Gia,Tran,gia.tran@example.com,6175550301,301,en,1,-1,y',
  'User,Hal,Berg,hal.berg@example.com,6175550302,302,en,2,5,y',
  '',
].join('\n');

function importDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === IMPORT_SOURCE);
}

async function refreshTenantData(): Promise<RefreshResult> {
  // Setting the endpoint and the token each start a refresh too; a newer one supersedes an older one.
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await vscode.commands.executeCommand<RefreshResult>('subscriberCsv.refreshTenantData');
    if (result.status !== 'superseded') return result;
  }
  throw new Error('every refresh of the tenant data was superseded');
}

describe('import to tenant (sandbox endpoint)', function () {
  let sandbox: SandboxEnv;

  before(async function () {
    sandbox = readSandboxEnv();
    await vscode.workspace
      .getConfiguration('subscriberCsv')
      .update('endpoint', sandbox.endpoint, vscode.ConfigurationTarget.Global);
    const stored = await vscode.commands.executeCommand<boolean>('subscriberCsv.setApiToken', sandbox.token);
    assert.strictEqual(stored, true, 'subscriberCsv.setApiToken stored the token');
    const refreshed = await refreshTenantData();
    assert.deepStrictEqual(refreshed, {
      status: 'loaded',
      host: new URL(sandbox.endpoint).host,
      tenant: { id: 'acme', name: 'Acme Corp' },
    });
    fs.writeFileSync(fixtureUri(CONFLICT_FILE).fsPath, CONFLICT_TEXT);
  });

  after(async function () {
    await vscode.commands.executeCommand('subscriberCsv.clearApiToken', { skipConfirmation: true });
    await vscode.workspace
      .getConfiguration('subscriberCsv')
      .update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(fixtureUri(CONFLICT_FILE).fsPath, { force: true });
    // Without the tenant data the clean fixture's extensions are free again: leave it as the other tests expect.
    await waitForDiagnostics(fixtureUri('clean.subscribers.csv'), lacksCode('extension-in-use'));
  });

  it('completes the tenant key profiles from the endpoint after Refresh Tenant Data', async () => {
    const document = await openFixture('clean.subscribers.csv');
    const items = await completionItems(document.uri, cellRange(document, 1, 'KeyProfile').start);
    // The workspace settings list only 4 (Reception); 5 (Executive) exists only on the sandbox's tenant.
    const offered = Object.fromEntries(items.map((item) => [labelOf(item), item.detail]));
    assert.strictEqual(offered['5'], 'Executive');
    assert.strictEqual(offered['4'], 'Reception');
  });

  it('marks a row the endpoint refused with a diagnostic of the import collection', async () => {
    // Someone else takes extension 302 after the editor loaded the tenant data: the file still looks clean here.
    const direct = await uploadDirectly(sandbox, 'User,Ivy,Stone,ivy.stone@example.com,,302,en,1,-1,y', HEADER);
    assert.strictEqual(direct.status, 200, `direct upload answered ${direct.status}`);
    const before = countSubscribers(sandbox);

    const document = await openFixture(CONFLICT_FILE);
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length === 0);
    const result = await vscode.commands.executeCommand<ImportCommandResult>('subscriberCsv.importToTenant', {
      uri: document.uri,
      skipConfirmation: true,
    });

    assert.strictEqual(result.status, 'failed', JSON.stringify(result));
    assert.strictEqual(result.failure.kind, 'conflict');
    assert.strictEqual(result.markedProblems, 1);
    const marked = importDiagnostics(document.uri);
    assert.deepStrictEqual(
      marked.map((d) => `${codeOf(d)}@${formatRange(d.range)}`),
      [`import-conflict@${formatRange(cellRange(document, 2, 'Extension'))}`],
      JSON.stringify(marked.map((d) => `${d.message} ${formatRange(d.range)}`)),
    );
    assert.strictEqual(marked[0].severity, vscode.DiagnosticSeverity.Error);
    // On its cell, naming the column once (not "Extension: Extension 302 …").
    assert.strictEqual(
      marked[0].message,
      'Extension 302 is already in use on this tenant, as its tenant data lists it.',
    );
    // A conflict imports nothing: 301 stays free, 302 is the direct upload's only.
    assert.strictEqual(countSubscribers(sandbox), before);
    assert.deepStrictEqual(findSubscribers(sandbox, ['301', '302']), [
      { type: 'User', extension: '302', first_name: 'Ivy', last_name: 'Stone' },
    ]);
  });

  it('imports the clean file: the command returns the counts and the users are in the sandbox database', async () => {
    const document = await openFixture('clean.subscribers.csv');
    // The sandbox is shared by the suite's files: what the others imported is counted before.
    const before = countSubscribers(sandbox);
    const result = await vscode.commands.executeCommand<ImportCommandResult>('subscriberCsv.importToTenant', {
      uri: document.uri,
      skipConfirmation: true,
    });

    assert.strictEqual(result.status, 'imported', JSON.stringify(result));
    assert.strictEqual(result.host, new URL(sandbox.endpoint).host);
    assert.deepStrictEqual(
      { created: result.result.created, updated: result.result.updated, failed: result.result.failed },
      { created: 3, updated: 0, failed: 0 },
    );
    assert.deepStrictEqual(
      result.result.rows.map((row) => `${row.line}:${row.type}:${row.extension}:${row.status}`),
      ['2:User:201:created', '3:User:202:created', '4:Location:250:created'],
    );
    assert.strictEqual(result.markedProblems, 0);
    assert.deepStrictEqual(importDiagnostics(document.uri), []);

    assert.strictEqual(countSubscribers(sandbox), before + 3);
    assert.deepStrictEqual(findSubscribers(sandbox, ['201', '202', '250']), [
      { type: 'User', extension: '201', first_name: 'Ann', last_name: 'Lee' },
      { type: 'User', extension: '202', first_name: 'Bruno', last_name: 'Muller' },
      { type: 'Location', extension: '250', first_name: '', last_name: 'Main Lobby' },
    ]);
    // The tenant data is loaded again after an import and lists the file's extensions as taken, by the file's own
    // rows: the server still finds no error (a new import of the file is allowed), until a row names someone else.
    assert.strictEqual((await refreshTenantData()).status, 'loaded');
    const again = await vscode.commands.executeCommand<ImportCommandResult>('subscriberCsv.importToTenant', {
      uri: document.uri,
      skipConfirmation: true,
    });
    assert.strictEqual(again.status, 'imported', JSON.stringify(again));
    assert.deepStrictEqual([again.result.created, again.result.unchanged], [0, 3]);
    assert.strictEqual(countSubscribers(sandbox), before + 3, 'imported again: nothing created twice');
    await replaceRange(document, cellRange(document, 3, 'LastName'), 'Side Lobby');
    const flagged = await waitForDiagnostics(document.uri, hasCode('extension-in-use'));
    assert.deepStrictEqual(
      flagged.filter((d) => codeOf(d) === 'extension-in-use').map((d) => formatRange(d.range)),
      [formatRange(cellRange(document, 3, 'Extension'))],
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('a refusal the server then finds too (after the tenant data is loaded again) is shown once', async () => {
    const document = await openFixture(CONFLICT_FILE);
    const cell = cellRange(document, 2, 'Extension');
    await waitForDiagnostics(document.uri, hasCode('extension-in-use'));
    await new Promise<void>((resolve, reject) => {
      const onCell = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.isEqual(cell));
      const settled = () => onCell().length === 1;
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`on the cell: ${JSON.stringify(onCell().map((d) => `${d.source} ${d.message}`))}`));
      }, 15_000);
      const subscription = vscode.languages.onDidChangeDiagnostics(() => {
        if (!settled()) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
      if (settled()) {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      }
    });
    const [only] = vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.isEqual(cell));
    assert.deepStrictEqual([only.source, codeOf(only)], ['subscriber-csv', 'extension-in-use']);
  });
});
