import { trimmed } from '../domain/cells.js';
import { isReleased } from '../record-values.js';
import type { CsvRecord } from '../table.js';
import type { RuleContext } from './context.js';

export function isBlankRecord(record: CsvRecord): boolean {
  if (isReleased(record)) return false;
  for (const value of record.values) if (trimmed(value) !== '') return false;
  return true;
}

/** Spreadsheets leave empty rows (`,,,,`) at the end of a sheet; the platform would read them as rows. */
export function reportBlankRow(record: CsvRecord, row: number | undefined, ctx: RuleContext): void {
  ctx.report({
    code: 'blank-row',
    message: 'This row has no values. Remove it.',
    start: record.offset,
    end: record.offset + record.length,
    ...(row !== undefined ? { row } : {}),
    fixes: [{ title: 'Remove the blank row', edits: [ctx.deleteRecordEdit(record.offset, record.length)], safe: true }],
  });
}
