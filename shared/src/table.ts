import type { ColumnName } from './domain/columns.js';
import type { OperationCounts } from './domain/operations.js';
import type { LineIndex } from './text/line-index.js';

export type Delimiter = ',' | ';' | '\t';

/** One CSV record (the header or a data row) and where each of its fields stands in the text. */
export interface CsvRecord {
  /** 0-based position among the file's records. */
  index: number;
  /** 0-based line of the record's first character. */
  line: number;
  /** Offset of the record's first character in the text. */
  offset: number;
  /** Length of the record's text, without its line break. */
  length: number;
  values: string[];
  /**
   * Where each field's raw text (quotes included) starts, relative to `offset`. A field ends one
   * character before the next one starts (at its separator), the last at `length`; `fieldSpan` does
   * the sum. Relative offsets let an editor shift a record without touching it.
   *
   * Absent when no field is quoted: each field then starts after the values before it and one
   * separator each. Most records of an export have no quotes, and 100,000 arrays that say only that
   * cost the garbage collector more than reading the whole file costs the parser's own allocations.
   */
  starts?: number[];
  /** Set when the record could only be read by recovering from a quote mistake. */
  recovered?: true;
}

export interface Header {
  record: CsvRecord;
  /** The names as written, trimmed of surrounding spaces. */
  names: string[];
  /** Column index of each known column the header names (the first one, when it is repeated). */
  columns: Partial<Record<ColumnName, number>>;
}

export interface Table {
  /** The text without its byte order mark: every offset and position in the table refers to it. */
  text: string;
  lines: LineIndex;
  /** The source started with a byte order mark, which the table accepts and reports. */
  bom: boolean;
  delimiter: Delimiter;
  /** The line break the file uses, reused by fixes that add or move lines. */
  lineBreak: '\n' | '\r\n' | '\r';
  header: Header | undefined;
  /** Records after the header, blank ones included; row n of an issue is `rows[n - 1]`. */
  rows: CsvRecord[];
  counts: OperationCounts;
}

/** Absolute start and end of field `index`; undefined when the record has no such field. */
export function fieldSpan(record: CsvRecord, index: number): [number, number] | undefined {
  const { starts, values, offset } = record;
  if (index < 0 || index >= values.length) return undefined;
  if (starts) {
    const next = starts[index + 1];
    return [offset + (starts[index] as number), offset + (next === undefined ? record.length : next - 1)];
  }
  let start = offset;
  for (let i = 0; i < index; i++) start += (values[i] as string).length + 1;
  return [start, start + (values[index] as string).length];
}
