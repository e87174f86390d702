/**
 * Completion in a file with no text yet (or only blanks): the whole header in one item, all the columns or only
 * the required ones, so that a new file does not start with one column name at a time. The names come from the
 * column table through the template, which writes the same header line for New Subscriber File.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { SubscriberModel } from '../../model/subscriberModel';
import { allColumnNames, headerLine, requiredColumnNames } from './template';

/** How much text is looked at a time for something other than blanks. */
const WINDOW = 4096;

/**
 * True when the text is empty or only white space (a byte order mark counts as such). Stops at the first
 * character that is not, so a file of any size with content answers at once.
 */
export function isBlankText(model: SubscriberModel): boolean {
  const source = model.source;
  if (source.text !== undefined) return !/\S/.test(source.text);
  for (let start = 0; start < source.length; start += WINDOW) {
    if (/\S/.test(source.slice(start, Math.min(source.length, start + WINDOW)))) return false;
  }
  return true;
}

/**
 * The two header items for a blank text. Each replaces the blanks of the cursor's line (LSP wants the main edit on
 * one line, holding the cursor) and deletes the blanks before and after it, so the file becomes the header and a
 * line break, with the cursor on the first data row.
 */
export function wholeHeaderCompletions(model: SubscriberModel, position: Position): CompletionItem[] {
  const document = model.document;
  const lineStart = { line: position.line, character: 0 };
  const lineEnd = document.positionAt(model.lineEnd(document.offsetAt(lineStart)));
  const textEnd = document.positionAt(model.source.length);
  const clearOthers: TextEdit[] = [];
  if (position.line > 0) clearOthers.push({ range: { start: { line: 0, character: 0 }, end: lineStart }, newText: '' });
  if (lineEnd.line !== textEnd.line || lineEnd.character !== textEnd.character) {
    clearOthers.push({ range: { start: lineEnd, end: textEnd }, newText: '' });
  }
  const lineBreak = model.source.slice(0, model.source.length).includes('\r\n') ? '\r\n' : '\n';
  const all = allColumnNames();
  const required = requiredColumnNames();
  const item = (label: string, description: string, columns: readonly string[], order: number): CompletionItem => {
    const header = headerLine(columns);
    return {
      label,
      labelDetails: { description },
      kind: CompletionItemKind.Struct,
      detail: `${columns.length} columns, in the import's order`,
      documentation: { kind: 'markdown', value: `The header row:\n\n\`\`\`csv\n${header}\n\`\`\`` },
      // Before the single column names, which sort as 00–31.
      sortText: `-${order}`,
      preselect: order === 0,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: { start: lineStart, end: lineEnd }, newText: header + lineBreak },
      ...(clearOthers.length > 0 ? { additionalTextEdits: clearOthers } : {}),
    };
  };
  return [
    item(`Header: all ${all.length} columns`, all.join(', '), all, 0),
    item('Header: required columns', required.join(', '), required, 1),
  ];
}
