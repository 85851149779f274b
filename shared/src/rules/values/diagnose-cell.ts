import { cellKind } from '../../domain/cells.js';
import type { ColumnName } from '../../domain/columns.js';
import type { CellCheck, CellDiagnosis, CellInput } from './diagnosis.js';
import { checkFormula, checkMissingValue, checkNull, checkNullLookalike } from './generic.js';
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
      return checkFormula(cell);
    case 'value':
      break;
  }
  return COLUMN_CHECKS[cell.column]?.(cell);
}
