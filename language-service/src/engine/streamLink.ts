/**
 * Between the two readings of a text checked in parts: what each of a part's values is across the whole text. Every
 * part's values are sorted the same way (`streamValues.ts`), so a part walks its own list and the others' side by
 * side, reading them where they are (in memory shared between threads), in one pass over each. A value used more
 * than once in all counts as repeated, and the part learns how many uses it has in all, how many come before the
 * part's own, and the lines of its first uses, which a duplicate's message names.
 */
import { LINES_NAMED } from '../rules/duplicates';
import type { PartSummary } from './streamIndex';
import { compareAt, hashAOf, hashBOf, lineOf, runEnd, STRIDE, type SortedValues } from './streamValues';

/** What a part needs to know of one of its values that is used more than once in the whole text. */
export interface RepeatedValue {
  /** How many records use it, in all. */
  count: number;
  /** How many of them come before the part's own. */
  before: number;
  /** The lines of its first uses (at most one more than a message names), counted from the text's first line. */
  lines: number[];
}

/** A column's repeated values, by where their run starts in the part's own sorted list. */
export type RepeatedValues = Map<number, RepeatedValue>;

/** How many first uses' lines are kept: the most a message names, and the use being reported. */
const NAMED_USES = LINES_NAMED + 1;

/** For each unique column, the values of part `own` used more than once in the whole text (`summaries`, in order). */
export function linkParts(summaries: readonly PartSummary[], own: number): RepeatedValues[] {
  const firstLines: number[] = [];
  let line = 0;
  for (const summary of summaries) {
    firstLines.push(line);
    line += summary.lines;
  }
  return summaries[own].columns.map((_, column) =>
    repeatedIn(
      summaries.map((summary) => summary.columns[column]),
      firstLines,
      own,
    ),
  );
}

function repeatedIn(parts: readonly SortedValues[], firstLines: readonly number[], own: number): RepeatedValues {
  const repeated: RepeatedValues = new Map();
  const mine = parts[own];
  /** Where each part's list is read, and the run of the current value in it (empty where it has none). */
  const at = new Int32Array(parts.length);
  const runStart = new Int32Array(parts.length);
  const runStop = new Int32Array(parts.length);
  for (let start = 0; start < mine.count;) {
    const end = runEnd(mine, start);
    const a = hashAOf(mine, start);
    const b = hashBOf(mine, start);
    let count = 0;
    for (let part = 0; part < parts.length; part++) {
      if (part === own) {
        runStart[part] = start;
        runStop[part] = end;
      } else {
        const values = parts[part];
        let next = at[part];
        while (next < values.count && compareAt(values, next, a, b) < 0) next++;
        const found = next < values.count && compareAt(values, next, a, b) === 0;
        runStart[part] = next;
        runStop[part] = found ? runEnd(values, next) : next;
        at[part] = runStop[part];
      }
      count += runStop[part] - runStart[part];
    }
    if (count > 1) {
      let before = 0;
      const lines: number[] = [];
      for (let part = 0; part < parts.length; part++) {
        if (part < own) before += runStop[part] - runStart[part];
        for (let use = runStart[part]; use < runStop[part] && lines.length < NAMED_USES; use++) {
          lines.push(lineOf(parts[part], use) + firstLines[part]);
        }
      }
      repeated.set(start, { count, before, lines });
    }
    start = end;
  }
  return repeated;
}

/**
 * A part's list reduced to its repeated values (the only ones the second reading looks up), with their places in
 * it: once the parts have met, the whole list (about 12 bytes a value) need not be kept while the rules run.
 */
export function keepRepeated(
  values: SortedValues,
  repeated: RepeatedValues,
): { values: SortedValues; repeated: RepeatedValues } {
  const starts = [...repeated.keys()].sort((a, b) => a - b);
  const ends = starts.map((start) => runEnd(values, start));
  const count = starts.reduce((total, start, at) => total + ends[at] - start, 0);
  const data = new Int32Array(count * STRIDE);
  const kept: RepeatedValues = new Map();
  let at = 0;
  starts.forEach((start, run) => {
    kept.set(at, repeated.get(start) as RepeatedValue);
    data.set(values.data.subarray(start * STRIDE, ends[run] * STRIDE), at * STRIDE);
    at += ends[run] - start;
  });
  return { values: { count, data }, repeated: kept };
}
