import { DEFAULT_SETTINGS, validate, type CsvRecord, type Delimiter, type Issue, type Table } from '@numbers-csv/shared';

/** The column the annotated CSV adds, last, with each row's issues. */
export const ISSUES_COLUMN = 'ISSUES';

/**
 * The file with a last column `ISSUES` holding each row's issues, `COLUMN: message [code]; …`
 * (warnings and infos marked as such), for the full list a summary cannot show. Everything else is
 * kept as it is: the byte order mark, the separator, the line break, quoted values over several lines.
 * Issues of no row go in the header's cell, after `ISSUES`, so that none is lost.
 */
export function annotatedCsv(text: string, issues: readonly Issue[]): string {
  const table = readTable(text);
  const byRecord = new Map<CsvRecord | 'file', string[]>();
  for (const issue of issues) {
    const record = recordOf(table, issue);
    const list = byRecord.get(record) ?? [];
    list.push(cellText(issue));
    byRecord.set(record, list);
  }
  const fileIssues = byRecord.get('file');
  const headerCell = fileIssues ? `${ISSUES_COLUMN} (file: ${fileIssues.join('; ')})` : ISSUES_COLUMN;
  return withLastColumn(table, headerCell, (record) => byRecord.get(record)?.join('; '));
}

/** `COLUMN: message [code]`, with the severity when it is not an error. */
function cellText(issue: Issue): string {
  const severity = issue.severity === 'error' ? '' : ` (${issue.severity})`;
  return `${issue.column !== undefined ? `${issue.column}: ` : ''}${issue.message} [${issue.code}]${severity}`;
}

/**
 * The table as the core reads it, whatever its size: the bot caps sizes before this, and a table left
 * empty by the core's own cap would lose every row.
 */
export function readTable(text: string): Table {
  return validate(text, { ...DEFAULT_SETTINGS, maxFileBytes: Number.MAX_SAFE_INTEGER }).table;
}

/** The data record an issue belongs to: by its row, else by where it starts; `file` for the rest. */
function recordOf(table: Table, issue: Issue): CsvRecord | 'file' {
  if (issue.row !== undefined) return table.rows[issue.row - 1] ?? 'file';
  const offset = table.lines.offsetAt(issue.range.start);
  return table.rows.find((record) => record.offset <= offset && offset <= record.offset + record.length) ?? 'file';
}

/**
 * The text with `headerCell` after the header and `cellOf(record)` after each data record that has
 * one (or that holds anything: a row of the table keeps the table's shape), quoted as RFC 4180 says.
 * A record ends before its line break, so the cell goes there even when a quoted value spans lines.
 */
export function withLastColumn(table: Table, headerCell: string, cellOf: (record: CsvRecord) => string | undefined): string {
  const { text, delimiter } = table;
  const bom = table.bom ? '\uFEFF' : '';
  if (!table.header) return `${bom}${quoteField(headerCell, delimiter)}${table.lineBreak}`;
  const parts: string[] = [bom];
  let at = 0;
  const append = (record: CsvRecord, cell: string) => {
    const end = record.offset + record.length;
    parts.push(text.slice(at, end), delimiter, quoteField(cell, delimiter));
    at = end;
  };
  append(table.header.record, headerCell);
  for (const record of table.rows) {
    const cell = cellOf(record);
    // A line with nothing on it stays empty: an empty cell would turn it into a row of empty fields.
    if (cell !== undefined || record.length > 0) append(record, cell ?? '');
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Quoted when it holds the separator, a quote or a line break; quotes doubled (RFC 4180). */
export function quoteField(value: string, delimiter: Delimiter): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
