import { operationNamed } from '../domain/operations.js';
import { tableValues } from '../record-values.js';
import { isBlankRecord } from '../rules/blank-row.js';
import { Row } from '../rules/row.js';
import type { Table } from '../table.js';

/** The table's data rows as rules see them, in file order; blank rows are not data rows. */
export function* tableRows(table: Table): Generator<Row> {
  const header = table.header;
  if (!header) return;
  const operationIndex = header.columns.OPERATION;
  for (const record of table.rows) {
    if (isBlankRecord(record)) continue;
    const values = tableValues(table, record);
    yield new Row(record, values, header, operationIndex === undefined ? undefined : operationNamed(values[operationIndex] ?? ''));
  }
}
