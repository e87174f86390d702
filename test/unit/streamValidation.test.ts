/**
 * The CLI's source and the editor's give the same diagnostics: streamed validation (for files too large to hold,
 * read twice in pieces) gives exactly what a full validation of the same text gives, in the same order, whatever
 * pieces the text arrives in, and hands them out as it goes.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getLanguageService, type ServiceSettings } from '@subscriber-csv/language-service';
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

/** The text in pieces of 1 to `largest` characters, cut anew on every reading. */
function pieces(text: string, random: () => number, largest = 40): () => AsyncIterable<string> {
  return async function* () {
    for (let at = 0; at < text.length;) {
      const size = 1 + Math.floor(random() * largest);
      yield text.slice(at, at + size);
      at += size;
    }
  };
}

async function streamed(text: string, settings: ServiceSettings, random: () => number): Promise<Diagnostic[]> {
  const all: Diagnostic[] = [];
  for await (const batch of service.validateStream(pieces(text, random), settings)) all.push(...batch);
  return all;
}

function full(text: string, settings: ServiceSettings): Diagnostic[] {
  return service.doValidation(service.parse(TextDocument.create(URI, 'subscriber-csv', 1, text)), settings);
}

describe('streamed validation', () => {
  for (const [which, settings] of SETTINGS.entries()) {
    it(`equals a full validation of random files sent in random pieces (settings ${which + 1})`, async () => {
      const random = createRandom(300 + which);
      for (let run = 0; run < 300; run++) {
        const text =
          (random() < 0.1 ? '\ufeff' : '') +
          (random() < 0.1 ? '\n\n' : '') +
          randomFile(random, Math.floor(random() * 30));
        assert.deepEqual(await streamed(text, settings, random), full(text, settings), JSON.stringify(text));
      }
    });
  }

  it('handles a text with no header, an unclosed quote and a file that is not a subscriber file', async () => {
    const random = createRandom(9);
    const texts = ['', '\n\n', ',,\r\n', 'Type,LastName\nUser,"Lee\nUser,Kim\n', 'a,b\n1,2\n', '"Type,LastName\n'];
    for (const text of texts) {
      for (const settings of SETTINGS) {
        assert.deepEqual(await streamed(text, settings, random), full(text, settings), JSON.stringify(text));
      }
    }
  });

  it('reads pieces of identical text as the separate pieces they are', async () => {
    // Strings compare by content: a reader that took two equal pieces for one would lose its place in the second.
    const line = 'User,Lee,Yes\n';
    const text = `Type,LastName,VM\n${line.repeat(60)}`;
    const onePerLine = async function* () {
      yield 'Type,LastName,VM\n';
      for (let row = 0; row < 60; row++) yield line;
    };
    const all: Diagnostic[] = [];
    for await (const batch of service.validateStream(onePerLine, SETTINGS[0])) all.push(...batch);
    assert.deepEqual(all, full(text, SETTINGS[0]));
    assert.equal(all.length, 60);
  });

  it('hands out diagnostics before the text has ended', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `User,Lee,${i % 2 === 0 ? 'Yes' : 'n'}`);
    const text = `Type,LastName,VM\n${rows.join('\n')}\n`;
    let read = 0;
    let readWhenFirst = -1;
    const reading = async function* () {
      for (let at = 0; at < text.length; at += 1000) {
        read += 1000;
        yield text.slice(at, at + 1000);
      }
    };
    for await (const batch of service.validateStream(reading, SETTINGS[0])) {
      if (batch.length > 0 && readWhenFirst < 0) readWhenFirst = read;
    }
    // Read twice: the first diagnostics come during the second reading, long before its end.
    assert.ok(readWhenFirst > text.length && readWhenFirst < 1.5 * text.length, `first batch after ${readWhenFirst}`);
  });

  it('checked in parts, one after the other, lists exactly what the whole text lists', async () => {
    // Parts are how the CLI uses several threads: each reads the whole text once, then checks its own lines.
    const random = createRandom(77);
    for (let run = 0; run < 150; run++) {
      const text = (random() < 0.2 ? '\n\n' : '') + randomFile(random, Math.floor(random() * 40));
      const settings = SETTINGS[run % SETTINGS.length];
      const count = 2 + Math.floor(random() * 3);
      const joined: Diagnostic[] = [];
      for (let index = 0; index < count; index++) {
        const part = service.validateStream(pieces(text, random), settings, { index, count });
        for await (const batch of part) joined.push(...batch);
      }
      assert.deepEqual(joined, full(text, settings), `${count} parts of ${JSON.stringify(text)}`);
    }
  });
});
