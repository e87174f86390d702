/**
 * The upload core combines the caller's AbortSignal with its per-attempt timeout by hand: `AbortSignal.any` is
 * missing from the Node 18 inside VS Code 1.82–1.85, the oldest versions the extension declares.
 */
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { combineSignals, uploadImport } from '../../common/importClient';
import { CLEAN_FILE, startTestSandbox, type TestSandbox } from './helpers/sandbox';

let test_: TestSandbox;
before(async () => {
  test_ = await startTestSandbox();
});
after(() => test_.dispose());

test('the combined signal aborts with the reason of the first source that aborts', () => {
  const first = new AbortController();
  const second = new AbortController();
  const combined = combineSignals([first.signal, second.signal]);
  assert.equal(combined.signal.aborted, false);
  second.abort(new Error('second'));
  assert.equal(combined.signal.aborted, true);
  assert.equal((combined.signal.reason as Error).message, 'second');
  first.abort(new Error('first'));
  assert.equal((combined.signal.reason as Error).message, 'second', 'the first abort decides');
});

test('a source that has already aborted aborts the combined signal at once', () => {
  const done = AbortSignal.abort('gone');
  const combined = combineSignals([new AbortController().signal, done]);
  assert.equal(combined.signal.aborted, true);
  assert.equal(combined.signal.reason, 'gone');
});

test('dispose() stops listening, so a long-lived signal does not gather listeners attempt after attempt', () => {
  const caller = new AbortController();
  let listeners = 0;
  const counted = caller.signal;
  const add = counted.addEventListener.bind(counted);
  const remove = counted.removeEventListener.bind(counted);
  counted.addEventListener = ((...args: Parameters<typeof add>) => {
    listeners++;
    add(...args);
  }) as typeof add;
  counted.removeEventListener = ((...args: Parameters<typeof remove>) => {
    listeners--;
    remove(...args);
  }) as typeof remove;
  for (let attempt = 0; attempt < 5; attempt++) combineSignals([counted, new AbortController().signal]).dispose();
  assert.equal(listeners, 0);
  const kept = combineSignals([counted]);
  caller.abort();
  assert.equal(kept.signal.aborted, true);
});

test('an upload works where AbortSignal.any does not exist (Node 18), and can still be cancelled', async () => {
  const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
  delete (AbortSignal as { any?: unknown }).any;
  try {
    assert.equal('any' in AbortSignal, false);
    const result = await uploadImport(test_.sandbox.endpoint, test_.sandbox.token, CLEAN_FILE, 'x.csv', {
      signal: new AbortController().signal,
    });
    assert.ok(result.ok && result.created === 3, JSON.stringify(result));
    test_.sandbox.setFaults({ delayMs: 5000, on: 'import' });
    const cancel = new AbortController();
    const cancelled = uploadImport(test_.sandbox.endpoint, test_.sandbox.token, CLEAN_FILE, 'x.csv', {
      signal: cancel.signal,
    });
    setTimeout(() => cancel.abort(), 100);
    const outcome = await cancelled;
    assert.ok(!outcome.ok && outcome.kind === 'cancelled', JSON.stringify(outcome));
  } finally {
    if (any) Object.defineProperty(AbortSignal, 'any', any);
    test_.sandbox.clearFaults();
  }
});
