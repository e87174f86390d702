/**
 * Turns what the editor's validation kept into LSP diagnostics, in the order every source lists them (`order.ts`).
 *
 * A record's diagnostics are converted once and again only when the record moves to another line, so a keystroke
 * converts the row it changed. When at most `max` are wanted (the editor shows 1,000), only those kept are made:
 * errors first, then the first ones of the next severity, as `limitDiagnostics` would keep them.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../catalog/diagnosticCodes';
import { limitCut, limitSummary } from '../diagnosticLimit';
import type { SubscriberModel } from '../model/subscriberModel';
import { duplicateFinding, LINES_NAMED } from '../rules/duplicates';
import { emptyFile } from '../rules/fileStructure';
import { toDiagnostic, type Finding, type PositionAt } from '../rules/report';
import { placeInRecord, RANK_DUPLICATE, type Placed, type RankedFinding } from './order';
import type { UniqueValues } from './uniqueValues';

/** A diagnostic that may be published, with where it sorts; made only when it is kept. */
interface Kept {
  start: number;
  rank: number;
  /** 0 for findings placed from outside the record (header, duplicates), 1 for the record's own. */
  kind: number;
  seq: number;
  make: () => Diagnostic;
}

function compareKept(a: Kept, b: Kept): number {
  return a.start - b.start || a.rank - b.rank || a.kind - b.kind || a.seq - b.seq;
}

function severityOf(code: DiagnosticCode): number {
  return DIAGNOSTIC_CODES[code].severity;
}

/** What a validation has found so far. */
export interface Found {
  readonly model: SubscriberModel;
  /** The findings of each record that has any, by record id, with offsets relative to the record's start. */
  readonly findings: ReadonlyMap<number, readonly RankedFinding[]>;
  /** The header's findings (a missing header included), at document offsets. */
  readonly headerFindings: readonly RankedFinding[];
  readonly checker: { readonly uniques: readonly UniqueValues[] };
  /** Equal between two calls only when the diagnostics are too (`ValidationState.revision`). */
  readonly revision: string;
}

export class DiagnosticAssembly {
  /** Each record's own findings as diagnostics, by record id, with the line they were converted at. */
  private readonly converted = new Map<number, { line: number; diagnostics: Diagnostic[] }>();
  /** The same for records with findings from outside them, with what those said. */
  private readonly convertedWith = new Map<number, { line: number; key: string; diagnostics: Diagnostic[] }>();
  /** Where a repeated value's cell sits in its record, by record id: found once, kept while the record is. */
  private readonly spans = new Map<number, { start: number; end: number }>();
  private readonly positionAt: PositionAt = (offset) => this.found.model.document.positionAt(offset);
  /** The list handed out last, and for which revision of the findings and which `max`. */
  private last: { max: number; revision: string; list: Diagnostic[] } | undefined;
  /** The value each repeated entry of a unique index stands for, read once. */
  private readonly keys = new Map<UniqueValues, Map<number, string>>();
  /** The header and duplicate diagnostics the last `someDiagnostics` handed out, by what they say (`keyOf`). */
  private madeBefore = new Map<string, Diagnostic>();

  constructor(private readonly found: Found) {}

  /** Forgets the conversions of a record that an edit replaced. */
  forget(id: number): void {
    this.converted.delete(id);
    this.convertedWith.delete(id);
    for (let column = 0; column < 4; column++) this.spans.delete(id * 4 + column);
  }

  /**
   * Every diagnostic in position order, or with `max`, what `limitDiagnostics` keeps of them. After a keystroke that
   * changed nothing any diagnostic says (a letter typed in a row with no problem), the list of last time is handed
   * out again without being made: on a large file that is most keystrokes.
   */
  diagnostics(max = Infinity): Diagnostic[] {
    const revision = this.found.revision;
    const last = this.last;
    if (last && last.max === max && last.revision === revision) return [...last.list];
    const list = this.make(max);
    this.last = { max, revision, list };
    return [...list];
  }

  private make(max: number): Diagnostic[] {
    const model = this.found.model;
    if (model.headerIndex < 0) {
      const finding = emptyFile(model.source.length);
      return [toDiagnostic(this.positionAt, finding, finding.start, finding.end)];
    }
    const bySeverity = this.countBySeverity();
    const total = bySeverity.reduce((sum, count) => sum + count, 0);
    return total <= max ? this.allDiagnostics() : this.someDiagnostics(max, bySeverity, total);
  }

  /** How many diagnostics of each severity there are (indexed by severity), without making them. */
  private countBySeverity(): number[] {
    const counts = [0, 0, 0, 0, 0];
    for (const list of this.found.findings.values()) for (const finding of list) counts[severityOf(finding.code)]++;
    for (const finding of this.found.headerFindings) counts[severityOf(finding.code)]++;
    for (const unique of this.found.checker.uniques) counts[severityOf(unique.spec.code)] += unique.repeatedUses;
    return counts;
  }

  /**
   * The diagnostics `limitDiagnostics(this.diagnostics(), max)` gives, making only those it keeps: a file with a
   * value shared by thousands of rows must not cost thousands of messages on every keystroke.
   */
  private someDiagnostics(max: number, bySeverity: readonly number[], total: number): Diagnostic[] {
    const model = this.found.model;
    const records = model.records;
    const { cut, room } = limitCut(bySeverity, max);
    const kept: Kept[] = [];
    const candidates: Kept[] = [];
    const take = (severity: number, item: Kept) => {
      if (severity < cut) kept.push(item);
      else if (severity === cut) candidates.push(item);
    };
    // Header and duplicate findings are made again on each call: the same diagnostic is handed out as the same
    // object as last time, so that a publisher may keep what it made of it (the server keeps its encoded bytes).
    const made = new Map<string, Diagnostic>();
    const finding = (found: Finding) => () => {
      const diagnostic = toDiagnostic(this.positionAt, found, found.start, found.end);
      const key = keyOf(diagnostic);
      const same = this.madeBefore.get(key) ?? diagnostic;
      made.set(key, same);
      return same;
    };
    // Findings from outside a record come before its own at the same place, in the order they are placed.
    let seq = 0;
    for (const found of this.found.headerFindings) {
      take(severityOf(found.code), { start: found.start, rank: found.rank, kind: 0, seq: seq++, make: finding(found) });
    }
    for (const unique of this.found.checker.uniques) {
      const severity = severityOf(unique.spec.code);
      if (severity > cut) continue;
      for (const entry of unique.duplicated) {
        const uses = unique.usesOf(entry);
        const count = severity < cut ? uses.length : Math.min(uses.length, room);
        const named = count > 0 ? this.namedOf(unique, entry, uses) : undefined;
        for (let use = 0; use < count; use++) {
          const at = records.indexOf(uses[use]);
          const start = records.starts[at] + this.spanOf(unique, at).start;
          const make = () => finding(this.duplicateOf(unique, uses, use, named as Named))();
          take(severity, { start, rank: RANK_DUPLICATE, kind: 0, seq: seq++, make });
        }
      }
    }
    // A record's own findings, records in order: past `room` of the cut severity, none can be kept.
    let ownCandidates = 0;
    const indexes = [...this.found.findings.keys()].map((id) => records.indexOf(id)).sort((a, b) => a - b);
    for (const index of indexes) {
      const base = records.starts[index];
      let converted: Diagnostic[] | undefined;
      this.sortedOwn(index).forEach((found, at) => {
        const severity = severityOf(found.code);
        if (severity > cut || (severity === cut && ownCandidates >= room)) return;
        if (severity === cut) ownCandidates++;
        const make = () => (converted ??= this.ownDiagnostics(index))[at];
        take(severity, { start: base + found.start, rank: found.rank, kind: 1, seq: at, make });
      });
    }
    candidates.sort(compareKept);
    kept.push(...candidates.slice(0, room));
    kept.sort(compareKept);
    const diagnostics = [
      limitSummary(total, bySeverity[DiagnosticSeverity.Error], max),
      ...kept.map((item) => item.make()),
    ];
    this.madeBefore = made;
    return diagnostics;
  }

  /** A record's own findings in the order its diagnostics list them. */
  private sortedOwn(index: number): RankedFinding[] {
    const own = [...(this.found.findings.get(this.found.model.records.ids[index]) ?? [])];
    return own.sort((a, b) => a.start - b.start || a.rank - b.rank);
  }

  /** What the messages about a repeated value name: the value, and the lines of its first uses. */
  private namedOf(unique: UniqueValues, entry: number, uses: readonly number[]): Named {
    const model = this.found.model;
    const records = model.records;
    // An entry stands for one value for as long as the index lives: the value is read from a row once.
    let keys = this.keys.get(unique);
    if (!keys) this.keys.set(unique, (keys = new Map()));
    let key = keys.get(entry);
    if (key === undefined) keys.set(entry, (key = unique.keyOf(model.row(records.indexOf(uses[0])))));
    const lines = uses
      .slice(0, LINES_NAMED + 1)
      .map((id) => model.document.positionAt(records.starts[records.indexOf(id)]).line + 1);
    return { key, lines };
  }

  /** The finding of use `use` of a repeated value. */
  private duplicateOf(unique: UniqueValues, uses: readonly number[], use: number, named: Named): Finding {
    const records = this.found.model.records;
    const index = records.indexOf(uses[use]);
    const start = records.starts[index];
    const span = this.spanOf(unique, index);
    return duplicateFinding(
      unique.spec,
      named.key,
      use,
      uses.length,
      named.lines,
      start + span.start,
      start + span.end,
    );
  }

  /** Where the unique column's cell of record `index` sits in its record. */
  private spanOf(unique: UniqueValues, index: number): { start: number; end: number } {
    const model = this.found.model;
    const id = model.records.ids[index];
    // Unique columns differ in field, so the span is kept per column and record.
    const key = id * 4 + this.found.checker.uniques.indexOf(unique);
    let span = this.spans.get(key);
    if (!span) {
      const row = model.row(index);
      const field = unique.spec.field;
      span = { start: row.cellStart(field) - row.start, end: row.cellEnd(field) - row.start };
      this.spans.set(key, span);
    }
    return span;
  }

  private allDiagnostics(): Diagnostic[] {
    const model = this.found.model;
    const records = model.records;
    // Findings that are not a record's own (header, duplicates), by record, with document offsets.
    const extra = new Map<number, Placed[]>();
    const place = (index: number, finding: Finding, rank: number) => {
      const list = extra.get(index) ?? [];
      list.push({ start: finding.start, end: finding.end, rank, finding });
      extra.set(index, list);
    };
    for (const finding of this.found.headerFindings) place(model.headerIndex, finding, finding.rank);
    for (const unique of this.found.checker.uniques) {
      for (const entry of unique.duplicated) {
        const uses = unique.usesOf(entry);
        const named = this.namedOf(unique, entry, uses);
        uses.forEach((id, use) =>
          place(records.indexOf(id), this.duplicateOf(unique, uses, use, named), RANK_DUPLICATE),
        );
      }
    }
    const indexes = new Set(extra.keys());
    for (const id of this.found.findings.keys()) indexes.add(records.indexOf(id));
    // Records in order; within a record, findings by position (records never overlap).
    const diagnostics: Diagnostic[] = [];
    for (const index of [...indexes].sort((a, b) => a - b)) {
      const more = extra.get(index);
      // A loop, not push(...): the header record alone may hold hundreds of thousands (one per column).
      for (const diagnostic of more ? this.cachedMixedDiagnostics(index, more) : this.ownDiagnostics(index)) {
        diagnostics.push(diagnostic);
      }
    }
    return diagnostics;
  }

  /** A record's own findings as diagnostics: converted once, and again only when the record moves to another line. */
  private ownDiagnostics(index: number): Diagnostic[] {
    const records = this.found.model.records;
    const id = records.ids[index];
    const line = this.found.model.document.positionAt(records.starts[index]).line;
    const converted = this.converted.get(id);
    if (converted && converted.line === line) return converted.diagnostics;
    const diagnostics = this.mixedDiagnostics(index, []);
    this.converted.set(id, { line, diagnostics });
    return diagnostics;
  }

  /**
   * A record's findings together with those from outside it (header, duplicates): converted again only when the
   * record's line or the outside findings change (a duplicate's message names the other rows' lines).
   */
  private cachedMixedDiagnostics(index: number, extra: Placed[]): Diagnostic[] {
    const records = this.found.model.records;
    const id = records.ids[index];
    const line = this.found.model.document.positionAt(records.starts[index]).line;
    const key = extra.map(({ start, finding }) => `${start - records.starts[index]}:${finding.message}`).join('\n');
    const converted = this.convertedWith.get(id);
    if (converted && converted.line === line && converted.key === key) return converted.diagnostics;
    const diagnostics = this.mixedDiagnostics(index, extra);
    this.convertedWith.set(id, { line, key, diagnostics });
    return diagnostics;
  }

  private mixedDiagnostics(index: number, extra: Placed[]): Diagnostic[] {
    const records = this.found.model.records;
    const own = this.found.findings.get(records.ids[index]) ?? [];
    return placeInRecord(own, records.starts[index], extra).map(({ start, end, finding }) =>
      toDiagnostic(this.positionAt, finding, start, end),
    );
  }
}

/** What a header or duplicate diagnostic says, as a key (severity and source come with the code). */
function keyOf(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  const data = diagnostic.data === undefined ? '' : JSON.stringify(diagnostic.data);
  return `${String(diagnostic.code)}|${start.line}:${start.character}-${end.line}:${end.character}|${diagnostic.message}|${data}`;
}

/** What the messages about one repeated value name. */
interface Named {
  key: string;
  lines: number[];
}
