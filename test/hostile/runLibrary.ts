/**
 * Runs one hostile file through the rules library in a process of its own, so that its peak memory is its own:
 * `node --import tsx test/hostile/runLibrary.ts <case name>`. Prints one JSON object (`LibraryRun`).
 *
 * The bytes are decoded as an editor set to UTF-8 does (bytes that are not UTF-8 become U+FFFD), keeping a byte
 * order mark in the text so that the library's own handling of it is exercised.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getLanguageService, type ServiceSettings } from '@subscriber-csv/language-service';
import { hostileCase } from '../fixtures/hostile/generate';
import { countCodes, rangeOf } from './harness';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { peakKb } = require('./peakMemory.cjs') as { peakKb: () => number };

export interface LibraryRun {
  /** Parsing and validating, in milliseconds. */
  validateMs: number;
  /** Hover, completion and code actions at a few places afterwards, in milliseconds. */
  requestsMs: number;
  peakMb: number;
  codes: Record<string, number>;
  /** The ranges of the first 50 diagnostics. */
  ranges: string[];
  /** Diagnostics whose range is not inside the document, or starts after it ends. */
  outside: string[];
  /** The codes left after applying the case's fix, when it has one; null when no fix was offered. */
  afterFix?: Record<string, number> | null;
}

const SETTINGS: ServiceSettings = { ...DEFAULT_SETTINGS, assumeSubscriberFile: true };

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function inside(position: Position, lengths: readonly number[]): boolean {
  return position.line >= 0 && position.line < lengths.length && position.character <= lengths[position.line];
}

function validateText(text: string): { document: TextDocument; diagnostics: Diagnostic[] } {
  const service = getLanguageService();
  const document = TextDocument.create('file:///hostile/file.subscribers.csv', 'subscriber-csv', 1, text);
  return { document, diagnostics: service.doValidation(service.parse(document), SETTINGS) };
}

function main(): void {
  const hostile = hostileCase(process.argv[2]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(hostile.bytes());
  const service = getLanguageService();

  const started = performance.now();
  const document = TextDocument.create(`file:///hostile/${hostile.name}`, 'subscriber-csv', 1, text);
  const model = service.parse(document);
  const diagnostics = service.doValidation(model, SETTINGS);
  const validateMs = performance.now() - started;

  const lengths = lineLengths(text);
  const outside = diagnostics
    .filter(({ range }) => {
      const ordered = document.offsetAt(range.start) <= document.offsetAt(range.end);
      return !inside(range.start, lengths) || !inside(range.end, lengths) || !ordered;
    })
    .map(rangeOf);

  const requestsStarted = performance.now();
  const lastLine = lengths.length - 1;
  const places: Position[] = [
    { line: 0, character: 1 },
    { line: Math.floor(lastLine / 2), character: 3 },
    { line: lastLine, character: lengths[lastLine] },
  ];
  for (const position of places) {
    service.doHover(model, position, SETTINGS);
    service.doComplete(model, position, SETTINGS);
  }
  service.getCodeActions(model, diagnostics.slice(0, 100));
  const requestsMs = performance.now() - requestsStarted;

  const run: LibraryRun = {
    validateMs,
    requestsMs,
    peakMb: 0,
    codes: countCodes(diagnostics.map((diagnostic) => String(diagnostic.code))),
    ranges: diagnostics.slice(0, 50).map(rangeOf),
    outside,
  };
  if (hostile.fix) {
    const target = diagnostics.find((diagnostic) => diagnostic.code === hostile.fix?.code);
    const action = target && service.getCodeActions(model, [target])[0];
    const edits = action?.edit?.changes?.[document.uri];
    if (edits) {
      const fixed = TextDocument.applyEdits(document, edits);
      run.afterFix = countCodes(validateText(fixed).diagnostics.map((diagnostic) => String(diagnostic.code)));
    } else {
      run.afterFix = null;
    }
  }
  run.peakMb = peakKb() / 1024;
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

main();
