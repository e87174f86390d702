/**
 * The whole public API of the subscriber CSV rules on one screen. Pure: text and settings in,
 * LSP-typed results out. No editor, no connection; the server, the CLI and the sandbox all call this.
 */
import type { CodeAction, CompletionItem, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions } from './codeActions';
import { doComplete } from './completion';
import { doHover } from './hover';
import type { ServiceSettings } from './settings';
import { buildModel, type SubscriberModel } from './subscriberModel';
import { isServed, validate } from './validation';

export interface SubscriberLanguageService {
  parse(document: TextDocument): SubscriberModel;
  isServed(model: SubscriberModel, settings: ServiceSettings): boolean;
  doValidation(model: SubscriberModel, settings: ServiceSettings): Diagnostic[];
  doHover(model: SubscriberModel, position: Position, settings: ServiceSettings): Hover | null;
  doComplete(model: SubscriberModel, position: Position, settings: ServiceSettings): CompletionItem[];
  getCodeActions(model: SubscriberModel, diagnostics: readonly Diagnostic[]): CodeAction[];
}

export function getLanguageService(): SubscriberLanguageService {
  return {
    parse: buildModel,
    isServed,
    doValidation: validate,
    doHover: (model, position, settings) =>
      isServed(model, settings) ? doHover(model, position, settings.tenant) : null,
    doComplete: (model, position, settings) =>
      isServed(model, settings) ? doComplete(model, position, settings.tenant) : [],
    getCodeActions,
  };
}
