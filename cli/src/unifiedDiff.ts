/**
 * The unified diff `--fix-dry-run` prints: the `diff` package compares lines and writes the patch (`patch -p0` and
 * `git apply` read it), and this file splits the work first.
 *
 * `diff`'s comparison (Myers', as every diff library on npm uses) takes time in proportion to the lines times the
 * changes: 14 s for a 10,000-row export with Y → y on every other row. Fixes never move a row, so rows that appear
 * once in each text and are unchanged are matched first (the longest run of them in the same order, as patience
 * diff does), and `diff` compares only what lies between two such rows: a few lines at a time (0.1 s for the same
 * file). A stretch with no unchanged unique row in it is shown removed then added, as `git diff` shows it.
 */
import { diffArrays, formatPatch, type StructuredPatchHunk } from 'diff';

/** Lines of context around each change, as `diff -u` and `git diff` give. */
const CONTEXT = 3;
/** Past this many line pairs, a stretch between matched rows is not compared line by line. */
const MAX_COMPARED_PAIRS = 1_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

/** `oldText` → `newText` as a unified diff with `---`/`+++` headers; empty when they are equal. */
export function unifiedDiff(
  fileName: string,
  oldText: string,
  newText: string,
  oldHeader: string,
  newHeader: string,
): string {
  const ops = lineOps(linesOf(oldText), linesOf(newText));
  const hunks = hunksOf(ops);
  if (hunks.length === 0) return '';
  return formatPatch({ oldFileName: fileName, newFileName: fileName, oldHeader, newHeader, hunks }, FILE_HEADERS);
}

const FILE_HEADERS = { includeIndex: false, includeUnderline: false, includeFileHeaders: true };

/** The lines of a text, each with its line break (`\r\n` keeps its `\r`); the last may have none. */
function linesOf(text: string): string[] {
  const lines = text.split('\n').map((line) => `${line}\n`);
  const last = lines.pop() as string;
  if (last !== '\n') lines.push(last.slice(0, -1));
  return lines;
}

function lineOps(before: readonly string[], after: readonly string[]): Op[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  const ops: Op[] = before.slice(0, head).map((line) => ({ kind: ' ', line }));
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);
  let oldAt = 0;
  let newAt = 0;
  for (const [oldAnchor, newAnchor] of [...anchorsOf(oldMiddle, newMiddle), [oldMiddle.length, newMiddle.length]]) {
    ops.push(...gapOps(oldMiddle.slice(oldAt, oldAnchor), newMiddle.slice(newAt, newAnchor)));
    if (oldAnchor < oldMiddle.length) ops.push({ kind: ' ', line: oldMiddle[oldAnchor] });
    oldAt = oldAnchor + 1;
    newAt = newAnchor + 1;
  }
  for (const line of before.slice(before.length - tail)) ops.push({ kind: ' ', line });
  return ops;
}

/** Pairs of places of lines that appear once in each text, the longest series in the same order in both. */
function anchorsOf(before: readonly string[], after: readonly string[]): [number, number][] {
  const counts = new Map<string, { old: number; new: number; at: number }>();
  before.forEach((line, index) => {
    const count = counts.get(line) ?? { old: 0, new: 0, at: index };
    count.old++;
    counts.set(line, count);
  });
  const pairs: [number, number][] = [];
  after.forEach((line) => {
    const count = counts.get(line);
    if (count) count.new++;
  });
  after.forEach((line, index) => {
    const count = counts.get(line);
    if (count && count.old === 1 && count.new === 1) pairs.push([count.at, index]);
  });
  pairs.sort((a, b) => a[0] - b[0]);
  return longestIncreasing(pairs);
}

/** The longest subsequence of `pairs` (ordered by their first place) whose second places increase too. */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length);
  pairs.forEach(([, second], index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[tails[mid]][1] < second) low = mid + 1;
      else high = mid;
    }
    previous[index] = low > 0 ? tails[low - 1] : -1;
    tails[low] = index;
  });
  const chain: [number, number][] = [];
  for (let index = tails.length > 0 ? tails[tails.length - 1] : -1; index >= 0; index = previous[index]) {
    chain.push(pairs[index]);
  }
  return chain.reverse();
}

/** The lines between two matched rows: compared by `diff` when small enough, else removed then added. */
function gapOps(before: readonly string[], after: readonly string[]): Op[] {
  if (before.length > 0 && after.length > 0 && before.length * after.length <= MAX_COMPARED_PAIRS) {
    return diffArrays([...before], [...after]).flatMap((change) =>
      change.value.map((line): Op => ({ kind: change.added ? '+' : change.removed ? '-' : ' ', line })),
    );
  }
  return [...before.map((line): Op => ({ kind: '-', line })), ...after.map((line): Op => ({ kind: '+', line }))];
}

/** Hunks with `CONTEXT` lines around each change; changes at most twice that apart share a hunk. */
function hunksOf(ops: readonly Op[]): StructuredPatchHunk[] {
  // Before each op, how many lines of each text come before it.
  const oldBefore = new Int32Array(ops.length + 1);
  const newBefore = new Int32Array(ops.length + 1);
  const changes: number[] = [];
  ops.forEach((op, index) => {
    oldBefore[index + 1] = oldBefore[index] + (op.kind === '+' ? 0 : 1);
    newBefore[index + 1] = newBefore[index] + (op.kind === '-' ? 0 : 1);
    if (op.kind !== ' ') changes.push(index);
  });
  const hunks: StructuredPatchHunk[] = [];
  for (let first = 0; first < changes.length;) {
    let last = first;
    while (last + 1 < changes.length && changes[last + 1] - changes[last] - 1 <= 2 * CONTEXT) last++;
    const from = Math.max(0, changes[first] - CONTEXT);
    const to = Math.min(ops.length, changes[last] + 1 + CONTEXT);
    const oldLines = oldBefore[to] - oldBefore[from];
    const newLines = newBefore[to] - newBefore[from];
    hunks.push({
      // An empty side is written, as `diff -u` writes it, at the line before it.
      oldStart: oldBefore[from] + (oldLines === 0 ? 0 : 1),
      oldLines,
      newStart: newBefore[from] + (newLines === 0 ? 0 : 1),
      newLines,
      lines: ops.slice(from, to).flatMap(patchLines),
    });
    first = last + 1;
  }
  return hunks;
}

/** A line in a hunk: its kind and text, and the mark of a last line with no line break. */
function patchLines({ kind, line }: Op): string[] {
  return line.endsWith('\n') ? [kind + line.slice(0, -1)] : [kind + line, '\\ No newline at end of file'];
}
