/**
 * What a fault test measures besides the result: whether the event loop kept ticking (the editor's extension host
 * shares one), whether the file on disk was left alone, and every string a result carries.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The longest pause the extension host may take while an import fails: above it, typing visibly stutters. */
export const MAX_LOOP_GAP_MS = 200;

export interface LoopWatch {
  /** Returns the longest stall so far and measures afresh (the fault starts later than the call). */
  restart(): number;
  /** Stops; returns the longest stall since the (re)start. */
  stop(): number;
  /** The longest gap between ticks by the clock alone, whatever its cause (for reports). */
  longestWallMs(): number;
}

/**
 * Ticks every 10 ms and keeps the longest stall between two ticks. A stall is the gap between ticks, but no more
 * than the CPU time this process used during it: on a loaded machine a process also waits to be scheduled, and that
 * wait is not work of the code under test. A loop held by a long computation shows as CPU time and is counted whole.
 */
export function watchEventLoop(): LoopWatch {
  const tickMs = 10;
  const cpuNow = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  let last = performance.now();
  let lastCpu = cpuNow();
  let longest = 0;
  let longestWall = 0;
  const measure = () => {
    const now = performance.now();
    const cpu = cpuNow();
    const wall = now - last - tickMs;
    longestWall = Math.max(longestWall, wall);
    longest = Math.max(longest, Math.min(wall, cpu - lastCpu));
    last = now;
    lastCpu = cpu;
  };
  const timer = setInterval(measure, tickMs);
  return {
    restart() {
      measure();
      const measured = Math.round(longest);
      longest = 0;
      return measured;
    },
    stop() {
      clearInterval(timer);
      measure();
      return Math.round(longest);
    },
    longestWallMs: () => Math.round(longestWall),
  };
}

export interface FileOnDisk {
  path: string;
  text: string;
  /** Asserts through `check` that the bytes and the modification time are still the ones written. */
  unchanged(): boolean;
  remove(): void;
}

/** Writes `text` to a temp file, as the file the user opened. */
export function fileOnDisk(text: string): FileOnDisk {
  const dir = mkdtempSync(join(tmpdir(), 'subscriber-security-'));
  const path = join(dir, 'team.subscribers.csv');
  writeFileSync(path, text);
  const bytes = readFileSync(path);
  const mtimeMs = statSync(path).mtimeMs;
  return {
    path,
    text: bytes.toString('utf8'),
    unchanged: () => readFileSync(path).equals(bytes) && statSync(path).mtimeMs === mtimeMs,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every string inside a value (result objects, progress events), keys included, however deep. */
export function stringsIn(value: unknown): string[] {
  const found: string[] = [];
  const visit = (item: unknown) => {
    if (typeof item === 'string') found.push(item);
    else if (Array.isArray(item)) item.forEach(visit);
    else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        found.push(key);
        visit(child);
      }
    }
  };
  visit(value);
  return found;
}

/** The first string holding one of the secrets, quoted for an assertion message; undefined when none does. */
export function leakIn(texts: readonly string[], secrets: readonly string[]): string | undefined {
  for (const text of texts) {
    for (const secret of secrets) if (secret !== '' && text.includes(secret)) return `${JSON.stringify(text)}`;
  }
  return undefined;
}

/**
 * A fetch that sends the request body slowly, `chunkBytes` every `intervalMs`, so that a test can act while an
 * upload is in flight. Everything else (headers, signal, redirect policy) is passed through unchanged.
 */
export function throttledFetch(chunkBytes: number, intervalMs: number, onFirstChunk?: () => void): typeof fetch {
  return async (input, init) => {
    if (!(init?.body instanceof FormData)) return fetch(input, init);
    const encoded = new Response(init.body);
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    let offset = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) =>
        new Promise<void>((resolve) => {
          if (offset === 0) onFirstChunk?.();
          const part = bytes.subarray(offset, offset + chunkBytes);
          offset += part.length;
          if (part.length === 0) {
            controller.close();
            resolve();
            return;
          }
          controller.enqueue(part);
          timer = setTimeout(resolve, intervalMs);
        }),
      cancel: () => clearTimeout(timer),
    });
    const headers = new Headers(init.headers);
    headers.set('content-type', encoded.headers.get('content-type') ?? 'multipart/form-data');
    return fetch(input, { ...init, headers, body, duplex: 'half' } as RequestInit);
  };
}

/**
 * Counts every attempt at network I/O, whoever makes it: a request created by fetch (undici), a connection about to
 * be opened, a socket connected by `net`. `stop()` returns the count and unsubscribes.
 */
export function watchNetwork(): { stop(): number } {
  let count = 0;
  const onEvent = () => void count++;
  const channels = ['undici:request:create', 'undici:client:beforeConnect', 'net.client.socket'];
  for (const name of channels) subscribe(name, onEvent);
  return {
    stop() {
      for (const name of channels) unsubscribe(name, onEvent);
      return count;
    },
  };
}
