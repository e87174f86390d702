/**
 * Keeps one parsed model per open document, so that validation, hover, completion and code actions on the same
 * version share one parse. When the document has changed since, the model is brought up to date from the
 * document's recorded changes, re-reading only the records they touch; a full parse is the fallback.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ChunkedTextDocument,
  type SubscriberLanguageService,
  type SubscriberModel,
} from '@subscriber-csv/language-service';

export class DocumentModels {
  private readonly models = new Map<string, { version: number; model: SubscriberModel }>();

  constructor(private readonly service: SubscriberLanguageService) {}

  get(document: TextDocument): SubscriberModel {
    const cached = this.models.get(document.uri);
    if (cached && cached.model.document === document) {
      if (cached.version === document.version) return cached.model;
      const changes = document instanceof ChunkedTextDocument ? document.changesSince(cached.version) : undefined;
      if (changes) {
        this.service.update(cached.model, document, changes);
        cached.version = document.version;
        return cached.model;
      }
    }
    const model = this.service.parse(document);
    this.models.set(document.uri, { version: document.version, model });
    return model;
  }

  forget(uri: string): void {
    this.models.delete(uri);
  }
}
