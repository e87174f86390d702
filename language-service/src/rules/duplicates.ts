/**
 * Values that must be unique: an Extension used by two rows or already taken on the tenant,
 * and an Email on two rows.
 *
 * Duplicates span rows, so they are kept in an index that follows edits: each value maps to the records (by id,
 * which survives edits elsewhere) that use it, and the values used more than once are kept apart. A keystroke
 * updates the index for the rows it changed; the diagnostics of every row sharing a value are built from it
 * when diagnostics are published, so they appear and disappear on the other rows too.
 */
import type { DiagnosticCode } from '../diagnosticCatalog';
import { thousands } from '../diagnosticLimit';
import type { RowView } from '../csv/rowView';
import type { SubscriberModel } from '../subscriberModel';
import type { Finding } from './report';
import type { RowRule } from './rule';

export interface UniqueColumn {
  column: string;
  code: DiagnosticCode;
  /** The form in which two values count as the same. */
  normalise(value: string): string;
}

export const UNIQUE_COLUMNS: readonly UniqueColumn[] = [
  { column: 'Extension', code: 'duplicate-extension', normalise: (value) => value },
  { column: 'Email', code: 'duplicate-email', normalise: (value) => value.toLowerCase() },
];

/** How many other lines a duplicate's message names: a value on thousands of rows (a shared mailbox) names a few. */
const LINES_NAMED = 10;

/**
 * "Extension 101 is also used on line 4, 9." for use `use` (-1: one not among `lines`) of a value used `count`
 * times, `lines` being the 1-based lines of its first uses.
 */
export function duplicateMessage(
  column: string,
  key: string,
  lines: readonly number[],
  use: number,
  count = lines.length,
): string {
  const others: number[] = [];
  for (let at = 0; at < lines.length && others.length < LINES_NAMED; at++) if (at !== use) others.push(lines[at]);
  const more = count - 1 - others.length;
  const rest = more > 0 ? ` and ${thousands(more)} more` : '';
  return `${column} ${key} is also used on line ${others.join(', ')}${rest}.`;
}

export class DuplicateIndex {
  /**
   * The records (by id) using each value: one id, or several in the order of the records (edits keep that
   * order). A lone id is kept as a number: most values are used once, and an array for each costs 30 bytes a row.
   */
  private readonly uses = new Map<string, number | number[]>();
  /** Values used by more than one record. */
  readonly duplicated = new Set<string>();
  /** The value each record was indexed under, by record index. */
  keys: (string | undefined)[] = [];
  /** Where a duplicated value's cell sits in its record, by record id: found once, kept while the record is. */
  private readonly spans = new Map<number, { start: number; end: number }>();

  constructor(
    readonly spec: UniqueColumn,
    readonly field: number,
    private readonly model: SubscriberModel,
  ) {}

  /** Indexes a data row's value, if it has one. */
  add(row: RowView, id: number): void {
    if (row.blank || this.field >= row.cellCount) return;
    const key = this.spec.normalise(row.value(this.field).trim());
    if (key === '') return;
    this.keys[row.index] = key;
    const existing = this.uses.get(key);
    if (existing === undefined) {
      this.uses.set(key, id);
      return;
    }
    const uses = typeof existing === 'number' ? [existing] : existing;
    if (uses !== existing) this.uses.set(key, uses);
    const records = this.model.records;
    let low = 0;
    let high = uses.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (records.indexOf(uses[mid]) < row.index) low = mid + 1;
      else high = mid;
    }
    uses.splice(low, 0, id);
    this.duplicated.add(key);
  }

  /** Forgets what record `index` (with `id`) was indexed under. */
  remove(index: number, id: number): void {
    const key = this.keys[index];
    if (key === undefined) return;
    this.keys[index] = undefined;
    this.spans.delete(id);
    const uses = this.uses.get(key);
    if (uses === id) this.uses.delete(key);
    if (typeof uses !== 'object') return;
    const at = uses.indexOf(id);
    if (at < 0) return;
    uses.splice(at, 1);
    if (uses.length === 1) {
      this.uses.set(key, uses[0]);
      this.duplicated.delete(key);
    }
  }

  /** The records (ids) using a repeated value, in record order. */
  usesOf(key: string): readonly number[] {
    const uses = this.uses.get(key);
    return uses === undefined ? [] : typeof uses === 'number' ? [uses] : uses;
  }

  /** Every use of every repeated value, in the order of values and of their records. */
  findings(found: (index: number, finding: Finding) => void): void {
    for (const key of this.duplicated) {
      const lines = this.linesNamed(key);
      this.usesOf(key).forEach((id, use) => found(this.model.records.indexOf(id), this.findingOf(key, use, lines)));
    }
  }

  /** The 1-based lines of the first uses of a repeated value: those its messages can name. */
  linesNamed(key: string): number[] {
    const { records, document } = this.model;
    return this.usesOf(key)
      .slice(0, LINES_NAMED + 1)
      .map((id) => document.positionAt(records.starts[records.indexOf(id)]).line + 1);
  }

  /** The finding of use `use` (in record order) of repeated value `key`, given `linesNamed(key)`. */
  findingOf(key: string, use: number, lines: readonly number[]): Finding {
    const { column, code } = this.spec;
    const uses = this.usesOf(key);
    const index = this.model.records.indexOf(uses[use]);
    const start = this.model.records.starts[index];
    const span = this.spanOf(index);
    const named = use <= LINES_NAMED ? lines : lines.slice(0, LINES_NAMED);
    return {
      code,
      start: start + span.start,
      end: start + span.end,
      message: duplicateMessage(column, key, named, use <= LINES_NAMED ? use : -1, uses.length),
      data: { column },
    };
  }

  /** Where the cell of record `index` sits in its record. */
  spanOf(index: number): { start: number; end: number } {
    const id = this.model.records.ids[index];
    let span = this.spans.get(id);
    if (!span) {
      const row = this.model.row(index);
      span = { start: row.cellStart(this.field) - row.start, end: row.cellEnd(this.field) - row.start };
      this.spans.set(id, span);
    }
    return span;
  }
}

const takenSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The tenant's extensions as a set, made once per list rather than once per row. */
function takenSet(inUse: readonly string[]): ReadonlySet<string> {
  let taken = takenSets.get(inUse);
  if (!taken) {
    taken = new Set(inUse);
    takenSets.set(inUse, taken);
  }
  return taken;
}

export const extensionsInUse: RowRule = {
  name: 'extensions-in-use',
  checkRow(row, { model, settings, report }) {
    const inUse = settings.tenant.extensionsInUse;
    const field = model.fieldOfColumn.get('Extension');
    if (!inUse || inUse.length === 0 || field === undefined || field >= row.cellCount) return;
    const value = row.value(field).trim();
    if (takenSet(inUse).has(value)) {
      report(
        'extension-in-use',
        row.cellStart(field),
        row.cellEnd(field),
        `Extension ${value} is already in use on the tenant.`,
        {
          column: 'Extension',
        },
      );
    }
  },
};
