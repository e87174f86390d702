/**
 * The list published for a file with more problems than the editor shows is made again after every change; what
 * did not change is handed out as the same objects, so that the server keeps what it encoded of them (issue 12).
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ChunkedTextDocument, DEFAULT_SETTINGS, getLanguageService } from '@subscriber-csv/language-service';

const service = getLanguageService();

function runOf(text: string) {
  const run = service.startValidation(
    service.parse(TextDocument.create('file:///t.csv', 'subscriber-csv', 1, text)),
    DEFAULT_SETTINGS,
  );
  while (!run.step(10_000));
  return run;
}

// 40 rows sharing one Extension (duplicates, from outside each record) and 40 with a bad MaxDevices (their own).
const rows = Array.from({ length: 40 }, (_, row) => `User,Lee${row},101,12`).join('\n');
const TEXT = `Type,LastName,Extension,MaxDevices\n${rows}\n`;

describe('diagnostic assembly reuse', () => {
  it('hands out the same duplicate and own diagnostic objects when nothing changed, under a limit', () => {
    const run = runOf(TEXT);
    const first = run.diagnostics(50);
    const second = run.diagnostics(50);
    assert.equal(first.length, 51);
    assert.deepEqual(second, first);
    const duplicates = first.filter((d) => d.code === 'duplicate-extension');
    assert.ok(duplicates.length > 0, 'the limit keeps some duplicates');
    for (const [at, d] of first.entries()) {
      if (d.code === 'too-many-problems') continue;
      assert.equal(second[at], d, `${String(d.code)} on line ${d.range.start.line} is the same object`);
    }
  });

  it('after an edit, reuses what still says the same and makes anew what says something else', () => {
    const document = new ChunkedTextDocument('file:///t.csv', 'subscriber-csv', 1, TEXT, 64);
    const model = service.parse(document);
    const published = () => {
      const run = service.startValidation(model, DEFAULT_SETTINGS);
      while (!run.step(10_000));
      return run.diagnostics(50);
    };
    const edit = (line: number, from: number, to: number, text: string) => {
      const version = document.version;
      const range = { start: { line, character: from }, end: { line, character: to } };
      document.update([{ range, text }], version + 1);
      service.update(model, document, document.changesSince(version) ?? assert.fail('changes forgotten'));
    };
    const duplicateOn = (list: Diagnostic[], line: number) =>
      list.find((d) => d.code === 'duplicate-extension' && d.range.start.line === line) ?? assert.fail(`line ${line}`);
    const before = published();
    // A letter in a LastName: no duplicate says anything else.
    edit(30, 8, 8, 'x');
    const renamed = published();
    assert.equal(duplicateOn(renamed, 1), duplicateOn(before, 1));
    // Line 3 (1-based) takes another Extension: every message about 101 names other lines now.
    edit(2, 10, 13, '102');
    const changed = published();
    assert.notEqual(duplicateOn(changed, 1), duplicateOn(before, 1));
    assert.doesNotMatch(duplicateOn(changed, 1).message, /line 3,/);
    assert.match(duplicateOn(before, 1).message, /line 3,/);
  });
});
