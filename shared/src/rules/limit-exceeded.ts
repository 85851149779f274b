import { operationNamed, zeroCounts, type Operation } from '../domain/operations.js';
import { tableValues } from '../record-values.js';
import type { CsvRecord, Table } from '../table.js';
import type { Rule } from './rule.js';
import { Row } from './row.js';

/** Limits are per file and operation; the first row over the limit carries the error. */
export function limitExceeded(): Rule {
  const counts = zeroCounts();
  return {
    codes: ['limit-exceeded'],
    row(row) {
      if (row.operation) counts[row.operation]++;
    },
    unrow(row) {
      if (row.operation) counts[row.operation]--;
    },
    end(ctx) {
      const header = ctx.table.header;
      if (!header) return;
      const over = (Object.keys(counts) as Operation[]).filter((operation) => counts[operation] > ctx.settings.limits[operation]);
      for (const [operation, record] of firstRowsOver(ctx.table, header.columns.OPERATION, over, ctx.settings.limits)) {
        const limit = ctx.settings.limits[operation];
        const count = counts[operation];
        const row = new Row(record, tableValues(ctx.table, record), header, operation);
        const [start, end] = row.span('OPERATION');
        ctx.report({
          code: 'limit-exceeded',
          message:
            limit === 0
              ? `${count} ${operation} row${count > 1 ? 's' : ''}, but ${operation} is not allowed here (limit 0).`
              : `${count} ${operation} rows; the limit is ${limit} per file. Split the file (numbers-csv split) or remove ${count - limit} row${count - limit > 1 ? 's' : ''}.`,
          start,
          end,
          row: row.number,
          column: 'OPERATION',
        });
      }
    },
  };
}

/**
 * The first row past the limit of each operation that is over it, in the order they are found. Found
 * when asked, from the top: rows come and go in an editor, and the search stops at the last one needed.
 */
function firstRowsOver(table: Table, operationIndex: number | undefined, over: readonly Operation[], limits: Readonly<Record<Operation, number>>): [Operation, CsvRecord][] {
  if (over.length === 0 || operationIndex === undefined) return [];
  const seen = zeroCounts();
  const found: [Operation, CsvRecord][] = [];
  for (const record of table.rows) {
    const operation = operationNamed(tableValues(table, record)[operationIndex] ?? '');
    if (!operation || !over.includes(operation)) continue;
    if (++seen[operation] === limits[operation] + 1) {
      found.push([operation, record]);
      if (found.length === over.length) break;
    }
  }
  return found;
}
