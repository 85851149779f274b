import { validate } from './validate.js';

/**
 * A batch of some rows of `text`: its header and those data rows (1-based, as issues and the
 * platform's results number them), each exactly as written, with the file's line break. Rows that
 * failed can be fixed and applied again without the ones that ran.
 */
export function rowsAsBatch(text: string, rows: Iterable<number>): string {
  const { table } = validate(text);
  const header = table.header?.record;
  if (!header) return '';
  const source = table.text;
  const raw = (offset: number, length: number) => source.slice(offset, offset + length);
  const lines = [raw(header.offset, header.length)];
  for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
    const record = table.rows[row - 1];
    if (record) lines.push(raw(record.offset, record.length));
  }
  return `${lines.join(table.lineBreak)}${table.lineBreak}`;
}

/** The rows of an export (or a batch) whose GROUP_ID is `group`, with the header; the text as it is when it has no GROUP_ID column. */
export function rowsInGroup(text: string, group: string): string {
  const { table } = validate(text);
  const column = table.header?.columns.GROUP_ID;
  if (column === undefined) return text;
  const rows = table.rows.flatMap((record, i) => ((record.values[column] ?? '').trim() === group ? [i + 1] : []));
  return rowsAsBatch(text, rows);
}
