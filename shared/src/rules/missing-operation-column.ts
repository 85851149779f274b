import { OPERATIONS } from '../domain/operations.js';
import type { Rule } from './rule.js';

/** Without OPERATION the file is an export: the platform would not know what to do with any row. */
export function missingOperationColumn(): Rule {
  return {
    codes: ['missing-operation-column'],
    header(ctx) {
      const header = ctx.table.header;
      if (!header || header.columns.OPERATION !== undefined) return;
      ctx.report({
        code: 'missing-operation-column',
        message: `The header has no OPERATION column, so this file reads as an export, not a batch. Add an OPERATION column and write ${OPERATIONS.join(', ')} on each row.`,
        start: header.record.offset,
        end: header.record.offset + header.record.length,
      });
    },
  };
}
