/**
 * Runs every rule over a model. Files that are not subscriber files get no diagnostics at all.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { cellValues } from './rules/cellValues';
import { duplicateValues, extensionsInUse } from './rules/duplicates';
import { fileStructure } from './rules/fileStructure';
import { headerColumns } from './rules/headerColumns';
import { pinAndEmail } from './rules/pinAndEmail';
import { createCollector } from './rules/report';
import type { FileRule, RowRule, RuleContext } from './rules/rule';
import { rowShape } from './rules/rowShape';
import { telcoOnlyColumns } from './rules/telcoOnlyColumns';
import type { ServiceSettings } from './settings';
import type { SubscriberModel } from './subscriberModel';

export const FILE_RULES: readonly FileRule[] = [fileStructure, headerColumns, duplicateValues, extensionsInUse];
export const ROW_RULES: readonly RowRule[] = [rowShape, cellValues, pinAndEmail, telcoOnlyColumns];

/** True when the service should speak about this file at all. */
export function isServed(model: SubscriberModel, settings: ServiceSettings): boolean {
  return settings.assumeSubscriberFile || model.looksLikeSubscriberFile;
}

export function validate(model: SubscriberModel, settings: ServiceSettings): Diagnostic[] {
  if (!isServed(model, settings)) return [];
  const { diagnostics, report } = createCollector(model.document);
  const context: RuleContext = { model, settings, report };
  for (const rule of FILE_RULES) rule.checkFile(context);
  if (model.looksLikeSubscriberFile) {
    for (const row of model.dataRows) {
      for (const rule of ROW_RULES) rule.checkRow(row, context);
    }
  }
  return diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
