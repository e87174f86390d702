/**
 * HTTP as bytes on a raw socket to 127.0.0.1, for requests no HTTP client would send: broken request lines and
 * headers, bodies cut short or dripped a byte at a time. Each ends in what the server did: an answer's status, a
 * closed connection without one, or nothing within the time allowed (a hang).
 */
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RawDelivery {
  /** Half-close after sending (the client has nothing more to say). Otherwise the connection is left open. */
  end: boolean;
  /** Send the bytes in pieces of this size, this many ms apart (a slow client). */
  drip?: { bytes: number; everyMs: number };
}

export type RawOutcome =
  { kind: 'answered'; status: number; ms: number } | { kind: 'closed'; ms: number } | { kind: 'hung'; ms: number };

const INTERIM = /^(HTTP\/1\.[01] 1\d\d [^\r\n]*\r\n\r\n)+/;

export function sendRaw(port: number, bytes: Buffer, delivery: RawDelivery, limitMs: number): Promise<RawOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let settled = false;
    const socket = connect({ host: '127.0.0.1', port });
    const settle = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ kind: 'hung', ms: ms() }), limitMs);
    /** The final answer's status; an interim `100 Continue` before it is not the answer. */
    const answered = () => {
      const head = Buffer.concat(received).subarray(0, 4096).toString('latin1').replace(INTERIM, '');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      return status && status[1] !== '100' ? Number(status[1]) : undefined;
    };
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      const status = answered();
      if (status !== undefined) settle({ kind: 'answered', status, ms: ms() });
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      const status = answered();
      settle(status === undefined ? { kind: 'closed', ms: ms() } : { kind: 'answered', status, ms: ms() });
    });
    socket.on('connect', () => {
      void (async () => {
        if (!delivery.drip) socket.write(bytes);
        else {
          for (let at = 0; at < bytes.length && !settled && !socket.destroyed; at += delivery.drip.bytes) {
            socket.write(bytes.subarray(at, at + delivery.drip.bytes));
            await sleep(delivery.drip.everyMs);
          }
        }
        if (delivery.end && !socket.destroyed) socket.end();
      })();
    });
  });
}
