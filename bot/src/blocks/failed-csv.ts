import type { CsvRecord } from '@numbers-csv/shared';
import { quoteField, readTable } from './annotated-csv.js';

/** The column the CSV of failed rows adds, last, with the platform's reason. */
export const RESULT_COLUMN = 'RESULT';

/**
 * The header and the failed rows of the batch, as written, with the platform's message in a last
 * column `RESULT`: fix the rows and share the file again. The platform ignores columns it does not
 * know, so the extra one does no harm there. `row` is 1-based, the header not counted.
 */
export function failedRowsCsv(text: string, failed: readonly { row: number; message: string }[]): string {
  const table = readTable(text);
  const header = table.header;
  if (!header) return '';
  const raw = (record: CsvRecord) => table.text.slice(record.offset, record.offset + record.length);
  const lines = [`${raw(header.record)}${table.delimiter}${RESULT_COLUMN}`];
  const byRow = new Map<number, string[]>();
  for (const { row, message } of failed) byRow.set(row, [...(byRow.get(row) ?? []), message]);
  for (const [row, messages] of [...byRow].sort(([a], [b]) => a - b)) {
    const record = table.rows[row - 1];
    if (record) lines.push(`${raw(record)}${table.delimiter}${quoteField(messages.join('; '), table.delimiter)}`);
  }
  return `${table.bom ? '\uFEFF' : ''}${lines.join(table.lineBreak)}${table.lineBreak}`;
}
