/**
 * Properties of the whole rules library on any text: validation, hover, completion and code actions return
 * without throwing; every range they give lies inside the document with its start before its end; and the same
 * text gives the same results every time. Inputs are arbitrary strings (any code point, and any UTF-16 code unit,
 * lone surrogates included) and CSV-shaped text that mixes quotes, commas, CR, LF, byte order marks, NULs,
 * semicolons, tabs, column names, values and non-ASCII letters.
 *
 * A failure prints fast-check's seed and the shrunk counterexample; `FC_SEED=<seed>` replays it.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import {
  CATALOG,
  ChunkedTextDocument,
  COLUMNS,
  DEFAULT_TENANT,
  findColumn,
  fixKindOf,
  isKnownCode,
  type DiagnosticCode,
  type DiagnosticData,
  type ServiceSettings,
} from '@subscriber-csv/language-service';
import { applyEdits, documentOf, service, TEST_URI } from './helpers/service';

const RUNS = Number(process.env.FC_RUNS ?? 500);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const PARAMETERS = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

// --- Inputs ----------------------------------------------------------------------------------------------------

/** Any code point, astral ones (two UTF-16 units) included. */
const anyCodePoints = fc.string({ unit: 'binary', maxLength: 200 });

/** Any UTF-16 code unit, so lone surrogates and U+FFFE too. */
const anyCodeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 200,
});

/** A column name as people write it: exact, in another case, with spaces, or misspelt. */
const columnName = fc
  .tuple(
    fc.constantFrom(...COLUMNS.map((column) => column.name)),
    fc.constantFrom('exact', 'lower', 'upper', 'spaced', 'typo'),
  )
  .map(([name, style]) => {
    if (style === 'lower') return name.toLowerCase();
    if (style === 'upper') return name.toUpperCase();
    if (style === 'spaced') return ` ${name} `;
    if (style === 'typo') return name.slice(0, -1);
    return name;
  });

/** Values the rules care about, and values that are trouble. */
const cellValue = fc.oneof(
  fc.constantFrom(
    'User', 'Location', 'user', 'y', 'n', 'Y', 'Yes', '-1', '0', '12', '1234', '1111', '4821', '101',
    'ann@example.com', 'ann@', '=1+1', '+Lee', '@SUM(A1)', '-', '(617) 555-0100', '6175550100', 'en', 'fr',
    'dial', 'both', 'Müller', 'Zoë', '李', '😀', '\ud800', '\udc00', '\u0000', '\ufffd', '\ufeff', ' ', '',
  ), // prettier-ignore
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

/** The pieces CSV syntax is made of, and what breaks it. */
const csvToken = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', ';', '\t') },
  { weight: 1, arbitrary: fc.constantFrom('\ufeff', '\u0000', '\ufffd', '\u2028', ' ') },
  { weight: 3, arbitrary: columnName },
  { weight: 6, arbitrary: cellValue },
);

/** Text made of CSV pieces in any order. */
const csvSoup = fc.array(csvToken, { maxLength: 60 }).map((tokens) => tokens.join(''));

/** A header of known (and misspelt) columns, rows of values, then the text cut or spliced with a hostile piece. */
const csvFile = fc
  .record({
    bom: fc.boolean(),
    header: fc.array(columnName, { minLength: 1, maxLength: 8 }),
    rows: fc.array(
      fc.array(fc.oneof(cellValue, fc.constantFrom('"a,b"', '"a""b"', '"line\nbreak"')), { maxLength: 9 }),
      {
        maxLength: 6,
      },
    ),
    delimiter: fc.constantFrom(',', ',', ',', ';', '\t'),
    lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
    finalLineBreak: fc.boolean(),
    splice: fc.option(fc.tuple(fc.nat(), fc.nat({ max: 3 }), csvToken)),
  })
  .map(({ bom, header, rows, delimiter, lineBreak, finalLineBreak, splice }) => {
    const lines = [header, ...rows].map((cells) => cells.join(delimiter));
    let text = (bom ? '\ufeff' : '') + lines.join(lineBreak) + (finalLineBreak ? lineBreak : '');
    if (splice) {
      const [at, removed, inserted] = splice;
      const offset = text.length === 0 ? 0 : at % (text.length + 1);
      text = text.slice(0, offset) + inserted + text.slice(offset + removed);
    }
    return text;
  });

const anyText = fc.oneof(anyCodePoints, anyCodeUnits, csvSoup, csvFile);

const settings: fc.Arbitrary<ServiceSettings> = fc.record({
  assumeSubscriberFile: fc.boolean(),
  tenant: fc.record({
    pinNotification: fc.constantFrom('none', 'display', 'email', 'emailAndDisplay'),
    role: fc.constantFrom('tenantAdmin', 'telcoAdmin'),
    lists: fc.constantFrom(DEFAULT_TENANT.lists, {
      callProfiles: [{ id: '1', name: 'Local' }],
      keyProfiles: [{ id: '4', name: 'Reception' }],
    }),
    extensionsInUse: fc.constantFrom(undefined, ['101', '1234']),
  }),
});

/** A position in the text, as fractions of the line count and of that line's length (a client sends only these). */
const somewhere = fc.tuple(
  fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

// --- What every result must satisfy ------------------------------------------------------------------------

/** The length of each line of `text`, split where LSP splits lines (CR, LF, CRLF). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function assertPositionInside(position: Position, lengths: readonly number[], what: string): void {
  assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character), `${what}: not integers`);
  assert.ok(
    position.line >= 0 && position.line < lengths.length,
    `${what}: line ${position.line} of ${lengths.length}`,
  );
  assert.ok(
    position.character >= 0 && position.character <= lengths[position.line],
    `${what}: character ${position.character} of a line ${lengths[position.line]} long`,
  );
}

function assertRangeInside(range: Range, lengths: readonly number[], what: string): void {
  assertPositionInside(range.start, lengths, `${what} start`);
  assertPositionInside(range.end, lengths, `${what} end`);
  const { start, end } = range;
  assert.ok(
    start.line < end.line || (start.line === end.line && start.character <= end.character),
    `${what}: starts after it ends ${JSON.stringify(range)}`,
  );
}

function assertDiagnosticsWellFormed(diagnostics: readonly Diagnostic[], lengths: readonly number[]): void {
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code;
    if (!isKnownCode(code)) assert.fail(`unknown code ${String(code)}`);
    assert.ok(diagnostic.message.length > 0, `${code} has no message`);
    assertRangeInside(diagnostic.range, lengths, code);
    // Every diagnostic about a cell names its column, so that no adapter has to find it again.
    const column = (diagnostic.data as DiagnosticData | undefined)?.column;
    if (CATALOG[code].scope === 'cell')
      assert.ok(column && findColumn(column)?.name === column, `${code} names no column`);
  }
}

function validateFresh(text: string, options: ServiceSettings): Diagnostic[] {
  return service.doValidation(service.parse(documentOf(text)), options);
}

function positionIn(lengths: readonly number[], [lineFraction, characterFraction]: [number, number]): Position {
  const line = Math.floor(lineFraction * lengths.length);
  return { line, character: Math.floor(characterFraction * lengths[line]) };
}

// --- The properties --------------------------------------------------------------------------------------------

describe('the rules library on any text', () => {
  it('validates without throwing, every range inside the document, the same way every time', () => {
    fc.assert(
      fc.property(anyText, settings, (text, options) => {
        const lengths = lineLengths(text);
        const model = service.parse(documentOf(text));
        const diagnostics = service.doValidation(model, options);
        assertDiagnosticsWellFormed(diagnostics, lengths);
        assert.deepEqual(service.doValidation(model, options), diagnostics, 'the same model twice');
        assert.deepEqual(validateFresh(text, options), diagnostics, 'a new model of the same text');
        assertDiagnosticsWellFormed(service.limitDiagnostics(diagnostics, 5), lengths);
      }),
      PARAMETERS,
    );
  });

  it('gives the same diagnostics for a document kept in chunks (as the server keeps it) as for one string', () => {
    fc.assert(
      fc.property(anyText, settings, fc.integer({ min: 1, max: 64 }), (text, options, chunkSize) => {
        const chunked = new ChunkedTextDocument(TEST_URI, 'subscriber-csv', 1, text, chunkSize);
        assert.deepEqual(service.doValidation(service.parse(chunked), options), validateFresh(text, options));
      }),
      PARAMETERS,
    );
  });

  it('gives the same diagnostics read twice as a stream in pieces (as the CLI reads a file) as parsed whole', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, settings, fc.integer({ min: 1, max: 64 }), async (text, options, size) => {
        const readText = async function* () {
          for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
        };
        const streamed: Diagnostic[] = [];
        for await (const batch of service.validateStream(readText, options)) streamed.push(...batch);
        assert.deepEqual(streamed, validateFresh(text, options));
      }),
      PARAMETERS,
    );
  });

  it('answers hover and completion at any position, with ranges inside the document', () => {
    fc.assert(
      fc.property(anyText, settings, fc.array(somewhere, { minLength: 1, maxLength: 4 }), (text, options, places) => {
        const lengths = lineLengths(text);
        const model = service.parse(documentOf(text));
        for (const place of places) {
          const position = positionIn(lengths, place);
          const hover = service.doHover(model, position, options);
          if (hover?.range) assertRangeInside(hover.range, lengths, 'hover');
          const items = service.doComplete(model, position, options);
          for (const item of items) {
            const edit = item.textEdit;
            if (edit && 'range' in edit) assertRangeInside(edit.range, lengths, `completion ${item.label}`);
          }
          const again = service.parse(documentOf(text));
          assert.deepEqual(service.doHover(again, position, options), hover, 'hover on a new model');
          assert.deepEqual(service.doComplete(again, position, options), items, 'completion on a new model');
        }
      }),
      PARAMETERS,
    );
  });

  it('answers hover and completion past the end of a line or of the text without throwing', () => {
    const pastTheEnd = fc.record({ line: fc.nat({ max: 1000 }), character: fc.nat({ max: 100_000 }) });
    fc.assert(
      fc.property(anyText, settings, pastTheEnd, (text, options, position) => {
        const model = service.parse(documentOf(text));
        service.doHover(model, position, options);
        assert.ok(Array.isArray(service.doComplete(model, position, options)));
      }),
      PARAMETERS,
    );
  });

  it('offers fixes whose edits lie inside the document, do not overlap, and leave text that validates', () => {
    fc.assert(
      fc.property(anyText, settings, (text, options) => {
        const lengths = lineLengths(text);
        const model = service.parse(documentOf(text));
        const diagnostics = service.doValidation(model, options);
        const actions = service.getCodeActions(model, diagnostics);
        assert.deepEqual(service.getCodeActions(service.parse(documentOf(text)), diagnostics), actions);
        for (const action of actions) {
          const edits = action.edit?.changes?.[TEST_URI] ?? [];
          assert.ok(edits.length > 0, `${action.title} changes nothing`);
          for (const edit of edits) assertRangeInside(edit.range, lengths, action.title);
          // TextDocument.applyEdits throws on overlapping edits.
          const fixed = applyEdits(text, edits);
          assertDiagnosticsWellFormed(validateFresh(fixed, options), lineLengths(fixed));
        }
      }),
      PARAMETERS,
    );
  });

  it('fixes all automatic problems at once: edits inside the document, not overlapping, leaving none', () => {
    fc.assert(
      fc.property(anyText, settings, (text, options) => {
        const result = service.getFixAllEdits(service.parse(documentOf(text)), options);
        const lengths = lineLengths(text);
        for (const edit of result.edits) assertRangeInside(edit.range, lengths, 'fix all');
        assert.equal(result.edits.length > 0, result.fixed > 0);
        // TextDocument.applyEdits throws on overlapping edits.
        const fixed = applyEdits(text, result.edits);
        const left = validateFresh(fixed, options);
        assertDiagnosticsWellFormed(left, lineLengths(fixed));
        const automatic = left.filter((diagnostic) => fixKindOf(diagnostic.code as DiagnosticCode) === 'auto');
        const stillFixable = service.getCodeActions(service.parse(documentOf(fixed)), automatic);
        assert.deepEqual(stillFixable, [], `left: ${automatic.map((diagnostic) => diagnostic.code).join(', ')}`);
      }),
      PARAMETERS,
    );
  });

  it('answers code actions for any diagnostics, even stale or foreign ones, without throwing', () => {
    const foreign = fc.record({
      range: fc.record({
        start: fc.record({ line: fc.nat({ max: 50 }), character: fc.nat({ max: 50 }) }),
        end: fc.record({ line: fc.nat({ max: 50 }), character: fc.nat({ max: 50 }) }),
      }),
      message: fc.string(),
      source: fc.constantFrom('subscriber-csv', 'other'),
      code: fc.constantFrom(...Object.keys(CATALOG), 'nonsense'),
      data: fc.oneof(fc.constant(undefined), fc.record({ column: fc.string(), replacement: fc.string() })),
    });
    fc.assert(
      fc.property(anyText, fc.array(foreign, { maxLength: 5 }), (text, diagnostics) => {
        // A client sends back the diagnostics it holds, which may be from an older version of the text.
        const actions = service.getCodeActions(service.parse(documentOf(text)), diagnostics as Diagnostic[]);
        for (const action of actions) assert.ok(action.title.length > 0);
      }),
      PARAMETERS,
    );
  });
});
