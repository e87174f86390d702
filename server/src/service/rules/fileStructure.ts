/**
 * Problems of the file as a whole: nothing in it, a quote never closed, no header row,
 * blank lines before the header.
 */
import type { FileRule } from './rule';

export const fileStructure: FileRule = {
  name: 'file-structure',
  checkFile({ model, report }) {
    const text = model.document.getText();
    if (text.length === model.csv.bomLength || model.header === undefined) {
      report(
        'empty-file',
        0,
        text.length,
        'The file is empty. Start with the header row, e.g. Type,FirstName,LastName,Email.',
      );
      return;
    }
    for (const problem of model.csv.problems) {
      report(
        'unterminated-quote',
        problem.start,
        problem.end,
        'This quote is never closed, so everything after it reads as one cell. Close it with a second " or remove it.',
      );
    }
    if (!model.looksLikeSubscriberFile) {
      report(
        'missing-header',
        model.header.start,
        model.header.end,
        'The first row names no import column: the header row (Type, LastName, ...) is missing.',
      );
    }
    for (const row of model.leadingBlankRows) {
      report('blank-row', row.start, row.end, 'Empty row before the header. Delete it.');
    }
  },
};
