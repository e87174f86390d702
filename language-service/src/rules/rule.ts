/**
 * The shapes a rule takes. Row rules see one data row at a time, and are all that runs again when an edit
 * changes a row; file rules see the header. Values that must be unique across rows are kept in an index that
 * the engine updates (`engine/uniqueValues.ts`). Each rule is one small unit in its own file, and reads the column
 * table's attributes, never a column's name. Rules never see where the records come from (an editor's document or
 * a stream): only the header, the row and the settings.
 */
import type { RowView } from '../csv/rowView';
import type { Header } from '../model/header';
import type { ServiceSettings } from '../settings';
import type { Report } from './report';

export interface RuleContext {
  header: Header;
  settings: ServiceSettings;
  report: Report;
  /**
   * False when the text is known to hold no NUL or U+FFFD (the editor looks once per version), so that the rule
   * looking for them can skip every row.
   */
  mayHoldSuspectCharacters: boolean;
}

/** What a file rule sees besides the header: its line, and the start of the text. */
export interface FileRuleContext extends RuleContext {
  /** The header record's text (`header.start` to `header.end`). */
  headerText: string;
  /** The first characters of the text, for recognising its encoding. */
  textStart: string;
}

export interface RowRule {
  readonly name: string;
  checkRow(row: RowView, context: RuleContext): void;
}

export interface FileRule {
  readonly name: string;
  checkFile(context: FileRuleContext): void;
}
