/**
 * The whole public API of the subscriber CSV rules on one screen. Pure: text and settings in,
 * LSP-typed results out. No editor, no connection; the server, the CLI and the sandbox all call this.
 */
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
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getCellEdit } from './cellEdit';
import { getCellInfo, type CellInfo } from './cellInfo';
import { getCodeActions } from './codeActions';
import { doComplete } from './completion';
import { limitDiagnostics } from './diagnosticLimit';
import { findDocumentSymbols } from './documentSymbols';
import { getFoldingRanges } from './foldingRanges';
import { doHover } from './hover';
import { getInlayHints } from './inlayHints';
import { getRowForm, type RowForm } from './rowForm';
import { findRowSymbols } from './rowSearch';
import { getSemanticTokens } from './semanticTokens';
import type { ServiceSettings } from './settings';
import { buildModel, updateModel, type SubscriberModel } from './subscriberModel';
import type { TextChange } from './text/textSource';
import { validateStream, type StreamValidation } from './streamValidation';
import { isServed, validate, validationOf, type ValidationRun } from './validation';

export interface SubscriberLanguageService {
  parse(document: TextDocument): SubscriberModel;
  /**
   * Brings a model up to date with `document`, the text after `changes` (offsets, in order), re-reading only
   * the records they touch. The model changes in place; what validation kept follows it.
   */
  update(model: SubscriberModel, document: TextDocument, changes: readonly TextChange[]): SubscriberModel;
  isServed(model: SubscriberModel, settings: ServiceSettings): boolean;
  /** Every diagnostic of the model, in position order. Re-checks only what changed since the last call. */
  doValidation(model: SubscriberModel, settings: ServiceSettings): Diagnostic[];
  /** The same validation, run in slices by the caller (`step`), so that it can answer other requests between them. */
  startValidation(model: SubscriberModel, settings: ServiceSettings): ValidationRun;
  /**
   * Validates a text that arrives in pieces (`push`, then `end`), keeping only what spans rows: for files too
   * large to hold. Gives what `doValidation` gives for the whole text, with each diagnostic's cell column.
   */
  validateStream(settings: ServiceSettings, uri: string): StreamValidation;
  /** At most `max` diagnostics (1,000 by default), errors first, and a summary of those left out. */
  limitDiagnostics(diagnostics: Diagnostic[], max?: number): Diagnostic[];
  doHover(model: SubscriberModel, position: Position, settings: ServiceSettings): Hover | null;
  doComplete(model: SubscriberModel, position: Position, settings: ServiceSettings): CompletionItem[];
  getCodeActions(model: SubscriberModel, diagnostics: readonly Diagnostic[]): CodeAction[];
  /** The header, holding the data rows named by person or location; at most 5,000 rows, then a note of the rest. */
  findDocumentSymbols(model: SubscriberModel, settings: ServiceSettings): DocumentSymbol[];
  /** Rows whose label (`Ann Lee, ext 101`) holds every word of `query`, anywhere in the file. */
  findRowSymbols(model: SubscriberModel, query: string, settings: ServiceSettings): SymbolInformation[];
  /** One token a cell, typed by the cell's column (`SEMANTIC_TOKENS_LEGEND`), for the lines of `range`. */
  getSemanticTokens(model: SubscriberModel, settings: ServiceSettings, range?: Range): SemanticTokens;
  /** `Name:` before each cell of the data rows in `range`, empty cells included. */
  getInlayHints(model: SubscriberModel, range: Range, settings: ServiceSettings): InlayHint[];
  /** The data rows under the header, and each row spread over several lines. */
  getFoldingRanges(model: SubscriberModel, settings: ServiceSettings): FoldingRange[];
  /** The column and the row of the cell at `position`. */
  getCellInfo(model: SubscriberModel, position: Position, settings: ServiceSettings): CellInfo | null;
  /** The row at `position` (data row or header), field by field, with choices, help and problems. */
  getRowForm(model: SubscriberModel, position: Position, settings: ServiceSettings): RowForm | null;
  /** The edit that puts `value` into `field` of data row `row` (1-based; 0 is the header). */
  getCellEdit(model: SubscriberModel, row: number, field: number, value: string): TextEdit | null;
}

export function getLanguageService(): SubscriberLanguageService {
  return {
    parse: buildModel,
    update: (model, document, changes) => {
      updateModel(model, document, changes);
      return model;
    },
    isServed,
    doValidation: validate,
    startValidation: validationOf,
    validateStream,
    limitDiagnostics,
    doHover: (model, position, settings) =>
      isServed(model, settings) ? doHover(model, position, settings.tenant) : null,
    doComplete: (model, position, settings) =>
      isServed(model, settings) ? doComplete(model, position, settings.tenant) : [],
    getCodeActions,
    findDocumentSymbols: (model, settings) => (isServed(model, settings) ? findDocumentSymbols(model) : []),
    findRowSymbols: (model, query, settings) => (isServed(model, settings) ? findRowSymbols(model, query) : []),
    getSemanticTokens: (model, settings, range) =>
      isServed(model, settings) ? getSemanticTokens(model, range) : { data: [] },
    getInlayHints: (model, range, settings) => (isServed(model, settings) ? getInlayHints(model, range) : []),
    getFoldingRanges: (model, settings) => (isServed(model, settings) ? getFoldingRanges(model) : []),
    getCellInfo: (model, position, settings) => (isServed(model, settings) ? getCellInfo(model, position) : null),
    getRowForm: (model, position, settings) =>
      isServed(model, settings) ? getRowForm(model, position, settings) : null,
    getCellEdit,
  };
}
