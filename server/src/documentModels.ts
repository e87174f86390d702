/**
 * Keeps one parsed document per open document, so that validation, hover, completion and code actions on the same
 * version share one parse. When the document has changed since, the parse is brought up to date from the
 * document's recorded changes, re-reading only the records they touch; a full parse is the fallback.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkedTextDocument, type LanguageService, type SubscriberDocument } from '@subscriber-csv/language-service';

interface Parsed {
  /** The document the parse was made from (a reopened document is a new one, maybe with the same version). */
  document: TextDocument;
  version: number;
  parsed: SubscriberDocument;
}

export class DocumentModels {
  private readonly models = new Map<string, Parsed>();

  constructor(private readonly service: LanguageService) {}

  get(document: TextDocument): SubscriberDocument {
    const cached = this.models.get(document.uri);
    if (cached && cached.document === document) {
      if (cached.version === document.version) return cached.parsed;
      const changes = document instanceof ChunkedTextDocument ? document.changesSince(cached.version) : undefined;
      if (changes) {
        this.service.update(cached.parsed, document, changes);
        cached.version = document.version;
        return cached.parsed;
      }
    }
    const parsed = this.service.parse(document);
    this.models.set(document.uri, { document, version: document.version, parsed });
    return parsed;
  }

  forget(uri: string): void {
    this.models.delete(uri);
  }
}
