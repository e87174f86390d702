/**
 * The CLI's source and the editor's give the same diagnostics: streamed validation (for files too large to hold,
 * read twice in pieces) gives exactly what a full validation of the same text gives, in the same order, whatever
 * pieces the text arrives in, and hands them out as it goes.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import * as iconv from 'iconv-lite';
import {
  DEFAULT_SETTINGS,
  getLanguageService,
  type PartSummary,
  type ServiceSettings,
  type StreamCheck,
  type StreamSource,
} from '@subscriber-csv/language-service';
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

  it('checked in parts cut after line breaks lists what the whole text lists, or says a part runs over', async () => {
    // Parts are how the CLI uses several threads: each reads its own lines twice, and they meet in between. A part
    // given as text alone cannot read on past its end: one that ends inside a record says so.
    const random = createRandom(77);
    let runOver = 0;
    let checked = 0;
    for (let run = 0; run < 300; run++) {
      const text = randomText(random);
      const settings = SETTINGS[run % SETTINGS.length];
      const parts = cutAfterLineBreaks(text, 1 + Math.floor(random() * 4), random);
      // The CLI finds the header in the first part; without one there, it checks the text on one thread.
      const header = await headerOf(parts[0]);
      if (parts.length > 1 && !header) continue;
      const checks = parts.map((part, index) =>
        service.createStreamCheck({ read: pieces(part, random) }, settings, {
          first: index === 0,
          header: index === 0 && random() < 0.5 ? undefined : header,
        }),
      );
      const summaries = [];
      for (const check of checks) summaries.push(await check.index());
      if (summaries.slice(0, -1).some((summary) => summary.runsOver)) {
        runOver++;
        continue;
      }
      const joined: Diagnostic[] = [];
      for (const [index, check] of checks.entries()) {
        for await (const batch of check.diagnostics(summaries, index)) joined.push(...batch);
      }
      assert.deepEqual(joined, full(text, settings), `${parts.length} parts: ${JSON.stringify(parts)}`);
      checked++;
    }
    assert.ok(runOver > 10 && checked > 200, `${checked} checked, ${runOver} with a record across a cut`);
  });

  it('checked in parts read as bytes, each read on to the end of the record crossing its end, lists the same', async () => {
    // How the CLI reads a UTF-8 or Windows-1252 file's parts: the first reading scans bytes and reads on past the
    // part's end to finish its last record, and says where that is: the next part starts there.
    const random = createRandom(78);
    let crossed = 0;
    let checked = 0;
    for (let run = 0; run < 300; run++) {
      const text = randomText(random);
      const settings = SETTINGS[run % SETTINGS.length];
      // Windows-1252 has no U+FEFF.
      const encoding = random() < 0.5 || text.includes('\ufeff') ? 'utf-8' : 'windows-1252';
      // The CLI reads a file whose text starts with U+FEFF (a second byte order mark) as text only.
      if (text.startsWith('\ufeff')) continue;
      const bytes = iconv.encode(text, encoding);
      const cuts = cutsAfterLineBreaks(bytes, 1 + Math.floor(random() * 4), random);
      const header = await service.findStreamHeader({ read: pieces(text, random) });
      const decode = (span: string) => iconv.decode(Buffer.from(span, 'latin1'), encoding, { stripBOM: false });
      const summaries: PartSummary[] = [];
      const checks: StreamCheck[] = [];
      for (let start = 0; start < bytes.length;) {
        const meant = cuts.find((cut) => cut > start);
        const range = { start, end: bytes.length };
        const textOf = () => iconv.decode(bytes.subarray(range.start, range.end), encoding, { stripBOM: false });
        const source: StreamSource = {
          read: () => pieces(textOf(), random)(),
          bytes: {
            read: pieces(bytes.subarray(start).toString('latin1'), random),
            decode,
            end: meant === undefined ? undefined : meant - start,
          },
        };
        const first = checks.length === 0;
        const check = service.createStreamCheck(source, settings, {
          first,
          header: first && random() < 0.5 ? undefined : header,
        });
        const summary = await check.index();
        range.end = start + (summary.bytesRead as number);
        if (meant !== undefined && range.end !== meant) crossed++;
        summaries.push(summary);
        checks.push(check);
        start = range.end;
      }
      // The CLI finds the header first; a first part that does not hold all of it is checked as the whole text.
      if (checks.length > 1 && (!header || header.line >= summaries[0].lines)) continue;
      const joined: Diagnostic[] = [];
      for (const [index, check] of checks.entries()) {
        for await (const batch of check.diagnostics(summaries, index)) joined.push(...batch);
      }
      assert.deepEqual(joined, full(text, settings), `${encoding}, cuts ${cuts}: ${JSON.stringify(text)}`);
      checked++;
    }
    assert.ok(crossed > 10 && checked > 200, `${checked} checked, ${crossed} parts read on past their end`);
  });
});

/** A random file, with the cases the parts must get right: blank lines first, emails written differently. */
function randomText(random: () => number): string {
  let text = (random() < 0.2 ? '\n\n' : '') + randomFile(random, Math.floor(random() * 40));
  // A U+FEFF at the start of a later line is a character of its first cell, not a byte order mark.
  if (random() < 0.2) text = text.replace(/\nUser,/, '\n\ufeffUser,');
  // Emails written differently that are the same value (quoted, spaced, in capitals), and one beyond ASCII.
  const spellings = ['ann@example.com', '"ann@example.com"', ' Ann@example.com', 'ANN@EXAMPLE.COM', 'Änn@example.com'];
  return text.replace(/ann@example\.com/g, () => spellings[Math.floor(random() * spellings.length)]);
}

/** Up to `count - 1` offsets just after a line break (a CRLF's LF, never between the two) of the bytes. */
function cutsAfterLineBreaks(bytes: Buffer, count: number, random: () => number): number[] {
  const cuts = new Set<number>();
  for (let tries = 0; tries < count - 1; tries++) {
    let at = Math.floor(random() * bytes.length);
    while (at < bytes.length && !(bytes[at] === 10 || (bytes[at] === 13 && bytes[at + 1] !== 10))) at++;
    if (at + 1 < bytes.length) cuts.add(at + 1);
  }
  return [...cuts].sort((a, b) => a - b);
}

/** The text cut into at most `count` parts, each after a line break (a CRLF's LF, never between the two). */
function cutAfterLineBreaks(text: string, count: number, random: () => number): string[] {
  const cuts = new Set<number>();
  for (let tries = 0; tries < count - 1; tries++) {
    let at = Math.floor(random() * text.length);
    while (at < text.length && !(text[at] === '\n' || (text[at] === '\r' && text[at + 1] !== '\n'))) at++;
    if (at + 1 < text.length) cuts.add(at + 1);
  }
  const sorted = [0, ...[...cuts].sort((a, b) => a - b), text.length];
  return sorted.slice(0, -1).map((at, index) => text.slice(at, sorted[index + 1]));
}

/** The header record of a text's first part, as the CLI finds it before checking the parts. */
function headerOf(text: string) {
  return service.findStreamHeader({ read: pieces(text, Math.random) });
}
