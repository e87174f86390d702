/**
 * How the server writes messages on stdio: JSON, as vscode-jsonrpc writes it, except that the diagnostics it
 * publishes, and the frozen parts of answers marked for it, are each encoded once.
 *
 * A large file publishes 1,001 diagnostics after every keystroke, nearly all of them the very objects published the
 * time before (`DiagnosticAssembly` converts a record's findings again only when the record changes or moves). A
 * profile of the server while typing in 100,000 rows found about 60% of its time in turning that message into bytes
 * (`JSON.stringify`, then the UTF-8 encoding of a 330 KB string), for a few rows' change. Here each diagnostic's
 * bytes are kept beside the object, and a publication joins the kept bytes.
 *
 * Kept bytes are only right while the object does not change, so an object is frozen once encoded: code that
 * changed a published diagnostic would fail loudly rather than publish what it said before.
 *
 * An answer can be marked to be written the same way (`keepPartsOf`): its frozen objects are each encoded once and
 * their bytes joined, the rest written as `JSON.stringify` writes it. The outline of a large file is a thousand row
 * symbols, the same objects after each keystroke but the edited row's (`findDocumentSymbols` keeps them); a
 * profile found most of such an answer's time in making its 240 KB string and that string's UTF-8 bytes again.
 */
import type { ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');

interface PublishMessage {
  jsonrpc: string;
  method: typeof PUBLISH_DIAGNOSTICS;
  params: { uri: string; version?: number; diagnostics: object[] };
}

/** A publication whose params hold nothing but what `encodePublish` writes (anything else takes the plain path). */
function isPublish(message: Message): message is Message & PublishMessage {
  const { method, params } = message as Partial<PublishMessage>;
  if (method !== PUBLISH_DIAGNOSTICS || typeof params !== 'object' || params === null) return false;
  if (!Array.isArray(params.diagnostics) || typeof params.uri !== 'string') return false;
  if (!Object.keys(params).every((key) => key === 'uri' || key === 'version' || key === 'diagnostics')) return false;
  return params.diagnostics.every((diagnostic) => typeof diagnostic === 'object' && diagnostic !== null);
}

/** Freezes `value` and everything in it (an object frozen already may still hold one that is not). */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

/** What `JSON.stringify` leaves out of an object and writes as `null` in an array. */
function isUnwritten(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Bytes made of text written as it comes and of kept bytes, in order. */
class ByteParts {
  readonly parts: Buffer[] = [];
  private text = '';

  write(text: string): void {
    this.text += text;
  }

  join(bytes: Buffer): void {
    if (this.text !== '') this.parts.push(Buffer.from(this.text, 'utf-8'));
    this.text = '';
    this.parts.push(bytes);
  }

  bytes(): Buffer {
    if (this.text !== '') this.parts.push(Buffer.from(this.text, 'utf-8'));
    this.text = '';
    return Buffer.concat(this.parts);
  }
}

/**
 * An encoder for `StreamMessageWriter` that writes what `JSON.stringify` writes, keeping the bytes of each published
 * diagnostic and of each frozen object in a marked answer.
 */
export class MessageEncoder {
  readonly name = 'application/json';
  private readonly encoded = new WeakMap<object, Buffer>();
  /** Answers whose frozen objects are written from kept bytes. */
  private readonly keeping = new WeakSet<object>();

  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    const charset = options.charset as BufferEncoding;
    try {
      // Kept bytes are UTF-8 (what the writer uses unless told otherwise): any other charset takes the plain path.
      if (charset === 'utf-8' && isPublish(message)) return Promise.resolve(this.encodePublish(message));
      if (charset === 'utf-8' && this.isKeptAnswer(message)) {
        const out = new ByteParts();
        this.writeValue(message, out);
        return Promise.resolve(out.bytes());
      }
      return Promise.resolve(Buffer.from(JSON.stringify(message, undefined, 0), charset));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /**
   * Encodes a diagnostic before it is published (and freezes it), so that the publisher can spread the encoding of
   * a thousand new diagnostics over slices of time rather than hold the event loop for all of them at once.
   */
  encodeAhead(diagnostic: object): void {
    this.bytesOf(diagnostic);
  }

  /**
   * Marks an answer about to be returned from a request handler: when written, each frozen object in it is
   * encoded once and kept (and frozen throughout), so that the same object in a later answer costs a look-up.
   */
  keepPartsOf(result: object): void {
    this.keeping.add(result);
  }

  private isKeptAnswer(message: Message): boolean {
    const { result } = message as { result?: unknown };
    return typeof result === 'object' && result !== null && this.keeping.has(result);
  }

  /** Writes `value` as `JSON.stringify` does (a `toJSON` object through it), frozen objects from kept bytes. */
  private writeValue(value: unknown, out: ByteParts): void {
    if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      out.write(JSON.stringify(value) ?? 'null');
    } else if (Array.isArray(value)) {
      out.write('[');
      value.forEach((item: unknown, index) => {
        if (index > 0) out.write(',');
        if (isUnwritten(item)) out.write('null');
        else this.writeValue(item, out);
      });
      out.write(']');
    } else if (Object.isFrozen(value)) {
      out.join(this.bytesOf(value));
    } else {
      out.write('{');
      let first = true;
      for (const [key, item] of Object.entries(value)) {
        if (isUnwritten(item)) continue;
        out.write(`${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
        this.writeValue(item, out);
      }
      out.write('}');
    }
  }

  /** A diagnostic's (or a kept answer's frozen object's) UTF-8 bytes, made once. */
  private bytesOf(diagnostic: object): Buffer {
    let bytes = this.encoded.get(diagnostic);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(diagnostic), 'utf-8');
      deepFreeze(diagnostic);
      this.encoded.set(diagnostic, bytes);
    }
    return bytes;
  }

  private encodePublish(message: PublishMessage): Buffer {
    const { uri, version, diagnostics } = message.params;
    // The message with no diagnostics ends in `[]}}`: the diagnostics' bytes go between the brackets.
    const empty = JSON.stringify({
      jsonrpc: message.jsonrpc,
      method: message.method,
      params: version === undefined ? { uri, diagnostics: [] } : { uri, version, diagnostics: [] },
    });
    const parts: Buffer[] = [Buffer.from(empty.slice(0, -3), 'utf-8')];
    diagnostics.forEach((diagnostic, index) => {
      if (index > 0) parts.push(COMMA);
      parts.push(this.bytesOf(diagnostic));
    });
    parts.push(Buffer.from(empty.slice(-3), 'utf-8'));
    return Buffer.concat(parts);
  }
}
