/**
 * Text from the file or the tenant (cell values, header names, tenant names) put into Markdown: hovers and
 * completion documentation render Markdown, and a name such as `*Sales* [click](x)` must show as written.
 */

/** Line breaks inside a quoted cell would end a paragraph (or a code span): shown as spaces. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** `text` as literal Markdown text: every ASCII punctuation character escaped (CommonMark allows it for all). */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** `text` as an inline code span, fenced with more backticks than it holds in a row. */
export function codeSpan(text: string): string {
  const line = oneLine(text);
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick (or is only spaces) needs a space inside its fence.
  const pad = line.startsWith('`') || line.endsWith('`') || (line.trim() === '' && line !== '') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}
