/**
 * Values from a fixed list (Type, DirAccess, Language) and y/n flags.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { ColumnSpec } from '../columns';
import type { ValueFinding } from './valueCheck';

/** Spellings people use for yes and no in spreadsheets, mapped to what the import takes. */
const YES_NO_SYNONYMS: Readonly<Record<string, 'y' | 'n'>> = {
  yes: 'y',
  true: 'y',
  t: 'y',
  '1': 'y',
  on: 'y',
  x: 'y',
  no: 'n',
  false: 'n',
  f: 'n',
  '0': 'n',
  off: 'n',
};

export function checkYesNo(value: string, column: ColumnSpec): ValueFinding | undefined {
  if (value === 'y' || value === 'n') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'y' || lower === 'n') {
    return {
      code: 'value-case',
      message: `The page gives ${column.name} as lowercase y or n; the import may not recognise "${value}". Write ${lower}.`,
      replacement: lower,
    };
  }
  const meant = YES_NO_SYNONYMS[lower];
  return {
    code: 'not-yes-no',
    message: `${column.name} takes y or n; "${value}" is neither.${meant ? ` Did you mean ${meant}?` : ''}`,
    replacement: meant,
  };
}

export function checkChoice(value: string, column: ColumnSpec): ValueFinding | undefined {
  const choices = column.choices ?? [];
  if (choices.some((choice) => choice.value === value)) return undefined;
  const sameLetters = choices.find((choice) => choice.value.toLowerCase() === value.toLowerCase());
  if (sameLetters) {
    return {
      code: 'value-case',
      message: `The page writes this ${column.name} value "${sameLetters.value}"; the import may not recognise "${value}". Write ${sameLetters.value}.`,
      replacement: sameLetters.value,
    };
  }
  const byMeaning = choices.find((choice) => choice.meaning.toLowerCase() === value.toLowerCase());
  if (column.plausibleUnlisted && !byMeaning && column.plausibleUnlisted.test(value)) {
    return {
      code: 'unlisted-choice',
      message: `The import page lists only ${describeChoices(column)} for ${column.name}; check that the tenant supports "${value}".`,
    };
  }
  const suggestion = byMeaning?.value ?? nearChoice(value, column);
  return {
    code: 'invalid-choice',
    message: `${column.name} takes ${describeChoices(column)}; "${value}" is not one of them.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
    replacement: suggestion,
  };
}

function nearChoice(value: string, column: ColumnSpec): string | undefined {
  const values = (column.choices ?? []).map((choice) => choice.value);
  if (values.length === 0) return undefined;
  const lower = value.toLowerCase();
  const best = closest(
    lower,
    values.map((choice) => choice.toLowerCase()),
  );
  if (distance(lower, best) > 2) return undefined;
  return values.find((choice) => choice.toLowerCase() === best);
}

/** "dial, both or none": the allowed values of a column, for messages. */
export function describeChoices(column: ColumnSpec): string {
  const values = (column.choices ?? []).map((choice) => choice.value);
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
