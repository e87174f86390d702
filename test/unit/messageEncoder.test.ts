/**
 * The server's stdio encoder: every message is written exactly as `JSON.stringify` writes it, published diagnostics
 * are encoded once and frozen, and a publication of new objects says what they say.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, Message } from 'vscode-languageserver/node';
import { MessageEncoder } from '../../server/src/messageEncoder';

const OPTIONS = { charset: 'utf-8' as const };

function diagnostic(line: number, message: string): Diagnostic {
  return {
    range: { start: { line, character: 2 }, end: { line, character: 9 } },
    severity: 1,
    code: 'invalid-email',
    source: 'subscriber-csv',
    message,
    data: { column: 'Email' },
    codeDescription: { href: 'file:///ext/docs/diagnostics.md#L12' },
  };
}

function publication(diagnostics: Diagnostic[], version?: number): Message {
  const params =
    version === undefined ? { uri: 'file:///a.csv', diagnostics } : { uri: 'file:///a.csv', version, diagnostics };
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params } as Message;
}

async function encoded(encoder: MessageEncoder, message: Message): Promise<string> {
  return Buffer.from(await encoder.encode(message, OPTIONS)).toString('utf8');
}

describe('message encoder', () => {
  it('writes a publication byte for byte as JSON.stringify does, with and without a version', async () => {
    const encoder = new MessageEncoder();
    const list = [diagnostic(3, '"Łukasz@x" is not a valid email address.'), diagnostic(7, 'plain')];
    const expected = JSON.stringify(publication(list, 4));
    assert.equal(await encoded(encoder, publication(list, 4)), expected);
    assert.equal(await encoded(encoder, publication(list)), JSON.stringify(publication(list)));
    assert.equal(await encoded(encoder, publication([], 5)), JSON.stringify(publication([], 5)));
  });

  it('writes any other message as JSON.stringify does', async () => {
    const encoder = new MessageEncoder();
    const request = { jsonrpc: '2.0', id: 3, result: { contents: { kind: 'markdown', value: 'Ümlaut' } } } as Message;
    assert.equal(await encoded(encoder, request), JSON.stringify(request));
    // A publication with a field the encoder does not write itself takes the plain path, and loses nothing.
    const extra = { ...publication([diagnostic(1, 'x')], 2) } as Message & { params: Record<string, unknown> };
    extra.params = { ...extra.params, extra: true };
    assert.equal(await encoded(encoder, extra), JSON.stringify(extra));
  });

  it('writes a publication in another charset as JSON.stringify does, not from the kept UTF-8 bytes', async () => {
    const encoder = new MessageEncoder();
    const kept = diagnostic(4, 'Müller');
    encoder.encodeAhead(kept);
    const message = publication([kept], 3);
    const bytes = Buffer.from(await encoder.encode(message, { charset: 'ascii' }));
    assert.deepEqual(bytes, Buffer.from(JSON.stringify(message), 'ascii'));
  });

  it('freezes a diagnostic once encoded, so that a change to a published one fails loudly', async () => {
    const encoder = new MessageEncoder();
    const published = diagnostic(2, 'before');
    await encoded(encoder, publication([published], 1));
    assert.throws(() => {
      published.message = 'after';
    }, TypeError);
    assert.throws(() => {
      published.range.start.line = 9;
    }, TypeError);
    assert.equal(published.message, 'before');
  });

  it('encodes ahead what a later publication joins, and new objects as they are', async () => {
    const encoder = new MessageEncoder();
    const kept = diagnostic(1, 'kept');
    encoder.encodeAhead(kept);
    assert.ok(Object.isFrozen(kept));
    const fresh = diagnostic(1, 'a new object says what it says');
    const text = await encoded(encoder, publication([kept, fresh], 2));
    assert.equal(text, JSON.stringify(publication([kept, fresh], 2)));
    assert.deepEqual(
      (JSON.parse(text) as { params: { diagnostics: Diagnostic[] } }).params.diagnostics.map((d) => d.message),
      ['kept', 'a new object says what it says'],
    );
  });

  it('writes a marked answer as JSON.stringify does, whatever it holds, its frozen objects kept and frozen throughout', async () => {
    const encoder = new MessageEncoder();
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const leaves = [
      0,
      -0,
      1.5,
      -12,
      NaN,
      Infinity,
      true,
      false,
      null,
      '',
      'Zoë · row 3',
      'ext "101"\n\u2028',
      undefined,
    ];
    const leaf = () => leaves[Math.floor(random() * leaves.length)];
    const kept: object[] = [];
    const value = (depth: number): unknown => {
      const pick = random();
      if (depth > 3 || pick < 0.3) return pick < 0.05 ? () => 1 : leaf();
      if (pick < 0.45) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      if (pick < 0.5) return new Date(Date.UTC(2026, 11, 3));
      const object: Record<string, unknown> = {};
      for (let key = 0; key < 4; key++) object[random() < 0.5 ? `k${key}` : String(key)] = value(depth + 1);
      if (pick < 0.75) {
        kept.push(object);
        return Object.freeze(object);
      }
      return object;
    };
    for (let round = 0; round < 200; round++) {
      const result = [value(0), value(0), ...kept.slice(-3)];
      encoder.keepPartsOf(result);
      const answer = { jsonrpc: '2.0', id: round, result } as Message;
      assert.equal(await encoded(encoder, answer), JSON.stringify(answer), `round ${round}`);
    }
    const nested = kept.find((object) => Object.values(object).some((item) => typeof item === 'object' && item));
    assert.ok(nested, 'some kept object holds another');
    for (const item of Object.values(nested)) if (typeof item === 'object' && item) assert.ok(Object.isFrozen(item));
  });

  it('writes an unmarked answer holding frozen objects through JSON.stringify, keeping nothing', async () => {
    const encoder = new MessageEncoder();
    const inner = { range: { start: { line: 1, character: 0 } } };
    const answer = { jsonrpc: '2.0', id: 1, result: [Object.freeze(inner)] } as Message;
    assert.equal(await encoded(encoder, answer), JSON.stringify(answer));
    assert.ok(!Object.isFrozen(inner.range), 'an unmarked answer is not frozen throughout');
  });
});
