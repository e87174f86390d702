/**
 * Keeps one parsed model per open document, by uri and version, so that validation, hover, completion and
 * code actions on the same version share one parse.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SubscriberLanguageService, SubscriberModel } from './service';

export class DocumentModels {
  private readonly models = new Map<string, { version: number; model: SubscriberModel }>();

  constructor(private readonly service: SubscriberLanguageService) {}

  get(document: TextDocument): SubscriberModel {
    const cached = this.models.get(document.uri);
    if (cached && cached.version === document.version) return cached.model;
    const model = this.service.parse(document);
    this.models.set(document.uri, { version: document.version, model });
    return model;
  }

  forget(uri: string): void {
    this.models.delete(uri);
  }
}
