import type { ColumnName } from '../domain/columns.js';
import { diagnoseCell } from './values/diagnose-cell.js';
import type { Rule } from './rule.js';

/** Every known column's cells, checked on every row. */
export function cells(): Rule {
  let columns: ColumnName[] = [];
  return {
    codes: [
      'missing-value', 'null-not-allowed', 'null-lookalike', 'formula', 'invalid-number', 'number-scientific', 'number-missing-plus',
      'number-formatting', 'unknown-operation', 'operation-case', 'invalid-locale', 'locale-case', 'invalid-country', 'unknown-provider', 'provider-ignored',
    ],
    header(ctx) {
      columns = Object.keys(ctx.table.header?.columns ?? {}) as ColumnName[];
    },
    row(row, ctx) {
      for (const column of columns) {
        const diagnosis = diagnoseCell({ column, value: row.value(column), row, settings: ctx.settings });
        if (!diagnosis) continue;
        const fixes = diagnosis.fixes?.map((fix) => ctx.replaceField(row, column, fix.value, fix.title, fix.safe));
        ctx.reportField(diagnosis.code, row, column, diagnosis.message, fixes);
      }
    },
  };
}
