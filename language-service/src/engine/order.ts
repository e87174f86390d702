/**
 * The order diagnostics are listed in, the same for every source: by position, and at one position, the file's
 * structure, the header, duplicates, then each row's own rules in rule order. Records never overlap, so a file's
 * list is each record's list in record order: `placeInRecord` orders one record's findings.
 */
import type { Finding } from '../rules/report';

export const RANK_QUOTE = 0;
export const RANK_MISSING_HEADER = 1;
export const RANK_LEADING_BLANK = 2;
export const RANK_HEADER = 3;
export const RANK_DUPLICATE = 4;
export const RANK_ROW = 5;

export interface RankedFinding extends Finding {
  rank: number;
}

/** A finding at document offsets, ready to be sorted with the others of its record. */
export interface Placed {
  start: number;
  end: number;
  rank: number;
  finding: Finding;
}

/**
 * One record's findings in list order: `extra` (from outside the record: the header's, duplicates; at document
 * offsets, in the order they were placed) with its own (offsets relative to `base`, the record's start).
 */
export function placeInRecord(own: readonly RankedFinding[], base: number, extra: readonly Placed[]): Placed[] {
  const placed = [...extra];
  for (const finding of own) {
    placed.push({ start: base + finding.start, end: base + finding.end, rank: finding.rank, finding });
  }
  // Stable: at one place and rank, the order they were found in.
  return placed.sort((a, b) => a.start - b.start || a.rank - b.rank);
}
