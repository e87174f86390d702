/**
 * Fix All: every automatic fix of a file (`FIX_KINDS`), as one list of edits to apply at once (one undo step).
 *
 * Each fix is built from its diagnostic's code and `data`, as a quick fix is. Fixes are taken in a fixed order (by
 * where they start; at one place the widest first, then in the order the diagnostics are listed) and a fix whose
 * edits would overlap one already taken waits, whole, for the next pass: the fixed text is checked again, and the
 * fixes it still has are taken, until none is left (a semicolon file converted to commas shows its cells' problems
 * only then). One pass is returned as its own edits; several, as one edit from the first change to the last.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { fixKindOf } from '../catalog/fixKinds';
import { isKnownCode } from '../catalog/diagnosticCodes';
import { validate } from '../engine/editorValidation';
import { SubscriberModel } from '../model/subscriberModel';
import type { ServiceSettings } from '../settings';
import { quickFixFor } from './codeActions';

export interface FixAllResult {
  /** Edits of the document as it is, to be applied together; empty when there is nothing to fix automatically. */
  edits: TextEdit[];
  /** How many diagnostics the edits fix. */
  fixed: number;
}

/** A fix cannot always be taken with all the others; after this many passes, what is left stays for the user. */
const MAX_PASSES = 8;

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export function getFixAll(model: SubscriberModel, settings: ServiceSettings): FixAllResult {
  const original = model.document;
  let current = model;
  let firstPass: TextEdit[] = [];
  let text = '';
  let passes = 0;
  let fixed = 0;
  while (passes < MAX_PASSES) {
    const taken = takeFixes(current, validate(current, settings));
    if (taken.fixes === 0) break;
    fixed += taken.fixes;
    const document = current.document;
    const edits = taken.edits.map(({ start, end, newText }) => ({
      range: { start: document.positionAt(start), end: document.positionAt(end) },
      newText,
    }));
    if (passes === 0) firstPass = edits;
    passes++;
    text = TextDocument.applyEdits(document, edits);
    current = new SubscriberModel(TextDocument.create(original.uri, original.languageId, original.version, text));
  }
  if (passes === 0) return { edits: [], fixed: 0 };
  // The second pass found nothing: the first pass's edits are the whole fix, each where it belongs.
  return { edits: passes === 1 ? firstPass : [spanEdit(original, text)], fixed };
}

/** The automatic fixes of `diagnostics` that can be taken together, as edits in offsets of `model`'s text. */
function takeFixes(model: SubscriberModel, diagnostics: readonly Diagnostic[]): { edits: OffsetEdit[]; fixes: number } {
  const document = model.document;
  const candidates: { edits: OffsetEdit[]; start: number; end: number; order: number }[] = [];
  diagnostics.forEach((diagnostic, order) => {
    if (!isKnownCode(diagnostic.code) || fixKindOf(diagnostic.code) !== 'auto') return;
    const edits = quickFixFor(model, diagnostic)?.edit?.changes?.[document.uri];
    if (!edits || edits.length === 0) return;
    const offsets = edits.map(({ range, newText }) => ({
      start: document.offsetAt(range.start),
      end: document.offsetAt(range.end),
      newText,
    }));
    const start = Math.min(...offsets.map((edit) => edit.start));
    const end = Math.max(...offsets.map((edit) => edit.end));
    candidates.push({ edits: offsets, start, end, order });
  });
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const taken = new TakenEdits();
  let fixes = 0;
  for (const candidate of candidates) {
    if (candidate.edits.some((edit) => taken.clashes(edit))) continue;
    for (const edit of candidate.edits) taken.add(edit);
    fixes++;
  }
  return { edits: taken.edits, fixes };
}

/**
 * The edits taken so far, kept in order of their start. Two edits clash when their ranges overlap or they start at
 * the same place (two insertions there could go in either order). Taken edits never clash with each other, so an
 * edit can only clash with its neighbours in that order.
 */
class TakenEdits {
  readonly edits: OffsetEdit[] = [];

  clashes(edit: OffsetEdit): boolean {
    const at = this.insertionPoint(edit.start);
    const before = this.edits[at - 1];
    const after = this.edits[at];
    return (before !== undefined && clash(before, edit)) || (after !== undefined && clash(after, edit));
  }

  add(edit: OffsetEdit): void {
    this.edits.splice(this.insertionPoint(edit.start), 0, edit);
  }

  /** The index of the first taken edit starting after `start`. */
  private insertionPoint(start: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.edits[mid].start <= start) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function clash(a: OffsetEdit, b: OffsetEdit): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

/** One edit that turns `document`'s text into `text`: from the first character that differs to the last. */
function spanEdit(document: TextDocument, text: string): TextEdit {
  const before = document.getText();
  let start = 0;
  const shortest = Math.min(before.length, text.length);
  while (start < shortest && before.charCodeAt(start) === text.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < shortest - start &&
    before.charCodeAt(before.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)
  ) {
    tail++;
  }
  return {
    range: { start: document.positionAt(start), end: document.positionAt(before.length - tail) },
    newText: text.slice(start, text.length - tail),
  };
}
