/**
 * What the editor is sent for a file with many problems: at most 1,000 diagnostics, errors before anything else,
 * in position order, and one summary (`too-many-problems`) that counts what was left out.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { MAX_PUBLISHED_DIAGNOSTICS } from '@subscriber-csv/language-service';
import { service, settingsWith, validateText } from './helpers/service';

function diagnostic(line: number, severity: DiagnosticSeverity): Diagnostic {
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, severity, message: `line ${line}` };
}

describe('diagnostic limit', () => {
  it('passes a list within the limit through unchanged', () => {
    const list = [diagnostic(1, DiagnosticSeverity.Warning), diagnostic(2, DiagnosticSeverity.Error)];
    assert.equal(service.limitDiagnostics(list, 2), list);
  });

  it('keeps errors first, in position order, and adds a summary', () => {
    const list = [
      diagnostic(1, DiagnosticSeverity.Hint),
      diagnostic(2, DiagnosticSeverity.Warning),
      diagnostic(3, DiagnosticSeverity.Error),
      diagnostic(4, DiagnosticSeverity.Information),
      diagnostic(5, DiagnosticSeverity.Error),
    ];
    const limited = service.limitDiagnostics(list, 3);
    assert.deepEqual(
      limited.slice(1).map((d) => d.message),
      ['line 2', 'line 3', 'line 5'],
    );
    const summary = limited[0];
    assert.equal(summary.code, 'too-many-problems');
    assert.equal(summary.severity, DiagnosticSeverity.Information);
    assert.deepEqual(summary.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(summary.message, /5 problems; the editor lists the first 3, errors first\. 2 more are not listed/);
  });

  it('cuts a real file to 1,000 diagnostics and one summary; the full list is still there for the CLI', () => {
    const rows = Array.from({ length: 700 }, (_, row) => `User,Lee${row},Yes,12`).join('\n');
    const text = `Type,LastName,Privacy,MaxDevices\n${rows}\n`;
    const all = validateText(text, settingsWith());
    assert.equal(all.length, 1400);
    const published = service.limitDiagnostics(all);
    assert.equal(published.length, MAX_PUBLISHED_DIAGNOSTICS + 1);
    assert.equal(published[0].code, 'too-many-problems');
    const errors = published.filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.equal(errors.length, 700, 'every error is published');
    assert.match(published[0].message, /1,400 problems; .* 400 more are not listed \(none of them errors\)/);
  });
});
