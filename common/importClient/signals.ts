/**
 * One AbortSignal that aborts when any of several does, made by hand: `AbortSignal.any` is missing from the Node
 * 18 inside VS Code 1.82–1.85, which the extension supports (`engines.vscode`).
 */

export interface CombinedSignal {
  signal: AbortSignal;
  /** Stops listening to the sources: a caller's signal outlives each attempt and must not collect listeners. */
  dispose(): void;
}

export function combineSignals(sources: readonly AbortSignal[]): CombinedSignal {
  const controller = new AbortController();
  const cleanups: (() => void)[] = [];
  const dispose = () => cleanups.splice(0).forEach((cleanup) => cleanup());
  for (const source of sources) {
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    const onAbort = () => {
      dispose();
      controller.abort(source.reason);
    };
    source.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => source.removeEventListener('abort', onAbort));
  }
  if (controller.signal.aborted) dispose();
  return { signal: controller.signal, dispose };
}
