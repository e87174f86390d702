/**
 * Inline CSV for tests: `csv` strips the first line break, the common indentation and the trailing blank line
 * of a template literal, so a test can show its file indented with the code around it.
 */
export function dedent(text: string): string {
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}

/** Tagged template form of `dedent`, ending the file with a line break as an editor would save it. */
export function csv(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce(
    (all, part, index) => all + part + (index < values.length ? String(values[index]) : ''),
    '',
  );
  return `${dedent(text)}\n`;
}
