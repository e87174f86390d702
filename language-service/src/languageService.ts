/**
 * The service: text and settings in, LSP-typed results out. No editor, no connection, no Node APIs; the server,
 * the CLI and the sandbox all call this. A document is parsed once into an opaque `SubscriberDocument`, brought up
 * to date edit by edit, and every feature reads it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Position,
  Range,
  SemanticTokens,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-types';
import { limitDiagnostics } from './diagnosticLimit';
import type { SubscriberDocument } from './document';
import { isServed, validate, validationOf, type ValidationRun } from './engine/editorValidation';
import { createStreamCheck, validateStream, type StreamCheck } from './engine/streamValidation';
import { findHeader } from './engine/streamIndex';
import type { HeaderRecord, StreamPlace, StreamSource } from './engine/streamSource';
import { getCellEdit } from './features/cellEdit';
import { getCellInfo, type CellInfo } from './features/cellInfo';
import { getCodeActions } from './features/codeActions';
import { getFixAll, type FixAllResult } from './features/fixAll';
import { doComplete } from './features/completion';
import { findDocumentSymbols } from './features/documentSymbols';
import { getFoldingRanges } from './features/foldingRanges';
import { doHover } from './features/hover';
import { getInlayHints } from './features/inlayHints';
import { snippetsFile, type RowSnippet } from './features/newFile/rowSnippets';
import { allColumnNames, newFileColumns, templateText, type NewFileColumn } from './features/newFile/template';
import { getRowForm, type RowForm } from './features/rowForm';
import { findRowSymbols } from './features/rowSearch';
import { getSemanticTokens } from './features/semanticTokens';
import { SubscriberModel, updateModel } from './model/subscriberModel';
import type { ServiceSettings } from './settings';
import type { TextChange } from './text/textSource';

export interface LanguageService {
  parse(document: TextDocument): SubscriberDocument;
  /**
   * Brings a parsed document up to date with `document`, the text after `changes` (offsets, in order), re-reading
   * only the records they touch. It changes in place; what validation kept follows it.
   */
  update(parsed: SubscriberDocument, document: TextDocument, changes: readonly TextChange[]): SubscriberDocument;
  /** True when the service speaks about this document at all (a subscriber file, or one said to be). */
  isServed(parsed: SubscriberDocument, settings: ServiceSettings): boolean;
  /** Every diagnostic, in position order. Re-checks only what changed since the last call. */
  doValidation(parsed: SubscriberDocument, settings: ServiceSettings): Diagnostic[];
  /** The same validation, run in slices by the caller (`step`), so that it can answer other requests between them. */
  startValidation(parsed: SubscriberDocument, settings: ServiceSettings): ValidationRun;
  /**
   * Validates a text too large to hold, which `readText` gives in pieces (it is called twice: the text is read
   * twice). Gives, batch by batch as they are found, what `doValidation` gives for the whole text, in flat memory.
   */
  validateStream(
    readText: (() => AsyncIterable<string>) | StreamSource,
    settings: ServiceSettings,
  ): AsyncIterable<Diagnostic[]>;
  /**
   * The same, for one part of such a text, so that threads can check the parts side by side: each part's first
   * reading, then each part's diagnostics once every part's first reading is known. With `shared`, what the first
   * reading keeps can be read by other threads.
   */
  createStreamCheck(
    source: StreamSource,
    settings: ServiceSettings,
    place?: StreamPlace,
    shared?: boolean,
  ): StreamCheck;
  /** The header record of such a text, read from its start, for the parts that do not hold it. */
  findStreamHeader(source: StreamSource): Promise<HeaderRecord | undefined>;
  /** At most `max` diagnostics (1,000 by default), errors first, and a summary of those left out. */
  limitDiagnostics(diagnostics: Diagnostic[], max?: number): Diagnostic[];
  doHover(parsed: SubscriberDocument, position: Position, settings: ServiceSettings): Hover | null;
  doComplete(parsed: SubscriberDocument, position: Position, settings: ServiceSettings): CompletionItem[];
  /** Quick fixes for diagnostics of this document, chosen by code and built from their `data`. */
  getCodeActions(parsed: SubscriberDocument, diagnostics: readonly Diagnostic[]): CodeAction[];
  /**
   * Every automatic fix of the file (`fixKindOf(code) === 'auto'`), as edits of the document as it is, to apply at
   * once. Validates the whole file itself (not only the diagnostics an editor was shown), and again after the
   * fixes, until no automatic fix is left; overlapping fixes are taken in a fixed order.
   */
  getFixAllEdits(parsed: SubscriberDocument, settings: ServiceSettings): FixAllResult;
  /** The header, holding the data rows named by person or location; at most 1,000 rows, then a note of the rest. */
  findDocumentSymbols(parsed: SubscriberDocument, settings: ServiceSettings): DocumentSymbol[];
  /** Rows whose label (`Ann Lee, ext 101`) holds every word of `query`, anywhere in the file. */
  findRowSymbols(parsed: SubscriberDocument, query: string, settings: ServiceSettings): SymbolInformation[];
  /** One token a cell, typed by the cell's column (`SEMANTIC_TOKENS_LEGEND`), for the lines of `range`. */
  getSemanticTokens(parsed: SubscriberDocument, settings: ServiceSettings, range?: Range): SemanticTokens;
  /** `Name:` before each cell of the data rows in `range`, empty cells included. */
  getInlayHints(parsed: SubscriberDocument, range: Range, settings: ServiceSettings): InlayHint[];
  /** The data rows under the header, and each row spread over several lines. */
  getFoldingRanges(parsed: SubscriberDocument, settings: ServiceSettings): FoldingRange[];
  /** The column and the row of the cell at `position`. */
  getCellInfo(parsed: SubscriberDocument, position: Position, settings: ServiceSettings): CellInfo | null;
  /** The row at `position` (data row or header), field by field, with choices, help and problems. */
  getRowForm(parsed: SubscriberDocument, position: Position, settings: ServiceSettings): RowForm | null;
  /** The edit that puts `value` into `field` of data row `row` (1-based; 0 is the header). */
  getCellEdit(parsed: SubscriberDocument, row: number, field: number, value: string): TextEdit | null;
  /** Every column for a new file's pick list, in the table's order, saying which are always written. */
  getNewFileColumns(): NewFileColumn[];
  /** A new file: the header (every column, or the picked ones and the required ones) and an example row of each type. */
  getNewFileText(columns: 'all' | readonly string[]): string;
  /** The User and Location row snippets, as VS Code's snippet files hold them. */
  getRowSnippets(): Record<string, RowSnippet>;
}

export function getLanguageService(): LanguageService {
  return {
    parse: (document) => new SubscriberModel(document),
    update: (parsed, document, changes) => {
      updateModel(modelOf(parsed), document, changes);
      return parsed;
    },
    isServed: (parsed, settings) => isServed(modelOf(parsed), settings),
    doValidation: (parsed, settings) => validate(modelOf(parsed), settings),
    startValidation: (parsed, settings) => validationOf(modelOf(parsed), settings),
    validateStream,
    createStreamCheck,
    findStreamHeader: findHeader,
    limitDiagnostics,
    doHover: (parsed, position, settings) => {
      const model = modelOf(parsed);
      return isServed(model, settings) ? doHover(model, position, settings.tenant) : null;
    },
    doComplete: (parsed, position, settings) => {
      const model = modelOf(parsed);
      return isServed(model, settings) ? doComplete(model, position, settings.tenant) : [];
    },
    getCodeActions: (parsed, diagnostics) => getCodeActions(modelOf(parsed), diagnostics),
    getFixAllEdits: (parsed, settings) => getFixAll(modelOf(parsed), settings),
    findDocumentSymbols: (parsed, settings) => whenServed(parsed, settings, [], findDocumentSymbols),
    findRowSymbols: (parsed, query, settings) =>
      whenServed(parsed, settings, [], (model) => findRowSymbols(model, query)),
    getSemanticTokens: (parsed, settings, range) =>
      whenServed(parsed, settings, { data: [] }, (model) => getSemanticTokens(model, range)),
    getInlayHints: (parsed, range, settings) =>
      whenServed(parsed, settings, [], (model) => getInlayHints(model, range)),
    getFoldingRanges: (parsed, settings) => whenServed(parsed, settings, [], getFoldingRanges),
    getCellInfo: (parsed, position, settings) =>
      whenServed(parsed, settings, null, (model) => getCellInfo(model, position)),
    getRowForm: (parsed, position, settings) =>
      whenServed(parsed, settings, null, (model) => getRowForm(model, position, settings)),
    getCellEdit: (parsed, row, field, value) => getCellEdit(modelOf(parsed), row, field, value),
    getNewFileColumns: newFileColumns,
    getNewFileText: (columns) => templateText(columns === 'all' ? allColumnNames() : columns),
    getRowSnippets: snippetsFile,
  };
}

/** What `feature` answers for a document the service speaks about; `otherwise` for any other. */
function whenServed<T>(
  parsed: SubscriberDocument,
  settings: ServiceSettings,
  otherwise: T,
  feature: (model: SubscriberModel) => T,
): T {
  const model = modelOf(parsed);
  return isServed(model, settings) ? feature(model) : otherwise;
}

/** The model behind a document this service parsed. */
function modelOf(parsed: SubscriberDocument): SubscriberModel {
  if (parsed instanceof SubscriberModel) return parsed;
  throw new TypeError('Not a document parsed by this language service.');
}
