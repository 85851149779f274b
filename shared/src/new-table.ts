import type { Issue } from './issue.js';
import { isKnownColumn, type ColumnName } from './domain/columns.js';
import { zeroCounts } from './domain/operations.js';
import { sniffLineBreak } from './parse/sniff.js';
import type { CsvRecord, Delimiter, Header, Table } from './table.js';
import { LineIndex } from './text/line-index.js';

/** A table of `text` with nothing read yet. */
export function newTable(text: string, bom: boolean, delimiter: Delimiter, lines = new LineIndex(text)): Table {
  return { text, lines, bom, delimiter, lineBreak: sniffLineBreak(text), header: undefined, rows: [], dataRows: 0, counts: zeroCounts() };
}

/** The header a record makes: names trimmed, and where each known column is. */
export function readHeader(record: CsvRecord): Header {
  const names = record.values.map((name) => name.trim());
  const columns: Partial<Record<ColumnName, number>> = {};
  names.forEach((name, index) => {
    if (isKnownColumn(name) && columns[name] === undefined) columns[name] = index;
  });
  return { record, names, columns };
}

/** Issues in document order; those at one place keep the order they were found in. */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
