/**
 * The whole public API of the subscriber CSV rules on one screen. Pure: text and settings in,
 * LSP-typed results out. No editor, no connection; the server, the CLI and the sandbox all call this.
 */
import type { CodeAction, CompletionItem, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions } from './codeActions';
import { doComplete } from './completion';
import { limitDiagnostics } from './diagnosticLimit';
import { doHover } from './hover';
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
  };
}
