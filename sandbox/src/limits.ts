import { OPERATIONS, type Operation } from '@numbers-csv/shared';
import type { OperationRow } from './operations-file.js';

export interface LimitOver {
  operation: Operation;
  count: number;
  limit: number;
}

/** Every operation the file holds more rows of than its limit allows. */
export function limitsExceeded(rows: readonly OperationRow[], limits: Readonly<Record<Operation, number>>): LimitOver[] {
  const counts = new Map<Operation, number>();
  for (const { operation } of rows) counts.set(operation, (counts.get(operation) ?? 0) + 1);
  const over: LimitOver[] = [];
  for (const operation of OPERATIONS) {
    const count = counts.get(operation) ?? 0;
    if (count > limits[operation]) over.push({ operation, count, limit: limits[operation] });
  }
  return over;
}
