/**
 * The workspace's import history: when, which file, by which endpoint and with what counts, newest first. Kept in
 * the workspace's state (never the token, never a cell value: the endpoint URL holds neither, by the rules of
 * `checkEndpointUrl`). Whatever is read back is checked, since stored state can be stale or edited. Pure.
 */
import { countsText } from '../../../common/importClient';

export const IMPORT_HISTORY_KEY = 'subscriberCsv.importHistory';
/** The oldest entries are dropped past this many. */
export const MAX_HISTORY = 200;

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface HistoryEntry {
  /** ISO time the endpoint answered. */
  at: string;
  /** The file, as the workspace names it (relative to its folder when inside one). */
  file: string;
  /** The document's URI, to open it again. */
  uri: string;
  endpoint: string;
  /** `imported`: the endpoint answered 200 (some rows may have failed); otherwise why nothing was imported. */
  outcome: 'imported' | 'failed';
  counts?: Counts;
  /** For a failure: its kind (`conflict`, `network`, …) and HTTP status when there was one. */
  failure?: { kind: string; status?: number };
}

/** The history with `entry` first, at most MAX_HISTORY long. */
export function withEntry(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history].slice(0, MAX_HISTORY);
}

/** The well-formed entries of what was stored. */
export function readHistory(value: unknown): HistoryEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isEntry).slice(0, MAX_HISTORY);
}

/** One line for people: `3 created, 0 updated, 0 failed` or `not imported: conflict (HTTP 409)`. */
export function describeOutcome(entry: HistoryEntry): string {
  if (entry.outcome === 'imported' && entry.counts) return countsText(entry.counts);
  const status = entry.failure?.status === undefined ? '' : ` (HTTP ${entry.failure.status})`;
  return `not imported: ${entry.failure?.kind ?? 'failed'}${status}`;
}

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  const text = (key: string) => typeof entry[key] === 'string';
  if (!text('at') || !text('file') || !text('uri') || !text('endpoint')) return false;
  if (entry.outcome === 'imported') return isCounts(entry.counts);
  if (entry.outcome !== 'failed') return false;
  const failure = entry.failure as Record<string, unknown> | undefined;
  return typeof failure === 'object' && failure !== null && typeof failure.kind === 'string';
}

function isCounts(value: unknown): value is Counts {
  if (typeof value !== 'object' || value === null) return false;
  const counts = value as Record<string, unknown>;
  return ['created', 'updated', 'unchanged', 'failed'].every(
    (key) => typeof counts[key] === 'number' && Number.isInteger(counts[key]) && (counts[key] as number) >= 0,
  );
}
