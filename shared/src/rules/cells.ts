import type { ColumnName } from '../domain/columns.js';
import { cellKind, trimmed } from '../domain/cells.js';
import { checksValueOnly, diagnoseCell, hasOwnCheck, worthDiagnosing } from './values/diagnose-cell.js';
import type { Rule } from './rule.js';

/** Every known column's cells, checked on every row. */
export function cells(): Rule {
  // Resolved once per file: the hot loop reads cells by position, not by name.
  let columns: ColumnName[] = [];
  let positions: number[] = [];
  let ownCheck: boolean[] = [];
  let valueOnly: boolean[] = [];
  /**
   * Per column whose check reads the value alone, the last plain value that passed it. An export
   * repeats its LOCALE, COUNTRY and OPERATION on row after row; the same value passes again.
   */
  let lastPassed: (string | undefined)[] = [];
  return {
    local: true,
    codes: [
      'missing-value', 'null-not-allowed', 'null-lookalike', 'formula', 'invalid-number', 'number-scientific', 'number-missing-plus',
      'number-formatting', 'unknown-operation', 'operation-case', 'invalid-locale', 'locale-case', 'invalid-country', 'unknown-provider', 'provider-ignored',
    ],
    header(ctx) {
      const indices = ctx.table.header?.columns ?? {};
      columns = Object.keys(indices) as ColumnName[];
      positions = columns.map((column) => indices[column] as number);
      ownCheck = columns.map(hasOwnCheck);
      valueOnly = columns.map(checksValueOnly);
      lastPassed = columns.map(() => undefined);
    },
    row(row, ctx) {
      const values = row.values;
      for (let i = 0; i < columns.length; i++) {
        const value = trimmed(values[positions[i] as number] ?? '');
        if (value === lastPassed[i]) continue;
        const column = columns[i] as ColumnName;
        const kind = cellKind(value);
        if (kind === 'value' ? !ownCheck[i] : !worthDiagnosing(column, kind, row.operation)) continue;
        const diagnosis = diagnoseCell({ column, value, row, settings: ctx.settings });
        if (!diagnosis) {
          if (kind === 'value' && valueOnly[i]) lastPassed[i] = value;
          continue;
        }
        const fixes = diagnosis.fixes?.map((fix) => ctx.replaceField(row, column, fix.value, fix.title, fix.safe));
        ctx.reportField(diagnosis.code, row, column, diagnosis.message, fixes);
      }
    },
  };
}
