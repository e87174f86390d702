/**
 * In-process measures of the rules library on one text: the raw csv-parse parse (the baseline every ratio is
 * taken against), a full validation (parse + every rule), and the heap the model keeps per row.
 */
import { parse } from 'csv-parse/sync';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, getLanguageService, type ServiceSettings } from '@subscriber-csv/language-service';
import { median, timed } from './stats';

export const BENCH_URI = 'file:///bench/users.subscribers.csv';

/** The editor's settings for a file in the subscriber language: default tenant, served by its language. */
export const BENCH_SETTINGS: ServiceSettings = { ...DEFAULT_SETTINGS, assumeSubscriberFile: true };

/**
 * The baseline: csv-parse reading the records with the options the file needs to be read at all (a BOM, rows
 * of other widths, stray quotes), and nothing the editor needs on top (no raw text, no positions, no callbacks).
 */
export function csvParseOnce(text: string): number {
  const records = parse(text, { bom: true, relax_quotes: true, relax_column_count: true }) as string[][];
  return records.length;
}

export function documentOf(text: string, version = 1): TextDocument {
  return TextDocument.create(BENCH_URI, 'subscriber-csv', version, text);
}

/** Parse + validate, as the server does for a document it has not seen; returns the number of diagnostics. */
export function fullValidationOnce(text: string): number {
  const service = getLanguageService();
  const model = service.parse(documentOf(text));
  return service.doValidation(model, BENCH_SETTINGS).length;
}

export interface ParseAndValidate {
  csvParseMs: number;
  fullValidationMs: number;
  records: number;
  diagnostics: number;
}

/**
 * Runs the baseline and the full validation `repeats` times each, interleaved so that both see the same
 * machine state, after one untimed warm-up of each; reports the medians.
 */
export function measureParseAndValidate(text: string, repeats: number): ParseAndValidate {
  let records = csvParseOnce(text);
  let diagnostics = fullValidationOnce(text);
  const parseTimes: number[] = [];
  const validationTimes: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const baseline = timed(() => csvParseOnce(text));
    parseTimes.push(baseline.ms);
    records = baseline.result;
    const full = timed(() => fullValidationOnce(text));
    validationTimes.push(full.ms);
    diagnostics = full.result;
  }
  return { csvParseMs: median(parseTimes), fullValidationMs: median(validationTimes), records, diagnostics };
}

export interface HeapMeasure {
  textHeapBytes: number;
  /** The parsed model alone. */
  modelHeapBytes: number;
  /** The model and what validation keeps to re-check edits (findings, duplicate indexes): what the server holds. */
  retainedHeapBytes: number;
  heapBytesPerRow: number;
}

/**
 * Heap kept beyond the text: heapUsed plus array buffers after a full GC, with the text in memory, then after
 * building the model, then after validating it (the diagnostics themselves dropped). Needs `node --expose-gc`;
 * undefined without it.
 */
export function measureRetainedHeap(readText: () => string, rows: number): HeapMeasure | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  const service = getLanguageService();
  // Typed arrays (the record table) live outside the JS heap: count their buffers too.
  const settle = () => {
    gc();
    gc();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  const empty = settle();
  const text = readText();
  const document = documentOf(text);
  const withText = settle();
  const model = service.parse(document);
  const withModel = settle();
  service.doValidation(model, BENCH_SETTINGS);
  const withChecks = settle();
  // Keep both alive until the last reading.
  if (document.getText().length !== text.length || model.rowCounts().users < 0) throw new Error('lost the text');
  const retainedHeapBytes = withChecks - withText;
  return {
    textHeapBytes: withText - empty,
    modelHeapBytes: withModel - withText,
    retainedHeapBytes,
    heapBytesPerRow: retainedHeapBytes / rows,
  };
}
