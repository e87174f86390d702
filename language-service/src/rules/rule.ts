/**
 * The shapes a rule takes. Row rules see one data row at a time, and are all that runs again when an edit
 * changes a row; file rules see the header. Rules across rows (duplicates) keep an index that an edit updates
 * (`duplicates.ts`). Each rule is one small unit in its own file.
 */
import type { RowView } from '../csv/rowView';
import type { ServiceSettings } from '../settings';
import type { SubscriberModel } from '../subscriberModel';
import type { Report } from './report';

export interface RuleContext {
  model: SubscriberModel;
  settings: ServiceSettings;
  report: Report;
}

export interface RowRule {
  readonly name: string;
  checkRow(row: RowView, context: RuleContext): void;
}

export interface FileRule {
  readonly name: string;
  checkFile(context: RuleContext): void;
}
