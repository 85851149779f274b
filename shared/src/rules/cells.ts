import type { ColumnName } from '../domain/columns.js';
import { cellKind, trimmed } from '../domain/cells.js';
import { diagnoseCell, worthDiagnosing } from './values/diagnose-cell.js';
import type { Rule } from './rule.js';

/** Every known column's cells, checked on every row. */
export function cells(): Rule {
  // Resolved once per file: the hot loop reads cells by position, not by name.
  let columns: ColumnName[] = [];
  let positions: number[] = [];
  return {
    codes: [
      'missing-value', 'null-not-allowed', 'null-lookalike', 'formula', 'invalid-number', 'number-scientific', 'number-missing-plus',
      'number-formatting', 'unknown-operation', 'operation-case', 'invalid-locale', 'locale-case', 'invalid-country', 'unknown-provider', 'provider-ignored',
    ],
    header(ctx) {
      const indices = ctx.table.header?.columns ?? {};
      columns = Object.keys(indices) as ColumnName[];
      positions = columns.map((column) => indices[column] as number);
    },
    row(row, ctx) {
      const values = row.record.values;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i] as ColumnName;
        const value = trimmed(values[positions[i] as number] ?? '');
        if (!worthDiagnosing(column, cellKind(value), row.operation)) continue;
        const diagnosis = diagnoseCell({ column, value, row, settings: ctx.settings });
        if (!diagnosis) continue;
        const fixes = diagnosis.fixes?.map((fix) => ctx.replaceField(row, column, fix.value, fix.title, fix.safe));
        ctx.reportField(diagnosis.code, row, column, diagnosis.message, fixes);
      }
    },
  };
}
