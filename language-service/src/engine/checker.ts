/**
 * The validation engine: every rule, run over records from any source. A source (the editor's record table, the
 * CLI's stream) hands it the header once and then records one at a time; the engine answers each record's own
 * findings, keeps the values that must be unique across rows in its indexes, and says in which order everything is
 * listed (`order.ts`). What a source does with the findings (keep them by record so that an edit re-checks only what
 * it touched, or print them at once) is the source's business: incremental checking is a property of the source.
 */
import type { RowView } from '../csv/rowView';
import type { Header } from '../model/header';
import { cellValues } from '../rules/cellValues';
import { uniqueColumnsOf } from '../rules/duplicates';
import { blankRowBeforeHeader, missingHeader, unterminatedQuote } from '../rules/fileStructure';
import { formulaInjection } from '../rules/formulaInjection';
import { headerColumns } from '../rules/headerColumns';
import { longValues } from '../rules/longValues';
import { pinAndEmail } from '../rules/pinAndEmail';
import { repeatedColumns } from '../rules/repeatedColumns';
import type { Report } from '../rules/report';
import type { FileRule, RowRule, RuleContext } from '../rules/rule';
import { rowShape } from '../rules/rowShape';
import { takenOnTenant } from '../rules/takenOnTenant';
import { telcoOnlyColumns } from '../rules/telcoOnlyColumns';
import { rowCharacters, textEncoding } from '../rules/textEncoding';
import { unnamedColumns } from '../rules/unnamedColumns';
import { weakPin } from '../rules/weakPin';
import { wrongDelimiter } from '../rules/wrongDelimiter';
import type { ServiceSettings } from '../settings';
import {
  RANK_HEADER,
  RANK_LEADING_BLANK,
  RANK_MISSING_HEADER,
  RANK_QUOTE,
  RANK_ROW,
  type RankedFinding,
} from './order';
import { UniqueValues } from './uniqueValues';

/** The findings of a record that has none (never added to). */
const NONE: RankedFinding[] = [];

/** Rules of the header. */
const FILE_RULES: readonly FileRule[] = [textEncoding, wrongDelimiter, headerColumns];
/** Rules of one data row, in the order their findings at the same position are listed. */
const ROW_RULES: readonly RowRule[] = [
  takenOnTenant,
  rowCharacters,
  rowShape,
  unnamedColumns,
  cellValues,
  repeatedColumns,
  longValues,
  formulaInjection,
  pinAndEmail,
  weakPin,
  telcoOnlyColumns,
];
/** The row rules that still run when only the structure is checked (`settings.structureOnly`). */
const STRUCTURE_RULES: readonly RowRule[] = [rowShape];

/** What the engine needs to know about where records come from. */
export interface EngineSource {
  readonly header: Header | undefined;
  /** The place of a record id in the file (ids survive edits elsewhere; a stream's ids are its record numbers). */
  order(id: number): number;
  /** False when the text is known to hold no NUL or U+FFFD (read before each record: a stream learns it as it goes). */
  readonly mayHoldSuspectCharacters: boolean;
  /** True when records can be replaced after they were indexed (the editor). */
  readonly editable: boolean;
}

export class RecordChecker {
  /** False when the service says nothing about this text (not a subscriber file, and not said to be one). */
  readonly served: boolean;
  /** The values that must be unique, one index per unique column the header has. */
  readonly uniques: readonly UniqueValues[];
  private readonly context: RuleContext | undefined;
  private readonly rowRules: readonly RowRule[];
  private collected: RankedFinding[] = NONE;
  private base = 0;
  private rank = RANK_ROW;

  constructor(
    private readonly source: EngineSource,
    readonly settings: ServiceSettings,
  ) {
    const header = source.header;
    this.served = settings.assumeSubscriberFile || header?.plainlySubscriberHeader === true;
    this.rowRules = settings.structureOnly ? STRUCTURE_RULES : ROW_RULES;
    const report: Report = (code, start, end, message, data) => {
      const finding: RankedFinding = { code, start: start - this.base, end: end - this.base, message, rank: this.rank };
      if (data) finding.data = data;
      this.push(finding);
    };
    this.context = header && {
      header,
      settings,
      report,
      mayHoldSuspectCharacters: source.mayHoldSuspectCharacters,
    };
    const indexed = header?.looksLikeSubscriberFile === true && !settings.structureOnly && this.served;
    this.uniques = indexed
      ? uniqueColumnsOf(header).map((unique) => new UniqueValues(unique, (id) => source.order(id), source.editable))
      : [];
  }

  /** True when data rows are checked at all: the header names a known column. */
  get checksRows(): boolean {
    return this.served && this.source.header?.looksLikeSubscriberFile === true;
  }

  /**
   * The header's findings at document offsets: a missing header, the file rules', and the note that only the
   * structure is checked. `headerText` is the header record's text; `textStart`, the first characters of the text.
   */
  checkHeader(headerText: string, textStart: string): RankedFinding[] {
    const header = this.source.header;
    if (!this.served || !header || !this.context) return [];
    this.collect(0, RANK_MISSING_HEADER);
    if (!header.looksLikeSubscriberFile) {
      this.push({ ...missingHeader(header.start, header.end, header.quotedAsOneCell), rank: RANK_MISSING_HEADER });
    }
    this.rank = RANK_HEADER;
    // File rules run on a header that names no column too: it may be one read with the wrong encoding or delimiter.
    for (const rule of FILE_RULES) rule.checkFile({ ...this.context, headerText, textStart });
    if (this.settings.structureOnly) {
      this.context.report(
        'structure-only',
        header.start,
        header.end,
        'This file is larger than the size set in subscriberCsv.fullCheckLimitMB, so only its structure is checked ' +
          'while you edit. Run `subscriber-csv check` on it (the command-line tool) for every rule.',
      );
    }
    return this.collected;
  }

  /**
   * A record's own findings, at offsets relative to its start: an unclosed quote, a blank row before the header,
   * every row rule on a data row. `lineEnd` finds the end of the line holding an offset (for the quote's range).
   */
  checkRecord(row: RowView, lineEnd: (offset: number) => number): RankedFinding[] {
    this.collect(row.start, RANK_QUOTE);
    const header = this.source.header;
    if (!this.served || !header || !this.context) return this.collected;
    if (row.unterminated) {
      this.push({ ...unterminatedQuote(row.end - row.start, lineEnd(row.end) - row.start), rank: RANK_QUOTE });
    }
    if (row.index < header.index) {
      this.push({ ...blankRowBeforeHeader(0, row.end - row.start), rank: RANK_LEADING_BLANK });
    } else if (row.index > header.index && header.looksLikeSubscriberFile) {
      this.rank = RANK_ROW;
      // A stream learns piece by piece whether the text may hold them.
      this.context.mayHoldSuspectCharacters = this.source.mayHoldSuspectCharacters;
      for (const rule of this.rowRules) rule.checkRow(row, this.context);
    }
    return this.collected;
  }

  /** Adds a data row's unique values to the indexes. */
  indexRecord(row: RowView, id: number): void {
    const header = this.source.header;
    if (!header || row.index <= header.index) return;
    for (const unique of this.uniques) unique.add(row, id);
  }

  private collect(base: number, rank: number): void {
    // Most records have no findings: a list is made only for those that do.
    this.collected = NONE;
    this.base = base;
    this.rank = rank;
  }

  private push(finding: RankedFinding): void {
    if (this.collected === NONE) this.collected = [];
    this.collected.push(finding);
  }
}
