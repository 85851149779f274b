import { formulaText } from '../../domain/cells.js';
import { NEVER_NULL, NULL_TOKEN, READ_ONLY_COLUMNS, REQUIRED_VALUES, type ColumnName } from '../../domain/columns.js';
import type { Operation } from '../../domain/operations.js';
import type { CellCheck, CellInput } from './diagnosis.js';

export function valueRequired(column: ColumnName, operation: Operation | undefined): boolean {
  if (column === 'NUMBER' || column === 'OPERATION') return true;
  return operation !== undefined && REQUIRED_VALUES[operation].includes(column);
}

/** An empty cell where the operation cannot work without a value. */
export const checkMissingValue: CellCheck = ({ column, row }) => {
  if (!valueRequired(column, row.operation)) return undefined;
  const why = column === 'NUMBER' || column === 'OPERATION' ? 'every row needs one' : `${row.operation} needs it`;
  return { code: 'missing-value', message: `${column} is empty; ${why}.` };
};

/** Where `<NULL>` may clear a value: Update rows, in columns that can be cleared and are not read-only. */
export function nullAllowed({ column, row }: Pick<CellInput, 'column' | 'row'>): boolean {
  return row.operation === 'Update' && !NEVER_NULL.includes(column) && !READ_ONLY_COLUMNS.includes(column);
}

function whyNotNull({ column, row }: Pick<CellInput, 'column' | 'row'>): string {
  if (NEVER_NULL.includes(column)) return `${column} cannot be cleared`;
  if (READ_ONLY_COLUMNS.includes(column)) return `${column} is read-only in an operations file`;
  if (row.operation === undefined) return '<NULL> clears a value only in Update rows';
  return `<NULL> clears a value only in Update rows, not in ${row.operation}`;
}

export const checkNull: CellCheck = (cell) => {
  if (nullAllowed(cell)) return undefined;
  return { code: 'null-not-allowed', message: `${whyNotNull(cell)}. ${valueRequired(cell.column, cell.row.operation) ? 'Write a value instead' : 'Leave the cell empty'}.` };
};

/** `NULL`, `null`, `(null)`: stored as that text, where `<NULL>` was almost surely meant. */
export const checkNullLookalike: CellCheck = (cell) => {
  const allowed = nullAllowed(cell);
  return {
    code: 'null-lookalike',
    message: allowed
      ? `"${cell.value}" would be stored as text. To clear ${cell.column}, write ${NULL_TOKEN}.`
      : `"${cell.value}" would be stored as text; it looks like ${NULL_TOKEN}, but ${whyNotNull(cell)}.`,
    ...(allowed ? { fixes: [{ title: `Change to ${NULL_TOKEN}`, value: NULL_TOKEN, safe: true }] } : {}),
  };
};

/** A formula is stored as its text, never computed; `="..."` is Excel keeping text as typed. */
export const checkFormula: CellCheck = ({ value }) => {
  const text = formulaText(value);
  return {
    code: 'formula',
    message:
      text !== undefined
        ? `${value} is a spreadsheet formula that the platform would store as text. Write the value itself: ${text || '(empty)'}.`
        : `${value} is a spreadsheet formula; the platform stores it as text, not as its result. Write the value itself.`,
    ...(text !== undefined ? { fixes: [{ title: text ? `Change to ${text}` : 'Empty the cell', value: text, safe: true }] } : {}),
  };
};
