/**
 * Incremental validation gives exactly what a full validation of the same text gives. Random edit sequences
 * (typed and deleted characters, quotes that open and close, line breaks of every kind, pasted rows, values that
 * make and break duplicates) are applied to a chunked document; after each batch the model is brought up to date
 * from the document's changes and validated, and compared with a model parsed from scratch from the same text.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../src/languageService';
import { SubscriberModel } from '../src/model/subscriberModel';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../src/settings';
import { ChunkedTextDocument } from '../src/text/chunkedTextDocument';
import { createRandom } from '../../test/unit/helpers/random';
import { RANDOM_FILE_HEADER as HEADER, randomFile } from '../../test/unit/helpers/randomFiles';

const service = getLanguageService();
const URI = 'file:///test/incremental.subscribers.csv';

const SETTINGS: ServiceSettings[] = [
  { ...DEFAULT_SETTINGS, assumeSubscriberFile: true },
  {
    assumeSubscriberFile: false,
    tenant: { pinNotification: 'email', role: 'tenantAdmin', lists: {}, extensionsInUse: ['101', '105'] },
  },
];

/** Pieces edits insert: cell values, separators, quotes and line breaks. */
const INSERTS = ['a', 'x', '1', '0', '101', '102', 'y', 'Y', 'n', ',', ',', '"', '""', '\n', '\r\n', '\r', 'User', ' '];

/** One random change to `text`, as the editor would send it, and the text after it. */
function randomChange(random: () => number, text: string) {
  const reference = TextDocument.create(URI, 'subscriber-csv', 1, text);
  const start = Math.floor(random() * (text.length + 1));
  const kind = random();
  let end = start;
  let inserted = '';
  if (kind < 0.45) {
    inserted = INSERTS[Math.floor(random() * INSERTS.length)];
  } else if (kind < 0.8) {
    end = Math.min(text.length, start + 1 + Math.floor(random() * 3));
  } else if (kind < 0.9) {
    end = Math.min(text.length, start + Math.floor(random() * 40));
    inserted = INSERTS[Math.floor(random() * INSERTS.length)];
  } else {
    inserted = `\nUser,Bo,Ray,bo@example.com,,${100 + Math.floor(random() * 12)},y,,,n`;
  }
  const range = { start: reference.positionAt(start), end: reference.positionAt(end) };
  const from = reference.offsetAt(range.start);
  const to = reference.offsetAt(range.end);
  return { change: { range, text: inserted }, after: text.slice(0, from) + inserted + text.slice(to) };
}

/** One to three changes sent together (each applies to the text the ones before it produced). */
function randomChanges(random: () => number, document: ChunkedTextDocument) {
  let text = document.getText();
  return Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
    const { change, after } = randomChange(random, text);
    text = after;
    return change;
  });
}

function fullValidation(text: string, settings: ServiceSettings, version: number) {
  return service.doValidation(service.parse(TextDocument.create(URI, 'subscriber-csv', version, text)), settings);
}

function assertSameRecords(model: SubscriberModel, text: string, label: string): void {
  const fresh = new SubscriberModel(TextDocument.create(URI, 'subscriber-csv', 1, text));
  const shape = (m: SubscriberModel) =>
    Array.from({ length: m.records.count }, (_, index) => [
      m.records.starts[index],
      m.records.ends[index],
      m.records.flags[index],
    ]);
  assert.deepEqual(shape(model), shape(fresh), `${label}: records`);
  assert.equal(model.headerIndex, fresh.headerIndex, `${label}: header`);
}

describe('incremental validation', () => {
  for (const [which, settings] of SETTINGS.entries()) {
    it(`equals a full validation after random edit sequences (settings ${which + 1})`, () => {
      const random = createRandom(1000 + which);
      for (let run = 0; run < 40; run++) {
        const document = new ChunkedTextDocument(
          URI,
          'subscriber-csv',
          1,
          randomFile(random, 5 + Math.floor(random() * 25)),
          64,
        );
        const model = service.parse(document) as SubscriberModel;
        let validated = document.version;
        service.doValidation(model, settings);
        for (let step = 0; step < 25; step++) {
          document.update(randomChanges(random, document), document.version + 1);
          // Sometimes several versions go by before the model is asked for.
          if (random() < 0.3) continue;
          const edits = document.changesSince(validated) ?? assert.fail('changes forgotten');
          service.update(model, document, edits);
          validated = document.version;
          const label = `run ${run} step ${step}`;
          const text = document.getText();
          assertSameRecords(model, text, label);
          const full = fullValidation(text, settings, validated);
          assert.deepEqual(service.doValidation(model, settings), full, label);
          // What the server publishes: only the kept diagnostics are made, and they are those the limit keeps.
          const max = Math.floor(random() * 12);
          const published = service.startValidation(model, settings).diagnostics(max);
          assert.deepEqual(published, service.limitDiagnostics(full, max), `${label}: at most ${max}`);
          // The same limit at every step: a list handed out again must be the one a full validation gives.
          const again = service.startValidation(model, settings).diagnostics(6);
          assert.deepEqual(again, service.limitDiagnostics(full, 6), `${label}: at most 6, as last time if unchanged`);
        }
      }
    });
  }

  it('equals a full validation when edits come while a validation runs in slices', () => {
    const random = createRandom(77);
    const settings = SETTINGS[0];
    for (let run = 0; run < 30; run++) {
      const document = new ChunkedTextDocument(URI, 'subscriber-csv', 1, randomFile(random, 40), 128);
      const model = service.parse(document);
      let validated = document.version;
      for (let step = 0; step < 15; step++) {
        const validation = service.startValidation(model, settings);
        validation.step(1 + Math.floor(random() * 10));
        document.update(randomChanges(random, document), document.version + 1);
        service.update(model, document, document.changesSince(validated) ?? assert.fail('changes forgotten'));
        validated = document.version;
        const rerun = service.startValidation(model, settings);
        while (!rerun.step(7));
        assert.deepEqual(
          rerun.diagnostics(),
          fullValidation(document.getText(), settings, validated),
          `run ${run} step ${step}`,
        );
      }
    }
  });

  it('makes and clears duplicate diagnostics on the other row', () => {
    const text = `${HEADER}\nUser,Ann,Lee,,,101,y,,,n\nUser,Bo,Ray,,,102,y,,,n\nUser,Cy,Kim,,,103,y,,,n\n`;
    const document = ChunkedTextDocument.create(URI, 'subscriber-csv', 1, text);
    const settings = SETTINGS[0];
    const model = service.parse(document);
    assert.deepEqual(service.doValidation(model, settings), []);
    const extension = (line: number) => {
      const offset = document.offsetAt({ line, character: 0 }) + 'User,Bo,Ray,,,'.length;
      return { start: document.positionAt(offset), end: document.positionAt(offset + 3) };
    };
    document.update([{ range: extension(3), text: '102' }], 2);
    service.update(model, document, document.changesSince(1) ?? []);
    const made = service.doValidation(model, settings);
    assert.deepEqual(
      made.map((d) => [d.code, d.range.start.line, d.message]),
      [
        ['duplicate-extension', 2, 'Extension 102 is also used on line 4.'],
        ['duplicate-extension', 3, 'Extension 102 is also used on line 3.'],
      ],
    );
    document.update([{ range: extension(3), text: '104' }], 3);
    service.update(model, document, document.changesSince(2) ?? []);
    assert.deepEqual(service.doValidation(model, settings), []);
  });
});
