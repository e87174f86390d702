/**
 * Waiting on editor events with a deadline, instead of sleeping.
 */
import type * as vscode from 'vscode';

/** Resolves true when `event` fires with a value `accept` takes, false when `timeoutMs` passes first. */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), timeoutMs);
    const subscription = event((value) => {
      if (accept(value)) finish(true);
    });
    function finish(result: boolean): void {
      clearTimeout(timer);
      subscription.dispose();
      resolve(result);
    }
  });
}
