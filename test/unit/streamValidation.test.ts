/**
 * Streamed validation (the CLI's, for files too large to hold) gives exactly what a full validation of the same
 * text gives, whatever pieces the text arrives in, with the column of the cell each diagnostic starts in.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, getLanguageService, type ServiceSettings } from '@subscriber-csv/language-service';
import { recordIndexAt } from '../../language-service/src/subscriberModel';
import { createRandom } from './helpers/random';
import { randomFile } from './helpers/randomFiles';

const service = getLanguageService();
const URI = 'file:///test/stream.subscribers.csv';

const SETTINGS: ServiceSettings[] = [
  { ...DEFAULT_SETTINGS, assumeSubscriberFile: true },
  {
    assumeSubscriberFile: false,
    tenant: { pinNotification: 'email', role: 'tenantAdmin', lists: {}, extensionsInUse: ['101', '105'] },
  },
];

function streamed(text: string, settings: ServiceSettings, random: () => number) {
  const validation = service.validateStream(settings, URI);
  for (let at = 0; at < text.length;) {
    const size = 1 + Math.floor(random() * 40);
    validation.push(text.slice(at, at + size));
    at += size;
  }
  return validation.end();
}

function full(text: string, settings: ServiceSettings) {
  const document = TextDocument.create(URI, 'subscriber-csv', 1, text);
  const model = service.parse(document);
  return service.doValidation(model, settings).map((diagnostic) => {
    const offset = document.offsetAt(diagnostic.range.start);
    const index = recordIndexAt(model, offset);
    const field = index < 0 ? -1 : model.row(index).fieldAt(offset);
    return { diagnostic, cellColumn: field < 0 ? undefined : model.columnOfField[field]?.name };
  });
}

describe('streamed validation', () => {
  for (const [which, settings] of SETTINGS.entries()) {
    it(`equals a full validation of random files sent in random pieces (settings ${which + 1})`, () => {
      const random = createRandom(300 + which);
      for (let run = 0; run < 300; run++) {
        const text =
          (random() < 0.1 ? '\ufeff' : '') +
          (random() < 0.1 ? '\n\n' : '') +
          randomFile(random, Math.floor(random() * 30));
        assert.deepEqual(streamed(text, settings, random), full(text, settings), JSON.stringify(text));
      }
    });
  }

  it('handles a text with no header, an unclosed quote and a file that is not a subscriber file', () => {
    const random = createRandom(9);
    const settings = SETTINGS[0];
    for (const text of ['', '\n\n', 'Type,LastName\nUser,"Lee\nUser,Kim\n', 'a,b\n1,2\n', '"Type,LastName\n']) {
      assert.deepEqual(streamed(text, settings, random), full(text, settings), JSON.stringify(text));
      assert.deepEqual(streamed(text, SETTINGS[1], random), full(text, SETTINGS[1]), JSON.stringify(text));
    }
  });
});
