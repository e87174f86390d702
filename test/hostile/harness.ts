/**
 * What the hostile-file tests share: counting diagnostics by code, writing ranges the way the corpus states them,
 * and measuring a child process's peak memory (`peakMemory.cjs`, preloaded through NODE_OPTIONS).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { HostileCase } from '../fixtures/hostile/generate';

export const PEAK_MEMORY_PRELOAD = resolve(__dirname, 'peakMemory.cjs');

/** How many diagnostics of each code, keys sorted. */
export function countCodes(codes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const code of [...codes].sort()) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

/** A diagnostic as the corpus states it: `code line:char-line:char`. */
export function rangeOf(diagnostic: Pick<Diagnostic, 'code' | 'range'>): string {
  const { start, end } = diagnostic.range;
  return `${String(diagnostic.code)} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** The expected counts, keys sorted, for comparing with `countCodes`. */
export function sortedCounts(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** A temporary directory; `remove()` deletes it with everything written to it. */
export function scratchDirectory(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'subscriber-csv-hostile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeCase(dir: string, hostile: HostileCase): string {
  const path = join(dir, hostile.name);
  writeFileSync(path, hostile.bytes());
  return path;
}

/** The environment that makes a Node child report its peak memory to `file` when it exits. */
export function peakMemoryEnv(file: string): NodeJS.ProcessEnv {
  const options = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(PEAK_MEMORY_PRELOAD)}`].filter(Boolean);
  return { ...process.env, NODE_OPTIONS: options.join(' '), HOSTILE_PEAK_FILE: file };
}

/** The peak memory (MB) the child that wrote `file` reported, or undefined when it did not exit normally. */
export function readPeakMb(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const { peakKb } = JSON.parse(lines[lines.length - 1]) as { peakKb: number };
  return peakKb / 1024;
}

/** One measurement line, as the tests print it (and docs/hostile-files.md quotes it). */
export function describeMeasurement(
  what: string,
  ms: number,
  peakMb: number | undefined,
  budget: { ms: number; mb: number },
): string {
  const peak = peakMb === undefined ? 'peak unknown' : `peak ${peakMb.toFixed(0)} MB`;
  return `${what}: ${ms.toFixed(0)} ms (budget ${budget.ms}), ${peak} (budget ${budget.mb})`;
}
