import type { Issue } from './issue.js';
import { isKnownColumn, type ColumnName } from './domain/columns.js';
import { zeroCounts } from './domain/operations.js';
import { sniffLineBreak } from './parse/sniff.js';
import type { CsvRecord, Delimiter, Header, Table } from './table.js';
import { LineIndex } from './text/line-index.js';
import type { TextSource } from './text/text-source.js';

/**
 * A table of `text` with nothing read yet. A text kept as pieces becomes one string only when the
 * table's `text` is read: an editor's keystroke usually never asks.
 */
export function newTable(text: TextSource, bom: boolean, delimiter: Delimiter, lines = new LineIndex(text)): Table {
  const parts = { lines, bom, delimiter, lineBreak: sniffLineBreak(text), header: undefined, rows: [], dataRows: 0, counts: zeroCounts() };
  if (typeof text === 'string') return { text, ...parts };
  return {
    get text() {
      return text.toString();
    },
    ...parts,
  };
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
