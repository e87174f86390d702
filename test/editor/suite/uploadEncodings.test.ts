// Import to Tenant of a file saved as UTF-16 (Excel's "Unicode Text", here with commas), against the sandbox the
// runner started: VS Code reads the file by its byte order mark, the check reports its encoding as a warning only,
// and what is uploaded is UTF-8, so the names arrive as written (the sandbox refuses anything that is not UTF-8).
// Named to run after tenantImport.test.ts, which counts the sandbox's rows from a fresh database.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ImportCommandResult } from '../../../client/src/import/importResult';
import type { RefreshResult } from '../../../client/src/tenantData';
import { codeOf, fixtureUri, hasCode, openFixture, waitForDiagnostics } from './helpers';
import { findSubscribers, readSandboxEnv, type SandboxEnv } from './sandboxAccess';

const NAME = 'unicode-import.subscribers.csv';
const TEXT = [
  'Type,FirstName,LastName,Email,Extension',
  'User,Jürgen,Müller,jurgen.muller@example.com,711',
  'User,Zoë,O’Brien,zoe.obrien@example.com,712',
  '',
].join('\r\n');

describe('import of a UTF-16 file (sandbox endpoint)', function () {
  let sandbox: SandboxEnv;

  before(async function () {
    sandbox = readSandboxEnv();
    await vscode.workspace
      .getConfiguration('subscriberCsv')
      .update('endpoint', sandbox.endpoint, vscode.ConfigurationTarget.Global);
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('subscriberCsv.setApiToken', sandbox.token), true);
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await vscode.commands.executeCommand<RefreshResult>('subscriberCsv.refreshTenantData');
      if (result.status !== 'superseded') break;
    }
    fs.writeFileSync(fixtureUri(NAME).fsPath, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]));
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('subscriberCsv.clearApiToken', { skipConfirmation: true });
    await vscode.workspace
      .getConfiguration('subscriberCsv')
      .update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(fixtureUri(NAME).fsPath, { force: true });
  });

  it('uploads the text as UTF-8: the names are in the sandbox database as written', async () => {
    const document = await openFixture(NAME);
    assert.strictEqual(document.getText(), TEXT);
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('file-encoding'));
    assert.deepStrictEqual(diagnostics.map(codeOf), ['file-encoding']);

    const result = await vscode.commands.executeCommand<ImportCommandResult>('subscriberCsv.importToTenant', {
      uri: document.uri,
      skipConfirmation: true,
    });
    assert.strictEqual(result.status, 'imported', JSON.stringify(result));
    assert.deepStrictEqual(findSubscribers(sandbox, ['711', '712']), [
      { type: 'User', extension: '711', first_name: 'Jürgen', last_name: 'Müller' },
      { type: 'User', extension: '712', first_name: 'Zoë', last_name: 'O’Brien' },
    ]);
  });
});
