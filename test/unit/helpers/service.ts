/**
 * Small helpers that make service tests exact: build a model from inline text, assert the whole list of
 * diagnostics (code, range, severity), mark a cursor with `|`, and apply a fix's edits to the text.
 * Modelled on yaml-language-server's `createExpectedError` and vscode-json-languageservice's cursor tests.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DiagnosticSeverity,
  Hover,
  Position,
  TextEdit,
} from 'vscode-languageserver-types';
import {
  CATALOG,
  DEFAULT_SETTINGS,
  DIAGNOSTIC_SOURCE,
  getLanguageService,
  type DiagnosticCode,
  type ServiceSettings,
  type SubscriberDocument,
  type TenantContext,
} from '@subscriber-csv/language-service';

export const service = getLanguageService();

export const TEST_URI = 'file:///test/users.subscribers.csv';

/** Settings for a test: the defaults, with the tenant fields and flags the test names. */
export function settingsWith(
  tenant: Partial<TenantContext> = {},
  options: Partial<Omit<ServiceSettings, 'tenant'>> = {},
): ServiceSettings {
  return { ...DEFAULT_SETTINGS, ...options, tenant: { ...DEFAULT_SETTINGS.tenant, ...tenant } };
}

export function documentOf(text: string): TextDocument {
  return TextDocument.create(TEST_URI, 'subscriber-csv', 1, text);
}

export function modelOf(text: string): SubscriberDocument {
  return service.parse(documentOf(text));
}

export function validateText(text: string, settings: ServiceSettings = DEFAULT_SETTINGS): Diagnostic[] {
  return service.doValidation(modelOf(text), settings);
}

/** One expected diagnostic. `endLine` defaults to `line`; `severity` defaults to the catalog's. */
export interface ExpectedDiagnostic {
  code: DiagnosticCode;
  line: number;
  startChar: number;
  endChar: number;
  endLine?: number;
  severity?: DiagnosticSeverity;
  /** The quick-fix details the diagnostic must carry in `data`, when the test cares. */
  data?: Record<string, string>;
}

interface ActualDiagnostic {
  code: DiagnosticCode;
  line: number;
  startChar: number;
  endLine: number;
  endChar: number;
  severity: DiagnosticSeverity | undefined;
  data?: Record<string, string>;
}

/**
 * Asserts the exact list of diagnostics for `text` (code, range, severity), in position order. Every diagnostic
 * must also carry the catalog's severity, our source and a message, and no link (the library knows no place for
 * the catalog; the server links the copy it ships with). Returns the diagnostics in the same order, for further
 * checks on messages.
 */
export function expectDiagnostics(
  text: string,
  expected: readonly ExpectedDiagnostic[],
  settings: ServiceSettings = DEFAULT_SETTINGS,
): Diagnostic[] {
  const diagnostics = validateText(text, settings).sort(byPosition);
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code as DiagnosticCode;
    assert.ok(code in CATALOG, `unknown code ${String(code)}`);
    assert.equal(diagnostic.severity, CATALOG[code].severity, `severity of ${code}`);
    assert.equal(diagnostic.source, DIAGNOSTIC_SOURCE);
    assert.equal(diagnostic.codeDescription, undefined, `link of ${code}`);
    assert.ok(diagnostic.message.length > 0, `message of ${code}`);
  }
  const wanted = expected
    .map((item): ActualDiagnostic => ({
      code: item.code,
      line: item.line,
      startChar: item.startChar,
      endLine: item.endLine ?? item.line,
      endChar: item.endChar,
      severity: item.severity ?? CATALOG[item.code].severity,
      ...(item.data !== undefined ? { data: item.data } : {}),
    }))
    .sort(byShapePosition);
  const actual = diagnostics.map((diagnostic, index): ActualDiagnostic => ({
    code: diagnostic.code as DiagnosticCode,
    line: diagnostic.range.start.line,
    startChar: diagnostic.range.start.character,
    endLine: diagnostic.range.end.line,
    endChar: diagnostic.range.end.character,
    severity: diagnostic.severity,
    // `data` is compared only where the test names it.
    ...(wanted[index]?.data !== undefined ? { data: diagnostic.data as Record<string, string> } : {}),
  }));
  assert.deepEqual(actual, wanted, messagesOf(diagnostics));
  return diagnostics;
}

/**
 * Position order, then code: the service sorts by position, and diagnostics that start at the same place may
 * come in any order (the rules may be reordered), so tests list them by code.
 */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    String(a.code).localeCompare(String(b.code))
  );
}

function byShapePosition(a: ActualDiagnostic, b: ActualDiagnostic): number {
  return a.line - b.line || a.startChar - b.startChar || a.code.localeCompare(b.code);
}

function messagesOf(diagnostics: readonly Diagnostic[]): string {
  const lines = diagnostics.map(
    (d) =>
      `  ${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`,
  );
  return `diagnostics were:\n${lines.join('\n')}`;
}

/** The only diagnostic with `code` in `text`; fails when there is not exactly one. */
export function diagnosticWithCode(
  text: string,
  code: DiagnosticCode,
  settings: ServiceSettings = DEFAULT_SETTINGS,
): Diagnostic {
  const found = validateText(text, settings).filter((diagnostic) => diagnostic.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${found.length}`);
  return found[0];
}

/** Splits a `|` cursor marker out of the text: `withCursor('Type,Last|Name')`. */
export function withCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the text has no | cursor marker');
  assert.equal(marked.indexOf('|', offset + 1), -1, 'the text has more than one | cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, position: documentOf(text).positionAt(offset) };
}

export function hoverAt(marked: string, settings: ServiceSettings = DEFAULT_SETTINGS): Hover | null {
  const { text, position } = withCursor(marked);
  return service.doHover(modelOf(text), position, settings);
}

/** The Markdown of the hover at the cursor; fails when there is none. */
export function hoverTextAt(marked: string, settings: ServiceSettings = DEFAULT_SETTINGS): string {
  const hover = hoverAt(marked, settings);
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents;
  assert.ok(typeof contents === 'object' && 'kind' in contents, 'expected MarkupContent');
  return contents.value;
}

export function completeAt(marked: string, settings: ServiceSettings = DEFAULT_SETTINGS): CompletionItem[] {
  const { text, position } = withCursor(marked);
  return service.doComplete(modelOf(text), position, settings);
}

export function labelsOf(items: readonly CompletionItem[]): string[] {
  return items.map((item) => item.label);
}

/** Applies LSP text edits to a text, as the editor would. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(documentOf(text), [...edits]);
}

/** The quick fixes offered for the diagnostics of `text` that have `code`. */
export function codeActionsFor(
  text: string,
  code: DiagnosticCode,
  settings: ServiceSettings = DEFAULT_SETTINGS,
): CodeAction[] {
  const model = modelOf(text);
  const diagnostics = service.doValidation(model, settings).filter((diagnostic) => diagnostic.code === code);
  assert.ok(diagnostics.length > 0, `expected a ${code} diagnostic`);
  return service.getCodeActions(model, diagnostics);
}

/** The text after applying the only fix offered for the one `code` diagnostic. */
export function textAfterFix(text: string, code: DiagnosticCode, settings: ServiceSettings = DEFAULT_SETTINGS): string {
  const actions = codeActionsFor(text, code, settings);
  assert.equal(actions.length, 1, `expected one fix for ${code}, got ${actions.length}`);
  const edits = actions[0].edit?.changes?.[TEST_URI];
  assert.ok(edits, 'the fix has no edits for the document');
  return applyEdits(text, edits);
}
