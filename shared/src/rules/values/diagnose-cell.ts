import { cellKind, type CellKind } from '../../domain/cells.js';
import type { Operation } from '../../domain/operations.js';
import { effectiveSeverity } from '../../settings.js';
import type { ColumnName } from '../../domain/columns.js';
import type { CellCheck, CellDiagnosis, CellInput } from './diagnosis.js';
import { checkFormula, checkMissingValue, checkNull, checkNullLookalike, valueRequired } from './generic.js';
import { checkCountry } from './country.js';
import { checkLocale } from './locale.js';
import { checkNumber } from './number.js';
import { checkOperation } from './operation.js';
import { checkProvider } from './provider.js';

const COLUMN_CHECKS: Partial<Record<ColumnName, CellCheck>> = {
  NUMBER: checkNumber,
  OPERATION: checkOperation,
  LOCALE: checkLocale,
  COUNTRY: checkCountry,
  PROVIDER: checkProvider,
};

/** Columns whose own check reads `NULL` and the like better than the look-alike check does. */
const OWN_NULL_READING: readonly ColumnName[] = ['NUMBER', 'OPERATION', 'PROVIDER'];

/** Columns whose check reads the value and nothing else (not the row's operation or COUNTRY). */
const VALUE_ONLY_CHECKS: readonly ColumnName[] = ['OPERATION', 'LOCALE', 'COUNTRY'];

export function hasOwnCheck(column: ColumnName): boolean {
  return COLUMN_CHECKS[column] !== undefined;
}

/** Whether a plain value of the column that passed once passes on every row. */
export function checksValueOnly(column: ColumnName): boolean {
  return VALUE_ONLY_CHECKS.includes(column);
}

/** Unwrapping `="abc"` in NUMBER gives `abc`: a fix, but not a safe one, when the value it leaves is an error. */
function withSafeUnwrap(diagnosis: CellDiagnosis | undefined, cell: CellInput): CellDiagnosis | undefined {
  if (!diagnosis?.fixes) return diagnosis;
  const fixes = diagnosis.fixes.map((fix) => {
    const after = diagnoseCell({ ...cell, value: fix.value });
    return after && effectiveSeverity(cell.settings, after.code) === 'error' ? { ...fix, safe: false } : fix;
  });
  return { ...diagnosis, fixes };
}

/**
 * Whether a cell can hold a mistake at all, from its kind alone. Most cells of an export are plain
 * values in columns without a check of their own; this lets them pass without building a diagnosis.
 */
export function worthDiagnosing(column: ColumnName, kind: CellKind, operation: Operation | undefined): boolean {
  if (kind === 'value') return hasOwnCheck(column);
  if (kind === 'empty') return valueRequired(column, operation);
  return true;
}

/**
 * The one mistake in a cell, if any. One cell gets one diagnosis: an empty required cell is
 * "missing", not also "invalid"; a formula is a formula, whatever column it is in.
 */
export function diagnoseCell(cell: CellInput): CellDiagnosis | undefined {
  switch (cellKind(cell.value)) {
    case 'empty':
      return checkMissingValue(cell);
    case 'null':
      return checkNull(cell);
    case 'null-lookalike':
      if (!OWN_NULL_READING.includes(cell.column)) return checkNullLookalike(cell);
      break;
    case 'formula':
      return withSafeUnwrap(checkFormula(cell), cell);
    case 'value':
      break;
  }
  return COLUMN_CHECKS[cell.column]?.(cell);
}
