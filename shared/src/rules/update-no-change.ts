import { NULL_TOKEN, UPDATE_FIELDS } from '../domain/columns.js';
import { trimmed } from '../domain/cells.js';
import type { Rule } from './rule.js';

/** Empty means "leave as is" in an Update, so an Update with nothing filled in does nothing. */
export function updateNoChange(): Rule {
  // Positions of the UPDATE_FIELDS the header has, resolved once: an absent column is empty on every row.
  let positions: number[] = [];
  return {
    local: true,
    codes: ['update-no-change'],
    header(ctx) {
      const columns = ctx.table.header?.columns ?? {};
      positions = UPDATE_FIELDS.flatMap((column) => columns[column] ?? []);
    },
    row(row, ctx) {
      if (row.operation !== 'Update') return;
      const values = row.values;
      for (const position of positions) if (trimmed(values[position] ?? '') !== '') return;
      ctx.reportField(
        'update-no-change',
        row,
        'OPERATION',
        `This Update changes nothing: ${UPDATE_FIELDS.join(', ')} are all empty, and empty means "leave as is". Fill in what should change, write ${NULL_TOKEN} to clear a value, or remove the row.`,
      );
    },
  };
}
