/**
 * Validation of a text that arrives in pieces, for files too large to hold (the CLI on a million rows): each
 * record is checked as soon as it is complete and then dropped, so memory stays flat whatever the file's size.
 * What spans rows is kept small: the header, every value's first use (as hashes, `rules/firstUses.ts`) and the
 * uses of values found twice. The diagnostics are those a full validation of the same text gives, in the same
 * order, with the column of the cell each one starts in (for output that names it).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { RECORD_BLANK, RECORD_UNTERMINATED, scanRecords } from './csv/recordTable';
import { RowView } from './csv/rowView';
import { bomLengthOf, lineEndOf } from './csv/scanCsv';
import { duplicateMessage, UNIQUE_COLUMNS, type UniqueColumn } from './rules/duplicates';
import { unterminatedQuote } from './rules/fileStructure';
import { FirstUses, type CellUse } from './rules/firstUses';
import { diagnosticAt, type Finding, type Report } from './rules/report';
import type { RuleContext } from './rules/rule';
import type { ServiceSettings } from './settings';
import { recordIndexAt, SubscriberModel } from './subscriberModel';
import { RANK_DUPLICATE, RANK_QUOTE, RANK_ROW, type RankedFinding } from './diagnosticAssembly';
import { isServed, ROW_RULES, validate } from './validation';

export interface StreamedDiagnostic {
  diagnostic: Diagnostic;
  /** The column of the cell the diagnostic starts in, when it starts in one under a known column. */
  cellColumn: string | undefined;
}

interface Listed extends StreamedDiagnostic {
  rank: number;
}

/** One unique column's values: first uses, and every use of the values seen more than once. */
interface Uniques {
  spec: UniqueColumn;
  field: number;
  firstUses: FirstUses;
  repeated: Map<string, CellUse[]>;
}

export class StreamValidation {
  private buffer = '';
  /** Document offset and line of `buffer[0]` (a record start once the header is read). */
  private bufferStart = 0;
  private bufferLine = 0;
  private lineStarts: number[] | undefined;
  private recordIndex = 0;
  private model: SubscriberModel | undefined;
  private served = true;
  private readonly listed: Listed[] = [];
  private readonly uniques: Uniques[] = [];
  private readonly view = new RowView();
  private collected: RankedFinding[] = [];
  private context: RuleContext | undefined;

  constructor(
    private readonly settings: ServiceSettings,
    private readonly uri: string,
  ) {}

  /** Takes the next piece of the text. */
  push(text: string): void {
    // A record ends only at a line break: a piece without one (a very long line arriving in pieces) cannot
    // complete a record, so rescanning the unfinished record for it would make long lines quadratic. A CR at
    // the end of the buffer may be waiting for its LF, so then the scan runs.
    const waiting = this.buffer.charCodeAt(this.buffer.length - 1) === 13;
    this.buffer += text;
    if (!waiting && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return;
    this.consume(false);
  }

  /** Ends the text; returns every diagnostic, in position order. */
  end(): StreamedDiagnostic[] {
    this.consume(true);
    if (!this.model) return this.validateWhole();
    if (!this.served) return [];
    return this.mergeDuplicates();
  }

  private consume(atEnd: boolean): void {
    if (!this.model && !this.readHeader(atEnd)) return;
    if (!this.served) {
      this.buffer = '';
      return;
    }
    const stopped = scanRecords(
      this.buffer,
      0,
      (start, end, flags) => {
        this.checkRecord(start + this.bufferStart, end + this.bufferStart, flags);
        return true;
      },
      atEnd,
    );
    this.drop(stopped);
  }

  /**
   * Reads the records up to the header once it is complete, as a model of its own (the text before the header
   * stays in the buffer until then). Returns false while the header is not complete.
   */
  private readHeader(atEnd: boolean): boolean {
    const text = this.buffer;
    let headerNext = -1;
    scanRecords(
      text,
      bomLengthOf(text),
      (_start, _end, flags, next) => {
        if (flags & RECORD_BLANK) return true;
        headerNext = next;
        return false;
      },
      atEnd,
    );
    if (headerNext < 0) return false;
    const prefix = TextDocument.create(this.uri, 'subscriber-csv', 1, text.slice(0, headerNext));
    const model = new SubscriberModel(prefix);
    this.model = model;
    this.served = isServed(model, this.settings);
    if (!this.served) return true;
    const columnOf = columnLookup(model);
    for (const diagnostic of validate(model, this.settings)) {
      this.listed.push({ diagnostic, cellColumn: columnOf(prefix.offsetAt(diagnostic.range.start)), rank: -1 });
    }
    this.recordIndex = model.records.count;
    const report: Report = (code, start, end, message, data) => {
      const finding: RankedFinding = { code, start, end, message, rank: RANK_ROW };
      if (data) finding.data = data;
      this.collected.push(finding);
    };
    this.context = { model, settings: this.settings, report };
    // Rules read rows through the model's source: from here on, the buffer at its document offsets.
    model.source = {
      get length() {
        return Number.MAX_SAFE_INTEGER;
      },
      slice: (start, end) => this.buffer.slice(start - this.bufferStart, end - this.bufferStart),
      text: undefined,
    };
    if (model.looksLikeSubscriberFile) {
      for (const spec of UNIQUE_COLUMNS) {
        const field = model.fieldOfColumn.get(spec.column);
        if (field !== undefined) this.uniques.push({ spec, field, firstUses: new FirstUses(), repeated: new Map() });
      }
    }
    this.drop(headerNext);
    return true;
  }

  private checkRecord(start: number, end: number, flags: number): void {
    const model = this.model as SubscriberModel;
    this.collected = [];
    if (flags & RECORD_UNTERMINATED) {
      const lineEnd = lineEndOf(this.buffer, end - this.bufferStart) + this.bufferStart;
      this.collected.push({ ...unterminatedQuote(end, lineEnd), rank: RANK_QUOTE });
    }
    const row = this.view.load(this.buffer, this.bufferStart, this.recordIndex++, start, end, flags);
    if (model.looksLikeSubscriberFile) {
      for (const uniques of this.uniques) this.addUse(uniques, row);
      for (const rule of ROW_RULES) rule.checkRow(row, this.context as RuleContext);
    }
    this.collected.sort((a, b) => a.start - b.start || a.rank - b.rank);
    for (const finding of this.collected) {
      const field = row.fieldAt(finding.start);
      this.listed.push({
        diagnostic: detached(
          diagnosticAt(finding, { start: this.positionAt(finding.start), end: this.positionAt(finding.end) }),
        ),
        cellColumn: field < 0 ? undefined : model.columnOfField[field]?.name,
        rank: finding.rank,
      });
    }
  }

  private addUse(uniques: Uniques, row: RowView): void {
    if (row.blank || uniques.field >= row.cellCount) return;
    const key = uniques.spec.normalise(row.value(uniques.field).trim());
    if (key === '') return;
    const use: CellUse = {
      rowLine: this.positionAt(row.start).line + 1,
      start: this.positionAt(row.cellStart(uniques.field)),
      end: this.positionAt(row.cellEnd(uniques.field)),
    };
    const first = uniques.firstUses.firstUse(key, use);
    if (!first) return;
    const uses = uniques.repeated.get(key);
    if (uses) uses.push(use);
    else uniques.repeated.set(detached(key), [first, use]);
  }

  /** Adds each use of each repeated value to the list, at its place (after the file's and before the row's own). */
  private mergeDuplicates(): StreamedDiagnostic[] {
    const duplicates: Listed[] = [];
    for (const { spec, repeated } of this.uniques) {
      for (const [key, uses] of repeated) {
        const lines = uses.map((use) => use.rowLine);
        uses.forEach((use, index) => {
          const finding: Finding = {
            code: spec.code,
            start: 0,
            end: 0,
            message: duplicateMessage(spec.column, key, lines, index),
            data: { column: spec.column },
          };
          duplicates.push({
            diagnostic: diagnosticAt(finding, { start: use.start, end: use.end }),
            cellColumn: spec.column,
            rank: RANK_DUPLICATE,
          });
        });
      }
    }
    duplicates.sort((a, b) => comparePositions(a.diagnostic.range.start, b.diagnostic.range.start));
    const merged: StreamedDiagnostic[] = [];
    let next = 0;
    for (const item of this.listed) {
      while (next < duplicates.length && comesBefore(duplicates[next], item)) merged.push(strip(duplicates[next++]));
      merged.push(strip(item));
    }
    while (next < duplicates.length) merged.push(strip(duplicates[next++]));
    return merged;
  }

  /** A text with no header (blank lines at most): small, so validated whole. */
  private validateWhole(): StreamedDiagnostic[] {
    const document = TextDocument.create(this.uri, 'subscriber-csv', 1, this.buffer);
    const model = new SubscriberModel(document);
    return validate(model, this.settings).map((diagnostic) => ({
      diagnostic,
      cellColumn: columnAt(model, document.offsetAt(diagnostic.range.start)),
    }));
  }

  /** Forgets the buffer's first `count` characters, keeping the line count. */
  private drop(count: number): void {
    const text = this.buffer;
    let lines = 0;
    for (let at = 0; at < count; at++) {
      const code = text.charCodeAt(at);
      if (code === 13) {
        if (text.charCodeAt(at + 1) === 10) at++;
        lines++;
      } else if (code === 10) {
        lines++;
      }
    }
    this.buffer = text.slice(count);
    this.bufferStart += count;
    this.bufferLine += lines;
    this.lineStarts = undefined;
  }

  /** The position of a document offset inside the buffer, as `TextDocument.positionAt` gives it. */
  private positionAt(offset: number): Position {
    const text = this.buffer;
    const starts = (this.lineStarts ??= lineStartsOf(text));
    const at = Math.min(offset - this.bufferStart, text.length);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    let end = at;
    while (end > starts[low] && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    return { line: this.bufferLine + low, character: end - starts[low] };
  }
}

/** The column of the cell an offset of the model's text is in. */
function columnAt(model: SubscriberModel, offset: number): string | undefined {
  return columnLookup(model)(offset);
}

/**
 * `columnAt` for many offsets of one model: each row is split into cells once, so a header with thousands of
 * diagnostics (a 5,000-column header) is not re-split for every one of them.
 */
function columnLookup(model: SubscriberModel): (offset: number) => string | undefined {
  const rows = new Map<number, ReturnType<SubscriberModel['row']>>();
  return (offset) => {
    const index = recordIndexAt(model, offset);
    if (index < 0) return undefined;
    let row = rows.get(index);
    if (!row) {
      row = model.row(index);
      rows.set(index, row);
    }
    const field = row.fieldAt(offset);
    return field < 0 ? undefined : model.columnOfField[field]?.name;
  };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 13 || code === 10) {
      if (code === 13 && text.charCodeAt(at + 1) === 10) at++;
      starts.push(at + 1);
    }
  }
  return starts;
}

/**
 * A copy that holds no slice of the buffer: values sliced from it and quoted in messages would otherwise keep
 * every piece of the file they came from alive.
 */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** A duplicate goes before a listed diagnostic at a later position, or at the same one from a row's own rules. */
function comesBefore(duplicate: Listed, item: Listed): boolean {
  const order = comparePositions(duplicate.diagnostic.range.start, item.diagnostic.range.start);
  return order < 0 || (order === 0 && item.rank > RANK_DUPLICATE);
}

function strip({ diagnostic, cellColumn }: Listed): StreamedDiagnostic {
  return { diagnostic, cellColumn };
}

export function validateStream(settings: ServiceSettings, uri: string): StreamValidation {
  return new StreamValidation(settings, uri);
}
