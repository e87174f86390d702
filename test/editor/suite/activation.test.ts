// The extension wakes up for subscriber files and leaves other CSV files alone.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, hoverText, openFixture, summarize, waitForDiagnostics } from './helpers';

describe('activation', () => {
  // Language csv is the one CSV extensions (Rainbow CSV, Edit CSV) act on; subscriber-csv is only an opt-in.
  it('validates a *.subscribers.csv file as language csv', async () => {
    const document = await openFixture('team.subscribers.csv');
    assert.strictEqual(document.languageId, 'csv');
    await waitForDiagnostics(document.uri, (diagnostics) => diagnostics.length > 0);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'extension is active');
  });

  // Both tests below need the server's first publication for a file, which comes when the file opens: this file
  // runs first (files run in name order), so nothing has opened these yet.
  for (const [name, why] of [
    ['inventory.csv', 'an unrelated CSV'],
    ['clean.subscribers.csv', 'a subscriber file without mistakes'],
  ]) {
    it(`publishes no diagnostics for ${why} (${name})`, async () => {
      const uri = fixtureUri(name);
      assert.ok(
        !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
        `${name} not open yet`,
      );
      // The server publishes an empty list once it has looked at the file: wait for that publication.
      const published = waitForDiagnostics(uri, () => true, { fresh: true });
      await openFixture(name);
      assert.deepStrictEqual(summarize(await published), []);
    });
  }

  it('gives no hover on an unrelated CSV', async () => {
    const document = await openFixture('inventory.csv');
    assert.strictEqual(await hoverText(document.uri, new vscode.Position(0, 1)), '');
  });
});
