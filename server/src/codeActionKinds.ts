/**
 * Which kinds of code action a request asks for. An editor asks for quick fixes at the cursor with no `only`, and
 * for `source.fixAll` (or `source`, from the Source Action menu) on save; Fix All validates the whole file and is
 * computed only when asked for.
 */
import { CodeActionKind } from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from '../../common/protocol';

/** True when `kind` is one of `only` or falls under one of them (`source.fixAll.x` under `source`). */
function asksFor(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return false;
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

export function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  return only === undefined || asksFor(only, CodeActionKind.QuickFix);
}

export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return asksFor(only, FIX_ALL_KIND);
}
