/**
 * Turns what a validation found into LSP diagnostics, in the order a full validation lists them: by position,
 * and at one position, the file's structure, the header, duplicates, then each row's own rules.
 *
 * A record's diagnostics are converted once and again only when the record moves to another line, so a keystroke
 * converts the row it changed. When at most `max` are wanted (the editor shows 1,000), only those kept are made:
 * errors first, then the first ones of the next severity, as `limitDiagnostics` would keep them.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { CATALOG, type DiagnosticCode } from './diagnosticCatalog';
import { limitCut, limitSummary } from './diagnosticLimit';
import type { DuplicateIndex } from './rules/duplicates';
import { emptyFile, missingHeader } from './rules/fileStructure';
import { toDiagnostic, type Finding } from './rules/report';
import type { SubscriberModel } from './subscriberModel';

/**
 * Where findings at the same position go in the list, as the rules were once run: the file's structure, the
 * header, duplicates, then each row's own rules.
 */
export const RANK_QUOTE = 0;
export const RANK_MISSING_HEADER = 1;
export const RANK_LEADING_BLANK = 2;
export const RANK_HEADER = 3;
export const RANK_DUPLICATE = 4;
export const RANK_ROW = 5;

export interface RankedFinding extends Finding {
  rank: number;
}

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
  return CATALOG[code].severity;
}

/** A finding at document offsets, ready to be sorted with the others of its record. */
interface Placed {
  start: number;
  end: number;
  rank: number;
  finding: Finding;
}

/** What a validation has found so far. */
export interface Found {
  readonly model: SubscriberModel;
  /** The findings of each record that has any, by record id, with offsets relative to the record's start. */
  readonly findings: ReadonlyMap<number, readonly RankedFinding[]>;
  /** The header's findings, at document offsets. */
  readonly headerFindings: readonly RankedFinding[];
  readonly duplicates: readonly DuplicateIndex[];
}

export class DiagnosticAssembly {
  /** Each record's own findings as diagnostics, by record id, with the line they were converted at. */
  private readonly converted = new Map<number, { line: number; diagnostics: Diagnostic[] }>();
  /** The same for records with findings from outside them, with what those said. */
  private readonly convertedWith = new Map<number, { line: number; key: string; diagnostics: Diagnostic[] }>();

  constructor(private readonly found: Found) {}

  /** Forgets the conversions of a record that an edit replaced. */
  forget(id: number): void {
    this.converted.delete(id);
    this.convertedWith.delete(id);
  }

  /** Every diagnostic in position order, or with `max`, what `limitDiagnostics` keeps of them. */
  diagnostics(max = Infinity): Diagnostic[] {
    const model = this.found.model;
    const document = model.document;
    if (model.headerIndex < 0) {
      const finding = emptyFile(model.source.length);
      return [toDiagnostic(document, finding, finding.start, finding.end)];
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
    if (!this.found.model.looksLikeSubscriberFile) counts[severityOf('missing-header')]++;
    for (const index of this.found.duplicates) {
      for (const key of index.duplicated) counts[severityOf(index.spec.code)] += index.usesOf(key).length;
    }
    return counts;
  }

  /**
   * The diagnostics `limitDiagnostics(this.diagnostics(), max)` gives, making only those it keeps: a file with a
   * value shared by thousands of rows must not cost thousands of messages on every keystroke.
   */
  private someDiagnostics(max: number, bySeverity: readonly number[], total: number): Diagnostic[] {
    const model = this.found.model;
    const document = model.document;
    const records = model.records;
    const { cut, room } = limitCut(bySeverity, max);
    const kept: Kept[] = [];
    const candidates: Kept[] = [];
    const take = (severity: number, item: Kept) => {
      if (severity < cut) kept.push(item);
      else if (severity === cut) candidates.push(item);
    };
    const finding = (found: Finding) => () => toDiagnostic(document, found, found.start, found.end);
    // Findings from outside a record come before its own at the same place, in the order they are placed.
    let seq = 0;
    if (!model.looksLikeSubscriberFile) {
      const found = missingHeader(records.starts[model.headerIndex], records.ends[model.headerIndex]);
      take(severityOf(found.code), {
        start: found.start,
        rank: RANK_MISSING_HEADER,
        kind: 0,
        seq: seq++,
        make: finding(found),
      });
    }
    for (const found of this.found.headerFindings) {
      take(severityOf(found.code), { start: found.start, rank: found.rank, kind: 0, seq: seq++, make: finding(found) });
    }
    for (const index of this.found.duplicates) {
      const severity = severityOf(index.spec.code);
      if (severity > cut) continue;
      for (const key of index.duplicated) {
        const uses = index.usesOf(key);
        const count = severity < cut ? uses.length : Math.min(uses.length, room);
        const lines = count > 0 ? index.linesNamed(key) : [];
        for (let use = 0; use < count; use++) {
          const at = records.indexOf(uses[use]);
          const start = records.starts[at] + index.spanOf(at).start;
          const make = () => finding(index.findingOf(key, use, lines))();
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
    return [limitSummary(total, bySeverity[DiagnosticSeverity.Error], max), ...kept.map((item) => item.make())];
  }

  /** A record's own findings in the order its diagnostics list them. */
  private sortedOwn(index: number): RankedFinding[] {
    const own = [...(this.found.findings.get(this.found.model.records.ids[index]) ?? [])];
    return own.sort((a, b) => a.start - b.start || a.rank - b.rank);
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
    if (!model.looksLikeSubscriberFile) {
      place(
        model.headerIndex,
        missingHeader(records.starts[model.headerIndex], records.ends[model.headerIndex]),
        RANK_MISSING_HEADER,
      );
    }
    for (const finding of this.found.headerFindings) place(model.headerIndex, finding, finding.rank);
    for (const index of this.found.duplicates)
      index.findings((record, finding) => place(record, finding, RANK_DUPLICATE));
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
    const base = this.found.model.records.starts[index];
    const placed = [...extra];
    for (const finding of this.found.findings.get(this.found.model.records.ids[index]) ?? []) {
      placed.push({ start: base + finding.start, end: base + finding.end, rank: finding.rank, finding });
    }
    placed.sort((a, b) => a.start - b.start || a.rank - b.rank);
    return placed.map(({ start, end, finding }) => toDiagnostic(this.found.model.document, finding, start, end));
  }
}
