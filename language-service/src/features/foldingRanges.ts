/**
 * Folding: the data rows under the header (folding them leaves the header in view, and editors whose sticky scroll
 * follows folding ranges keep the header at the top), and each row that a quoted line break spreads over several
 * lines. Editors keep at most 5,000 ranges a file; so does this.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import {
  headerIndexOf,
  isBlankRecord,
  lineCountOf,
  positionOf,
  recordCount,
  recordEnd,
  recordStart,
} from '../model/modelQueries';
import type { SubscriberModel } from '../model/subscriberModel';

export const MAX_FOLDING_RANGES = 5000;

export function getFoldingRanges(model: SubscriberModel, max = MAX_FOLDING_RANGES): FoldingRange[] {
  const header = headerIndexOf(model);
  if (header < 0) return [];
  const count = recordCount(model);
  let last = count - 1;
  while (last > header && isBlankRecord(model, last)) last--;
  const lineOf = (offset: number) => positionOf(model, offset).line;
  const headerLine = lineOf(recordStart(model, header));
  const lastLine = lineOf(recordEnd(model, last));
  const ranges: FoldingRange[] = [];
  if (lastLine > headerLine) ranges.push({ startLine: headerLine, endLine: lastLine, kind: FoldingRangeKind.Region });
  // Each record ends at a line break: with as many lines as records, no record spans lines.
  if (lineCountOf(model) - 1 <= count) return ranges;
  let startLine = headerLine;
  for (let index = header; index < count && ranges.length < max; index++) {
    const nextLine = index + 1 < count ? lineOf(recordStart(model, index + 1)) : lineOf(recordEnd(model, index)) + 1;
    if (nextLine - startLine > 1) ranges.push({ startLine, endLine: nextLine - 1, kind: FoldingRangeKind.Region });
    startLine = nextLine;
  }
  return ranges;
}
