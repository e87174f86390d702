/**
 * Runs every rule over a model, and keeps what each row produced so that an edit re-checks only what it touched.
 *
 * A `ValidationState` belongs to one model and one set of settings. It checks records in order from a cursor,
 * as many at a time as asked (`step`), so the server can check a large file in slices and answer requests in
 * between. When an edit replaces records, the state forgets what the old records produced (their findings, their
 * values in the duplicate indexes) and checks the new ones; findings are kept relative to their record's start,
 * so records that only moved keep theirs. Diagnostics are assembled from the kept findings in position order,
 * the order a full validation gives. Files that are not subscriber files get no diagnostics at all.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  DiagnosticAssembly,
  RANK_HEADER,
  RANK_LEADING_BLANK,
  RANK_QUOTE,
  RANK_ROW,
  type RankedFinding,
} from './diagnosticAssembly';
import { RECORD_UNTERMINATED } from './csv/recordTable';
import { lineEndOf } from './csv/scanCsv';
import { cellValues } from './rules/cellValues';
import { DuplicateIndex, extensionsInUse, UNIQUE_COLUMNS } from './rules/duplicates';
import { blankRowBeforeHeader, unterminatedQuote } from './rules/fileStructure';
import { formulaInjection } from './rules/formulaInjection';
import { headerColumns } from './rules/headerColumns';
import { longValues } from './rules/longValues';
import { pinAndEmail } from './rules/pinAndEmail';
import type { Report } from './rules/report';
import type { FileRule, RowRule, RuleContext } from './rules/rule';
import { rowShape } from './rules/rowShape';
import { telcoOnlyColumns } from './rules/telcoOnlyColumns';
import { rowCharacters, textEncoding } from './rules/textEncoding';
import { weakPin } from './rules/weakPin';
import { wrongDelimiter } from './rules/wrongDelimiter';
import type { ServiceSettings } from './settings';
import type { RecordsListener, SubscriberModel } from './subscriberModel';
import type { TextSource } from './text/textSource';

/** Rules of the header. */
export const FILE_RULES: readonly FileRule[] = [textEncoding, wrongDelimiter, headerColumns];
/** Rules of one data row, in the order their findings at the same position are listed. */
export const ROW_RULES: readonly RowRule[] = [
  extensionsInUse,
  rowCharacters,
  rowShape,
  cellValues,
  longValues,
  formulaInjection,
  pinAndEmail,
  weakPin,
  telcoOnlyColumns,
];

/** The row rules that still run when only the structure is checked (`settings.structureOnly`). */
const STRUCTURE_RULES: readonly RowRule[] = [rowShape];

/** A validation that can be run in slices. */
export interface ValidationRun {
  /** Checks up to `rows` more records; returns true when every record is checked. */
  step(rows: number): boolean;
  /** False once the model has moved on to other settings or a new header: this run's results are then void. */
  readonly isCurrent: boolean;
  /**
   * Every diagnostic, in position order; call when `step` has returned true. With `max`, what
   * `limitDiagnostics` would keep of them (errors first, and a summary), made without making the others.
   */
  diagnostics(max?: number): Diagnostic[];
}

/** True when the service should speak about this file at all. */
export function isServed(model: SubscriberModel, settings: ServiceSettings): boolean {
  return settings.assumeSubscriberFile || model.looksLikeSubscriberFile;
}

export class ValidationState implements RecordsListener, ValidationRun {
  private cursor = 0;
  /** Ids of records before the cursor that an edit put in and that are not checked yet. */
  private pending: number[] = [];
  /** The findings of each record that has any, by record id, with offsets relative to the record's start. */
  readonly findings = new Map<number, RankedFinding[]>();
  readonly headerFindings: RankedFinding[] = [];
  readonly duplicates: DuplicateIndex[] = [];
  private readonly assembly = new DiagnosticAssembly(this);
  private readonly served: boolean;
  private readonly context: RuleContext;
  private collected: RankedFinding[] = [];
  private base = 0;
  private rank = RANK_ROW;

  constructor(
    readonly model: SubscriberModel,
    readonly settings: ServiceSettings,
    readonly key: string,
  ) {
    this.served = isServed(model, settings);
    const report: Report = (code, start, end, message, data) => {
      const finding: RankedFinding = { code, start: start - this.base, end: end - this.base, message, rank: this.rank };
      if (data) finding.data = data;
      this.collected.push(finding);
    };
    this.context = { model, settings, report };
    if (!this.served || !model.header) return;
    this.collect(0, RANK_HEADER);
    // File rules run on a header that names no column too: it may be one read with the wrong encoding or delimiter.
    for (const rule of FILE_RULES) rule.checkFile(this.context);
    if (settings.structureOnly) {
      const header = model.headerIndex;
      report(
        'structure-only',
        model.records.starts[header],
        model.records.ends[header],
        'This file is larger than the size set in subscriberCsv.fullCheckLimitMB, so only its structure is checked ' +
          'while you edit. Run `npx subscriber-csv check` on it for every rule.',
      );
    }
    // Not push(...collected): a header of 200,000 columns would overflow the stack with as many arguments.
    for (const finding of this.collected) this.headerFindings.push(finding);
    if (!model.looksLikeSubscriberFile || settings.structureOnly) return;
    for (const spec of UNIQUE_COLUMNS) {
      const field = model.fieldOfColumn.get(spec.column);
      if (field !== undefined) this.duplicates.push(new DuplicateIndex(spec, field, model));
    }
  }

  get isCurrent(): boolean {
    return this.model.checks === this;
  }

  get done(): boolean {
    return !this.served || (this.pending.length === 0 && this.cursor >= this.model.records.count);
  }

  step(rows: number): boolean {
    if (!this.served) return true;
    const records = this.model.records;
    let budget = rows;
    while (this.pending.length > 0 && budget > 0) {
      const index = records.indexOf(this.pending.pop() as number);
      if (index >= 0 && index < this.cursor) {
        this.check(index);
        budget--;
      }
    }
    while (this.cursor < records.count && budget > 0) {
      this.check(this.cursor++);
      budget--;
    }
    return this.done;
  }

  diagnostics(max = Infinity): Diagnostic[] {
    return this.served ? this.assembly.diagnostics(max) : [];
  }

  recordsReplaced(at: number, removedIds: Int32Array, added: number): void {
    const removed = removedIds.length;
    const cursor = this.cursor;
    for (let i = 0; i < removed; i++) {
      this.assembly.forget(removedIds[i]);
      this.findings.delete(removedIds[i]);
    }
    for (let i = 0; i < removed && at + i < cursor; i++) {
      for (const index of this.duplicates) index.remove(at + i, removedIds[i]);
    }
    for (const index of this.duplicates) index.keys = spliceHoles(index.keys, at, removed, added);
    if (at + removed <= cursor) {
      this.cursor = cursor + added - removed;
      for (let i = 0; i < added; i++) this.pending.push(this.model.records.ids[at + i]);
    } else if (at < cursor) {
      this.cursor = at;
    }
  }

  private collect(base: number, rank: number): void {
    this.collected = [];
    this.base = base;
    this.rank = rank;
  }

  private check(index: number): void {
    const model = this.model;
    const records = model.records;
    const start = records.starts[index];
    this.collect(start, RANK_QUOTE);
    if (records.flags[index] & RECORD_UNTERMINATED) {
      const quote = records.ends[index];
      this.collected.push({
        ...unterminatedQuote(quote - start, lineEndIn(model.source, quote) - start),
        rank: RANK_QUOTE,
      });
    }
    if (index < model.headerIndex) {
      const finding = blankRowBeforeHeader(0, records.ends[index] - start);
      this.collected.push({ ...finding, rank: RANK_LEADING_BLANK });
    } else if (index > model.headerIndex && model.looksLikeSubscriberFile) {
      const row = model.row(index);
      const id = records.ids[index];
      for (const duplicates of this.duplicates) duplicates.add(row, id);
      this.rank = RANK_ROW;
      for (const rule of this.settings.structureOnly ? STRUCTURE_RULES : ROW_RULES) rule.checkRow(row, this.context);
    }
    if (this.collected.length > 0) this.findings.set(records.ids[index], this.collected);
  }
}

/** The validation state of a model for these settings: the one it has, or a new one (which checks everything). */
export function validationOf(model: SubscriberModel, settings: ServiceSettings): ValidationState {
  const key = JSON.stringify(settings);
  const existing = model.checks;
  if (existing instanceof ValidationState && existing.key === key) return existing;
  const state = new ValidationState(model, settings, key);
  model.checks = state;
  return state;
}

export function validate(model: SubscriberModel, settings: ServiceSettings): Diagnostic[] {
  const state = validationOf(model, settings);
  state.step(Infinity);
  return state.diagnostics();
}

/** Replaces `removed` entries at `at` with `added` empty ones. */
function spliceHoles<T>(array: (T | undefined)[], at: number, removed: number, added: number): (T | undefined)[] {
  if (array.length < at + removed) array.length = at + removed;
  if (added === removed) {
    for (let i = 0; i < added; i++) array[at + i] = undefined;
    return array;
  }
  if (added < 10_000) {
    array.splice(at, removed, ...new Array<undefined>(added));
    return array;
  }
  return array.slice(0, at).concat(new Array<undefined>(added), array.slice(at + removed));
}

/** The end of the line holding `offset`, read a little at a time from a document kept in pieces. */
function lineEndIn(source: TextSource, offset: number): number {
  if (source.text !== undefined) return lineEndOf(source.text, offset);
  for (let window = 256; ; window *= 4) {
    const end = Math.min(source.length, offset + window);
    const found = lineEndOf(source.slice(offset, end), 0);
    if (offset + found < end || end >= source.length) return offset + found;
  }
}
