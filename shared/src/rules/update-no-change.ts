import { NULL_TOKEN, UPDATE_FIELDS } from '../domain/columns.js';
import type { Rule } from './rule.js';

/** Empty means "leave as is" in an Update, so an Update with nothing filled in does nothing. */
export function updateNoChange(): Rule {
  return {
    codes: ['update-no-change'],
    row(row, ctx) {
      if (row.operation !== 'Update') return;
      if (UPDATE_FIELDS.some((column) => row.value(column) !== '')) return;
      ctx.reportField(
        'update-no-change',
        row,
        'OPERATION',
        `This Update changes nothing: ${UPDATE_FIELDS.join(', ')} are all empty, and empty means "leave as is". Fill in what should change, write ${NULL_TOKEN} to clear a value, or remove the row.`,
      );
    },
  };
}
