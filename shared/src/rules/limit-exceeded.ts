import { zeroCounts, type Operation } from '../domain/operations.js';
import type { Rule } from './rule.js';

/** Limits are per file and operation; the first row over the limit carries the error. */
export function limitExceeded(): Rule {
  const counts = zeroCounts();
  const firstOver: Partial<Record<Operation, { row: number; start: number; end: number }>> = {};
  return {
    codes: ['limit-exceeded'],
    row(row, ctx) {
      const operation = row.operation;
      if (!operation) return;
      counts[operation]++;
      if (counts[operation] === ctx.settings.limits[operation] + 1) {
        const [start, end] = row.span('OPERATION');
        firstOver[operation] = { row: row.number, start, end };
      }
    },
    end(ctx) {
      for (const [operation, at] of Object.entries(firstOver) as [Operation, { row: number; start: number; end: number }][]) {
        const limit = ctx.settings.limits[operation];
        const count = counts[operation];
        ctx.report({
          code: 'limit-exceeded',
          message:
            limit === 0
              ? `${count} ${operation} row${count > 1 ? 's' : ''}, but ${operation} is not allowed here (limit 0).`
              : `${count} ${operation} rows; the limit is ${limit} per file. Split the file (numbers-csv split) or remove ${count - limit} row${count - limit > 1 ? 's' : ''}.`,
          start: at.start,
          end: at.end,
          row: at.row,
          column: 'OPERATION',
        });
      }
    },
  };
}
