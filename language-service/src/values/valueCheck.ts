/**
 * Checks one cell's value against its column's kind. One checker per kind, all driven by the column table:
 * a new column of an existing kind needs no code here.
 */
import type { ColumnSpec, ValueKind } from '../columns';
import type { DiagnosticCode } from '../catalog/diagnosticCodes';
import type { TenantContext } from '../settings';
import { checkChoice, checkYesNo } from './choiceValues';
import { checkDigits, checkId } from './numberValues';
import { checkEmail } from './emailValues';
import { checkPhone } from './phoneValues';

/** A problem with one value; `replacement` is what a quick fix would write instead. */
export interface ValueFinding {
  code: DiagnosticCode;
  message: string;
  replacement?: string;
}

export type ValueChecker = (value: string, column: ColumnSpec, tenant: TenantContext) => ValueFinding | undefined;

const checkers: Record<ValueKind, ValueChecker | undefined> = {
  choice: checkChoice,
  yesNo: checkYesNo,
  text: undefined,
  email: checkEmail,
  digits: checkDigits,
  phone: checkPhone,
  id: checkId,
};

/** Checks a non-empty value; empty cells are the required-value rule's business. */
export function checkValue(value: string, column: ColumnSpec, tenant: TenantContext): ValueFinding | undefined {
  return checkers[column.kind]?.(value, column, tenant);
}
