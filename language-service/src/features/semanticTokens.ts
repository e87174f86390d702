/**
 * Colours from the parser: every cell is one token whose type comes from the cell's column (its field in the
 * record), in a cycle of eight so that neighbouring columns differ. The TextMate grammar can only guess cells line
 * by line; here a quoted cell with commas or line breaks, or a quote inside a plain cell, is one cell as the
 * import reads it, so it never shifts the colours of the cells after it.
 *
 * The token types are our own, mapped to TextMate scopes in the extension's manifest (`semanticTokenScopes`) so
 * that every theme colours them. None of them is a string or a comment, though VS Code decides where quick
 * suggestions pop up from the grammar's scopes, not from these tokens. A token never spans lines (editors do
 * not support that): a cell with line breaks gives one token per line. Separators and empty cells get none.
 */
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import { RowView } from '../csv/rowView';
import {
  cellsOf,
  headerIndexOf,
  isBlankRecord,
  offsetOf,
  positionOf,
  recordCount,
  recordIndexFrom,
  textBetween,
} from '../model/modelQueries';
import type { SubscriberModel } from '../model/subscriberModel';

/** How many colours the columns cycle through; the TextMate grammar cycles through the same eight scopes. */
export const COLUMN_COLOURS = 8;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: Array.from({ length: COLUMN_COLOURS }, (_, index) => `subscriberColumn${index + 1}`),
  tokenModifiers: [],
};

/** Tokens in one answer at most: a viewport holds a few thousand; a hostile line of a million cells is cut. */
export const MAX_SEMANTIC_TOKENS = 100_000;

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** The tokens of every cell that starts or ends on a line of `range` (the whole document without one). */
export function getSemanticTokens(model: SubscriberModel, range?: Range, max = MAX_SEMANTIC_TOKENS): SemanticTokens {
  const header = headerIndexOf(model);
  const count = recordCount(model);
  const fromLine = range ? range.start.line : 0;
  const toLine = range ? range.end.line : Number.MAX_SAFE_INTEGER;
  const first = Math.max(header, range ? recordIndexFrom(model, offsetOf(model, range.start)) : header);
  const last = range ? recordIndexFrom(model, offsetOf(model, range.end)) : count - 1;
  const data: number[] = [];
  if (header < 0) return { data };
  let previousLine = 0;
  let previousCharacter = 0;
  const push = (line: number, character: number, length: number, field: number) => {
    if (length <= 0 || line < fromLine || line > toLine || data.length >= max * 5) return;
    data.push(
      line - previousLine,
      line === previousLine ? character - previousCharacter : character,
      length,
      field % COLUMN_COLOURS,
      0,
    );
    previousLine = line;
    previousCharacter = character;
  };
  const view = new RowView();
  for (let index = first; index <= last && data.length < max * 5; index++) {
    if (isBlankRecord(model, index)) continue;
    const cells = cellsOf(model, index, view);
    if (cells.cellCount === 0) continue;
    const start = positionOf(model, cells.start);
    // Where the current line starts, as an offset: lines change only inside quoted cells.
    let line = start.line;
    let lineStart = cells.start - start.character;
    for (let field = 0; field < cells.cellCount && data.length < max * 5; field++) {
      const cellStart = cells.cellStart(field);
      const cellEnd = cells.cellEnd(field);
      if (cellEnd === cellStart) continue;
      const quoted = textBetween(model, cellStart, cellStart + 1).charCodeAt(0) === QUOTE;
      if (!quoted) {
        push(line, cellStart - lineStart, cellEnd - cellStart, field);
        continue;
      }
      const text = textBetween(model, cellStart, cellEnd);
      let pieceStart = 0;
      for (let at = 0; at < text.length; at++) {
        const code = text.charCodeAt(at);
        if (code !== LF && code !== CR) continue;
        push(line, cellStart + pieceStart - lineStart, at - pieceStart, field);
        if (code === CR && text.charCodeAt(at + 1) === LF) at++;
        line++;
        lineStart = cellStart + at + 1;
        pieceStart = at + 1;
      }
      push(line, cellStart + pieceStart - lineStart, text.length - pieceStart, field);
    }
  }
  return { data };
}
