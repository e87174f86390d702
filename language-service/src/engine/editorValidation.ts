/**
 * The engine over the editor's source: the model's record table, which edits change in place. What the engine
 * found is kept by record, so that an edit re-checks only the records it replaced.
 *
 * A `ValidationState` belongs to one model and one set of settings. It checks records in order from a cursor, as
 * many at a time as asked (`step`), so the server can check a large file in slices and answer requests in between.
 * When an edit replaces records, the state forgets what the old records produced (their findings, their values in
 * the unique indexes) and checks the new ones; findings are kept relative to their record's start, so records that
 * only moved keep theirs. Diagnostics are assembled from the kept findings (`assembly.ts`) in the order every source
 * lists them. Files that are not subscriber files get no diagnostics at all.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RecordsListener, SubscriberModel } from '../model/subscriberModel';
import type { ServiceSettings } from '../settings';
import { DiagnosticAssembly } from './assembly';
import { RecordChecker } from './checker';
import type { RankedFinding } from './order';

/** A validation that can be run in slices. */
export interface ValidationRun {
  /** Checks up to `rows` more records; returns true when every record is checked. */
  step(rows: number): boolean;
  /** False once the document has moved on to other settings or a new header: this run's results are then void. */
  readonly isCurrent: boolean;
  /**
   * Every diagnostic, in position order; call when `step` has returned true. With `max`, what
   * `limitDiagnostics` would keep of them (errors first, and a summary), made without making the others.
   */
  diagnostics(max?: number): Diagnostic[];
}

/**
 * True when the service should speak about this file at all: it was said to be a subscriber file (its language, its
 * name, a file pattern, the CLI's say-so), or its header is plainly a subscriber header.
 */
export function isServed(model: SubscriberModel, settings: ServiceSettings): boolean {
  return settings.assumeSubscriberFile || model.plainlySubscriberHeader;
}

export class ValidationState implements RecordsListener, ValidationRun {
  private cursor = 0;
  /** Ids of records before the cursor that an edit put in and that are not checked yet. */
  private pending: number[] = [];
  /** The findings of each record that has any, by record id, with offsets relative to the record's start. */
  readonly findings = new Map<number, RankedFinding[]>();
  readonly headerFindings: readonly RankedFinding[];
  readonly checker: RecordChecker;
  private readonly assembly: DiagnosticAssembly;
  /** Counts the changes to what the kept findings say: a record with findings checked, or one with findings gone. */
  private findingChanges = 0;
  private readonly lineEnd = (offset: number) => this.model.lineEnd(offset);

  constructor(
    readonly model: SubscriberModel,
    readonly settings: ServiceSettings,
    readonly key: string,
  ) {
    const records = model.records;
    this.checker = new RecordChecker(
      {
        header: model.header,
        order: (id) => records.indexOf(id),
        mayHoldSuspectCharacters: model.mayHoldSuspectCharacters,
        editable: true,
      },
      settings,
    );
    const header = model.header;
    const source = model.source;
    this.headerFindings = header
      ? this.checker.checkHeader(source.slice(header.start, header.end), source.slice(0, Math.min(source.length, 1024)))
      : [];
    this.assembly = new DiagnosticAssembly(this);
  }

  get isCurrent(): boolean {
    return this.model.checks === this;
  }

  get done(): boolean {
    return !this.checker.served || (this.pending.length === 0 && this.cursor >= this.model.records.count);
  }

  step(rows: number): boolean {
    if (!this.checker.served) return true;
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
    return this.checker.served ? this.assembly.diagnostics(max) : [];
  }

  recordsReplaced(at: number, removedIds: Int32Array, added: number): void {
    const removed = removedIds.length;
    const cursor = this.cursor;
    for (const id of removedIds) {
      this.assembly.forget(id);
      if (this.findings.delete(id)) this.findingChanges++;
      // A record not checked yet was never indexed: removing it is a no-op.
      for (const unique of this.checker.uniques) unique.remove(id);
    }
    if (at + removed <= cursor) {
      this.cursor = cursor + added - removed;
      for (let i = 0; i < added; i++) this.pending.push(this.model.records.ids[at + i]);
    } else if (at < cursor) {
      this.cursor = at;
    }
  }

  private check(index: number): void {
    const row = this.model.row(index);
    const id = this.model.records.ids[index];
    if (this.checker.checksRows) this.checker.indexRecord(row, id);
    const found = this.checker.checkRecord(row, this.lineEnd);
    if (found.length > 0) {
      this.findings.set(id, found);
      this.findingChanges++;
    }
  }

  /**
   * Changes whenever the diagnostics may say something else: a finding kept or dropped, a value shared or no longer
   * shared, or a record with something to say moved to another line (an edit elsewhere added or removed lines).
   * Equal keys mean equal diagnostics: the lines of every record that has a diagnostic are hashed in a fixed order
   * (that order changes only with the counts above), a look-up each, far less than making the diagnostics.
   */
  get revision(): string {
    const records = this.model.records;
    const document = this.model.document;
    const lineOf = (id: number) => document.positionAt(records.starts[records.indexOf(id)]).line;
    let shared = 0;
    let lines = 0;
    const hash = (id: number) => (lines = (Math.imul(lines, 31) + lineOf(id)) | 0);
    for (const id of this.findings.keys()) hash(id);
    for (const unique of this.checker.uniques) {
      shared += unique.repeatedChanges;
      for (const entry of unique.duplicated) for (const id of unique.usesOf(entry)) hash(id);
    }
    return `${this.findingChanges}:${shared}:${lines}:${document.lineCount}:${records.count}`;
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
