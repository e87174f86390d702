/**
 * The two shapes a rule takes. Row rules see one data row at a time; file rules see the whole model
 * (header checks, duplicates across rows). Each rule is one small unit in its own file.
 */
import type { CsvRecord } from '../csv/csvModel';
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
  checkRow(row: CsvRecord, context: RuleContext): void;
}

export interface FileRule {
  readonly name: string;
  checkFile(context: RuleContext): void;
}
