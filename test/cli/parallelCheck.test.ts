/**
 * How many threads a file is checked on (one unless workers are enabled; by default one a core for a large UTF-8 or
 * Windows-1252 file; `SUBSCRIBER_CSV_JOBS` overrides), and that checking in parts gives what one thread gives,
 * falling back to one thread exactly when a cut falls inside a record.
 */
import * as assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getLanguageService, type ServiceSettings } from '@subscriber-csv/language-service';
import { cutsOf, sourceOf, type CheckedFile } from '../../cli/src/fileText';
import { checkInParts, enableWorkers, MIN_PARALLEL_BYTES, partsFor } from '../../cli/src/parallelCheck';
import { CLI_BUNDLE, workspace } from './cliHarness';
import { createRandom } from '../unit/helpers/random';
import { randomFile } from '../unit/helpers/randomFiles';

const LARGE = MIN_PARALLEL_BYTES;
const file = (encoding: CheckedFile['encoding'], size: number) => ({ encoding, size });

describe('the number of threads', () => {
  test('is one a core for a large file unless asked otherwise, one for a small one or UTF-16', () => {
    assert.equal(
      partsFor(file('utf-8', LARGE), { SUBSCRIBER_CSV_JOBS: '2' }),
      1,
      'no workers before main.ts enables them',
    );
    enableWorkers(CLI_BUNDLE);
    const cores = Math.min(availableParallelism(), 4);
    assert.equal(partsFor(file('utf-8', LARGE), {}), cores);
    assert.equal(partsFor(file('windows-1252', LARGE), {}), cores);
    assert.equal(partsFor(file('utf-8', LARGE - 1), {}), 1, 'a small file: one thread is quicker');
    assert.equal(partsFor(file('utf-8', LARGE), { SUBSCRIBER_CSV_JOBS: 'auto' }), cores);
    assert.equal(partsFor(file('utf-8', LARGE), { SUBSCRIBER_CSV_JOBS: '1' }), 1);
    assert.equal(partsFor(file('utf-8', 100), { SUBSCRIBER_CSV_JOBS: '3' }), 3);
    assert.equal(partsFor(file('utf-8', 100), { SUBSCRIBER_CSV_JOBS: '9' }), 4);
    assert.equal(partsFor(file('utf-8', LARGE), { SUBSCRIBER_CSV_JOBS: 'many' }), 1);
    assert.equal(partsFor(file('utf-16le', LARGE), { SUBSCRIBER_CSV_JOBS: '2' }), 1, 'no cut in UTF-16');
  });
});

describe('cutting a file', () => {
  test('cuts just after an LF, at most where asked, never at the end', () => {
    const text = 'Type,LastName\r\nUser,Lee\r\nUser,"Kim\nPark"\nUser,Ann\n';
    const { dir, remove } = workspace({ 'cut.csv': text });
    try {
      const size = Buffer.byteLength(text);
      const cut: CheckedFile = { absolute: join(dir, 'cut.csv'), path: 'cut.csv', encoding: 'utf-8', size };
      for (let count = 2; count <= 8; count++) {
        const cuts = cutsOf(cut, count);
        assert.ok(cuts.length <= count - 1);
        for (const cut of cuts) assert.equal(text[cut - 1], '\n', `cut at ${cut} of ${count}`);
        assert.deepEqual(
          cuts,
          [...new Set(cuts)].sort((a, b) => a - b),
        );
        assert.ok(cuts.every((cut) => cut > 0 && cut < size));
      }
    } finally {
      remove();
    }
  });
});

describe('checking in parts', () => {
  test('gives what one thread gives, a part reading again from where a record across its cut ends', async () => {
    enableWorkers(CLI_BUNDLE);
    const service = getLanguageService();
    const random = createRandom(4343);
    const files: Record<string, Buffer> = {};
    for (let index = 0; index < 24; index++) {
      let text = randomFile(random, 20 + Math.floor(random() * 60));
      if (index % 6 === 5) {
        // A quote that never closes, in the first third: the rest of the file is its record.
        const lineBreak = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
        const lines = text.split(lineBreak);
        const open = 1 + Math.floor(lines.length / 4);
        lines[open] += ',"';
        for (let line = open + 1; line < lines.length; line++) lines[line] = lines[line].replace(/"/g, '');
        text = lines.join(lineBreak);
      }
      files[`f${index}.csv`] = Buffer.from(index % 4 === 0 ? `\ufeff${text}` : text);
    }
    const { dir, remove } = workspace(files);
    let fallbacks = 0;
    let parallel = 0;
    let readAgain = 0;
    let dropped = 0;
    try {
      for (const name of Object.keys(files)) {
        const size = files[name].length;
        const file: CheckedFile = { absolute: join(dir, name), path: name, encoding: 'utf-8', size };
        const settings: ServiceSettings = { ...DEFAULT_SETTINGS, assumeSubscriberFile: true, encoding: 'utf-8' };
        const one = await collect(service.validateStream(sourceOf(file, { start: 0, end: Infinity }), settings));
        let fellBack = false;
        const oneThread = () => {
          fellBack = true;
          return service.validateStream(sourceOf(file, { start: 0, end: Infinity }), settings);
        };
        const parts = 2 + (Object.keys(files).indexOf(name) % 3);
        const settled = (checked: number, again: number) => {
          if (checked < parts) dropped++;
          readAgain += again;
        };
        const many = await collect(checkInParts(service, file, settings, parts, oneThread, settled));
        assert.deepEqual(many, one, name);
        if (fellBack) fallbacks++;
        else parallel++;
      }
    } finally {
      remove();
    }
    assert.ok(
      parallel >= 16 && readAgain >= 4 && dropped >= 3,
      `${parallel} in parts (${readAgain} read again, ${dropped} with parts dropped), ${fallbacks} on one thread`,
    );
  });
});

async function collect(batches: AsyncIterable<Diagnostic[]>): Promise<Diagnostic[]> {
  const all: Diagnostic[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}
