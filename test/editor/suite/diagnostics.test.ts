// What the Problems panel shows for the fixture files: codes, exact ranges, severities, and live updates.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  cellRange,
  codeOf,
  formatRange,
  hasCode,
  openFixture,
  replaceRange,
  setText,
  summarize,
  waitForDiagnostics,
} from './helpers';

describe('diagnostics', () => {
  it('reports each mistake in team.subscribers.csv with its code and exact range', async () => {
    const document = await openFixture('team.subscribers.csv');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length >= 10);
    const at = (line: number, column: string) => formatRange(cellRange(document, line, column));
    assert.deepStrictEqual(
      summarize(diagnostics),
      [
        `misspelt-column@${at(0, 'Extention')}`,
        `phone-punctuation@${at(1, 'MobilePhone')}`,
        `not-yes-no@${at(1, 'VM')}`,
        `extra-spaces@${at(2, 'Email')}`,
        `value-case@${at(2, 'Privacy')}`,
        `telco-only-ignored@${at(2, 'Dsite')}`,
        `required-value@${at(3, 'LastName')}`,
        `unknown-id@${at(3, 'CallProfile')}`,
        'blank-row@4:0-4:0',
        // The two empty cells past the header's 16 columns: the trailing ",,", a note.
        'extra-empty-cells@5:45-5:47',
      ].sort(),
    );
    // Spot checks of the literal numbers, in case cellRange and the server share a mistake.
    assert.strictEqual(at(0, 'Extention'), '0:42-0:51');
    assert.strictEqual(at(3, 'LastName'), '3:11-3:11');
  });

  it('gives each diagnostic the catalog severity and a readable message', async () => {
    const document = await openFixture('team.subscribers.csv');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length >= 10);
    const severity = (code: string) => diagnostics.find((d) => codeOf(d) === code)?.severity;
    assert.strictEqual(severity('misspelt-column'), vscode.DiagnosticSeverity.Error);
    assert.strictEqual(severity('telco-only-ignored'), vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(severity('blank-row'), vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(severity('value-case'), vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(severity('extra-empty-cells'), vscode.DiagnosticSeverity.Information);
    const unknown = diagnostics.find((d) => codeOf(d) === 'misspelt-column');
    assert.match(unknown?.message ?? '', /Extention.*Extension/);
  });

  it('reports an error an edit introduces, and drops it when the edit is undone', async () => {
    const document = await openFixture('clean.subscribers.csv');
    const original = document.getText();
    try {
      await replaceRange(document, cellRange(document, 1, 'VM'), 'maybe');
      const range = formatRange(cellRange(document, 1, 'VM'));
      const diagnostics = await waitForDiagnostics(document.uri, hasCode('not-yes-no'));
      assert.deepStrictEqual(summarize(diagnostics), [`not-yes-no@${range}`]);

      await replaceRange(document, cellRange(document, 1, 'VM'), 'y');
      await waitForDiagnostics(document.uri, (d) => d.length === 0);
    } finally {
      await setText(document, original);
    }
  });
});
