/**
 * The server measures on one document: open → diagnostics, one-cell edits → diagnostics (including edits
 * that create and remove a duplicate Extension, whose diagnostics land on another row), hover and completion
 * latency, document symbols (the outline, breadcrumbs and sticky header ask after every pause in typing) and
 * semantic tokens for a viewport, and whether a hover is answered while a full validation runs.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { createRandom, HEADER } from './generate';
import { LspSession, type Published } from './lspSession';
import { measureAnswerDecode, measureMessageCost, type MessageCost } from './messageCost';
import { now, percentile } from './stats';

export interface ServerMeasures {
  openToDiagnosticsMs: number;
  openDiagnostics: number;
  edits: number;
  keystrokeP50Ms: number | null;
  keystrokeP95Ms: number | null;
  keystrokeMaxMs: number | null;
  /** The slowest of the first keystrokes after opening (not counted in p50 and p95). */
  firstEditsMaxMs: number | null;
  /** Duplicate checks after edits that create or remove a duplicate Extension: passed / made. */
  duplicateChecksPassed: number;
  duplicateChecksMade: number;
  /** Typing a quote that opens a cell to the end of the file, then deleting it: the slowest of the two, ms. */
  quoteEditMs: number | null;
  hoverP95Ms: number;
  completionP95Ms: number;
  /** `textDocument/documentSymbol` for the whole file (at most 1,000 rows listed), p95 over `symbolRequests`. */
  documentSymbolsP95Ms: number;
  documentSymbolRequests: number;
  /** Rows the outline listed (the rest are summed up in one entry). */
  documentSymbolRows: number;
  /** The last outline answer decoded by the editor alone (`messageCost.ts`), median ms, and its size: its floor. */
  documentSymbolsDecodeMs: number;
  documentSymbolsBytes: number;
  /** `textDocument/semanticTokens/range` for a 100-line viewport at a random place, p95. */
  semanticTokensP95Ms: number;
  /** The slowest of the hovers answered while the server re-validated the whole document (after new tenant data). */
  hoverDuringValidationMs: number;
  /**
   * The longest this process's own event loop was held up meanwhile (it stands for the editor): time a hover's
   * answer waited on this side, however fast the server was. On two cores the server's collector and compiler
   * threads share the second core with it.
   */
  clientLoopDelayDuringValidationMs: number;
  hoversDuringValidation: number;
  revalidationMs: number;
  hoverAnsweredDuringValidation: boolean;
  maxPublishedDiagnostics: number;
  serverPeakRssMb: number | null;
  /** What the messages cost by themselves (`messageCost.ts`): the floor under open and keystroke. */
  messages: MessageCost;
}

/** Lines of the viewport semantic tokens are asked for: a tall editor window with the margin VS Code adds. */
const VIEWPORT_LINES = 100;
/** Document symbol requests timed (each lists thousands of rows, so fewer than the hovers). */
const SYMBOL_REQUESTS = 30;

/** Keystrokes after opening that are timed apart from the others (`firstEditsMaxMs`). */
const WARM_UP_EDITS = 10;

/** VS Code shows at most this many diagnostics a file. */
export const PUBLISHED_LIMIT = 1000;

const FIELD = new Map(HEADER.map((name, index) => [name, index]));
const FIRST_NAME = FIELD.get('FirstName') ?? 1;
const LAST_NAME = FIELD.get('LastName') ?? 2;
const EXTENSION = FIELD.get('Extension') ?? 6;
const DIR_ACCESS = FIELD.get('DirAccess') ?? 15;
/** Columns whose cells offer completions: choices, y/n flags and IDs. */
const COMPLETION_FIELDS = ['Type', 'Language', 'DirAccess', 'VM', 'Twin', 'KeyProfile', 'OutgoingCLID', 'SysPIN'].map(
  (name) => FIELD.get(name) ?? 0,
);

/** Cell spans `[start, end)` of one CSV line, quotes included. */
export function cellSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  let pos = 0;
  for (;;) {
    const start = pos;
    if (line.charCodeAt(pos) === 34) {
      pos++;
      while (pos < line.length) {
        if (line.charCodeAt(pos) === 34) {
          if (line.charCodeAt(pos + 1) === 34) pos += 2;
          else break;
        } else pos++;
      }
      pos++;
    }
    const comma = line.indexOf(',', pos);
    const end = comma < 0 ? line.length : comma;
    spans.push([start, end]);
    if (comma < 0) return spans;
    pos = comma + 1;
  }
}

function linesWith(diagnostics: readonly Diagnostic[], code?: string): Set<number> {
  const lines = new Set<number>();
  for (const diagnostic of diagnostics) {
    if (code === undefined || diagnostic.code === code) lines.add(diagnostic.range.start.line);
  }
  return lines;
}

export interface ServerBenchOptions {
  serverPath: string;
  text: string;
  rows: number;
  seed: number;
  /** One-cell edits to time (0 to skip the keystroke measure). */
  edits: number;
  lookups: number;
  log: (message: string) => void;
}

export async function measureServer(options: ServerBenchOptions): Promise<ServerMeasures> {
  const { rows, log } = options;
  const random = createRandom(options.seed ^ 0x5eed);
  const randomRow = () => 1 + Math.floor(random() * rows);
  const session = await LspSession.start(options.serverPath);
  try {
    const opened = await session.open(options.text);
    log(`    open → diagnostics ${opened.ms.toFixed(0)} ms (${opened.published.diagnostics.length} diagnostics)`);
    const messages = measureMessageCost(options.text, opened.published.diagnostics);
    log(
      `    the messages alone: didOpen encoded and decoded ${messages.openMessageMs.toFixed(0)} ms, ` +
        `a publication (${(messages.publishBytes / 1024).toFixed(0)} KB) decoded ${messages.publishDecodeMs.toFixed(1)} ms`,
    );
    const flagged = linesWith(opened.published.diagnostics);
    // Rows with no diagnostic at all: their Extension is unique, so a duplicate made from them is the only one.
    const cleanRow = () => {
      for (;;) {
        const line = randomRow();
        if (!flagged.has(line) && cellSpans(session.lines[line]).length === HEADER.length) return line;
      }
    };
    const cell = (line: number, field: number) => cellSpans(session.lines[line])[field];
    const valueOf = (line: number, field: number) => session.lines[line].slice(...cell(line, field));
    const editCell = (line: number, field: number, value: string) =>
      session.edit(line, cell(line, field)[0], cell(line, field)[1], value);

    const times: number[] = [];
    let checksMade = 0;
    let checksPassed = 0;
    /**
     * Counts a check only when the errors it looks for cannot have been cut at the per-file limit: errors are
     * published first, so that is when fewer errors than the limit were published.
     */
    const check = (published: Published, passed: boolean) => {
      if (published.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length >= PUBLISHED_LIMIT)
        return;
      checksMade++;
      if (passed) checksPassed++;
    };
    // The first keystrokes after opening run code that is not compiled yet, and the garbage of the opening (a
    // message the size of the file) is collected then: timed apart, like the hovers' warm-up.
    for (let round = 0; options.edits > 0 && times.length < options.edits + WARM_UP_EDITS; round++) {
      // Typing a letter at the end of a first name, then deleting one.
      const typed = cleanRow();
      const end = cell(typed, FIRST_NAME)[1];
      times.push((await session.edit(typed, end, end, 'a')).ms);
      const deleted = cleanRow();
      const [nameStart, nameEnd] = cell(deleted, FIRST_NAME);
      if (nameEnd > nameStart) times.push((await session.edit(deleted, nameEnd - 1, nameEnd, '')).ms);
      // Picking another directory access value.
      const chosen = cleanRow();
      const current = valueOf(chosen, DIR_ACCESS);
      times.push((await editCell(chosen, DIR_ACCESS, current === 'dial' ? 'none' : 'dial')).ms);
      // Giving a row the Extension of another row, then putting it back.
      const row = cleanRow();
      let other = cleanRow();
      while (other === row) other = cleanRow();
      const own = valueOf(row, EXTENSION);
      const created = await editCell(row, EXTENSION, valueOf(other, EXTENSION));
      times.push(created.ms);
      const duplicates = linesWith(created.published.diagnostics, 'duplicate-extension');
      check(created.published, duplicates.has(row) && duplicates.has(other));
      const removed = await editCell(row, EXTENSION, own);
      times.push(removed.ms);
      const left = linesWith(removed.published.diagnostics, 'duplicate-extension');
      check(removed.published, !left.has(row) && !left.has(other));
      if (round === 0) log(`    first edits: ${times.map((ms) => ms.toFixed(1)).join(', ')} ms`);
    }
    const firstEdits = times.splice(0, WARM_UP_EDITS);
    if (times.length > 0) {
      log(
        `    ${times.length} edits: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
      );
    }

    // A quote typed at the start of a cell reads to the end of the file: the slow path, timed on its own.
    let quoteEditMs: number | null = null;
    if (options.edits > 0) {
      let quoted = cleanRow();
      while (valueOf(quoted, LAST_NAME).startsWith('"')) quoted = cleanRow();
      const at = cell(quoted, LAST_NAME)[0];
      const before = (await session.edit(quoted, at, at, '')).published.diagnostics.length;
      const opening = await session.edit(quoted, at, at, '"');
      const closing = await session.edit(quoted, at, at + 1, '');
      quoteEditMs = Math.max(opening.ms, closing.ms);
      check(closing.published, closing.published.diagnostics.length === before);
      log(`    quote typed and deleted: ${opening.ms.toFixed(0)} ms, ${closing.ms.toFixed(0)} ms`);
    }

    const hovers: number[] = [];
    const completions: number[] = [];
    const warmUp = Math.min(20, options.lookups);
    for (let i = 0; i < options.lookups + warmUp; i++) {
      const line = randomRow();
      const spans = cellSpans(session.lines[line]);
      const [start, end] = spans[Math.floor(random() * spans.length)];
      const hoverMs = await session.hover(line, (start + end) >> 1);
      const field = COMPLETION_FIELDS[Math.floor(random() * COMPLETION_FIELDS.length)];
      const completionMs = await session.complete(line, (spans[field] ?? spans[0])[1]);
      if (i < warmUp) continue;
      hovers.push(hoverMs);
      completions.push(completionMs);
    }
    log(
      `    ${hovers.length} hovers p95 ${percentile(hovers, 95).toFixed(2)} ms, ` +
        `completions p95 ${percentile(completions, 95).toFixed(2)} ms`,
    );

    // What the outline, breadcrumbs and sticky scroll ask for after each pause in typing, and the colours of a
    // viewport: a few warm-up requests first, as for the hovers.
    const symbolTimes: number[] = [];
    let symbolRows = 0;
    let lastSymbols: unknown;
    const symbolRequests = Math.min(SYMBOL_REQUESTS, options.lookups);
    for (let i = 0; i < symbolRequests + 3; i++) {
      const answer = await session.documentSymbols();
      symbolRows = answer.rows;
      lastSymbols = answer.symbols;
      if (i >= 3) symbolTimes.push(answer.ms);
    }
    const symbolsAnswer = measureAnswerDecode(symbolRequests + 3, lastSymbols);
    const tokenTimes: number[] = [];
    for (let i = 0; i < options.lookups + warmUp; i++) {
      const ms = await session.semanticTokens(Math.max(0, randomRow() - VIEWPORT_LINES), VIEWPORT_LINES);
      if (i >= warmUp) tokenTimes.push(ms);
    }
    const documentSymbolsP95Ms = percentile(symbolTimes, 95);
    const semanticTokensP95Ms = percentile(tokenTimes, 95);
    log(
      `    ${symbolTimes.length} document symbol requests (${symbolRows} rows listed) p95 ${documentSymbolsP95Ms.toFixed(1)} ms ` +
        `(the answer, ${(symbolsAnswer.bytes / 1024).toFixed(0)} KB, decoded alone ${symbolsAnswer.decodeMs.toFixed(1)} ms), ` +
        `${tokenTimes.length} viewport semantic tokens p95 ${semanticTokensP95Ms.toFixed(2)} ms`,
    );

    // New tenant data: the server validates the whole document again. Ask for hovers while it does.
    let revalidated: Published | undefined;
    const published = session.nextPublished().then((done) => (revalidated = done));
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const sent = now();
    await session.sendTenantData({ extensionsInUse: [valueOf(cleanRow(), EXTENSION)] });
    const duringValidation: number[] = [];
    while (!revalidated) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (revalidated) break;
      // Every hover asked before the diagnostics arrived counts, also one answered after them: it waited for the
      // end of the validation (making and sending the list) as much as one asked in the middle waits for a slice.
      duringValidation.push(await session.hover(randomRow(), 0));
    }
    const revalidationMs = (await published).at - sent;
    loopDelay.disable();
    const clientLoopDelayDuringValidationMs = loopDelay.max / 1e6;
    const hoverDuringValidationMs = duringValidation.length > 0 ? Math.max(...duringValidation) : NaN;
    log(
      `    ${duringValidation.length} hovers answered during a full re-validation (${revalidationMs.toFixed(0)} ms), ` +
        `slowest ${hoverDuringValidationMs.toFixed(1)} ms (this process's own loop held up to ${clientLoopDelayDuringValidationMs.toFixed(1)} ms meanwhile)`,
    );
    const restored = session.nextPublished();
    await session.sendTenantData(null);
    await restored;

    return {
      openToDiagnosticsMs: opened.ms,
      openDiagnostics: opened.published.diagnostics.length,
      edits: times.length,
      keystrokeP50Ms: times.length > 0 ? percentile(times, 50) : null,
      keystrokeP95Ms: times.length > 0 ? percentile(times, 95) : null,
      keystrokeMaxMs: times.length > 0 ? Math.max(...times) : null,
      firstEditsMaxMs: firstEdits.length > 0 ? Math.max(...firstEdits) : null,
      duplicateChecksPassed: checksPassed,
      duplicateChecksMade: checksMade,
      quoteEditMs,
      hoverP95Ms: percentile(hovers, 95),
      completionP95Ms: percentile(completions, 95),
      documentSymbolsP95Ms,
      documentSymbolRequests: symbolTimes.length,
      documentSymbolRows: symbolRows,
      documentSymbolsDecodeMs: symbolsAnswer.decodeMs,
      documentSymbolsBytes: symbolsAnswer.bytes,
      semanticTokensP95Ms,
      hoverDuringValidationMs,
      clientLoopDelayDuringValidationMs,
      hoversDuringValidation: duringValidation.length,
      revalidationMs,
      hoverAnsweredDuringValidation: duringValidation.length > 0,
      maxPublishedDiagnostics: session.maxPublished,
      serverPeakRssMb: session.memory()?.peakRssMb ?? null,
      messages,
    };
  } finally {
    await session.stop();
  }
}
