import type { ColumnName } from './domain/columns.js';
import type { OperationCounts } from './domain/operations.js';
import type { LineIndex } from './text/line-index.js';

export type Delimiter = ',' | ';' | '\t';

/** One CSV record (the header or a data row) and where each of its fields stands in the text. */
export interface CsvRecord {
  /** 0-based position among the file's records. */
  index: number;
  /** Offset of the record's first character in the text. */
  offset: number;
  /** Length of the record's text, without its line break. */
  length: number;
  /** `RELEASED` once an open document has let them go: `valuesOf` reads them again. */
  values: string[];
  /**
   * Where each field's raw text (quotes included) starts, relative to `offset`. A field ends one
   * character before the next one starts (at its separator), the last at `length`; `fieldSpan` does
   * the sum. Relative offsets let an editor shift a record without touching it.
   *
   * Usually absent: each field then starts after the raw text of the fields before it and one
   * separator each, and a field's raw text is its value, or for a quoted field (see `quoted`) the
   * value in quotes with its quotes doubled. 100,000 arrays of starts cost the garbage collector
   * more than the parser's own allocations do; they are kept only where that rule does not hold
   * (a record read past a quote mistake) or a quoted field lies beyond `QUOTED_BITS`.
   */
  starts?: number[];
  /** Bit i is set when field i (for i < `QUOTED_BITS`) is quoted. */
  quoted?: number;
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
  /** Rows that hold a value: rows with an unknown operation count, blank ones do not. */
  dataRows: number;
  counts: OperationCounts;
}

/**
 * Absolute start and end of field `index`; undefined when the record has no such field. A released
 * record's `values` come from `valuesOf`.
 */
export function fieldSpan(record: CsvRecord, index: number, values: readonly string[] = record.values): [number, number] | undefined {
  const { starts, offset } = record;
  if (index < 0 || index >= values.length) return undefined;
  if (starts) {
    const next = starts[index + 1];
    return [offset + (starts[index] as number), offset + (next === undefined ? record.length : next - 1)];
  }
  const quoted = record.quoted ?? 0;
  let start = offset;
  for (let i = 0; i < index; i++) start += rawLength(values, quoted, i) + 1;
  return [start, start + rawLength(values, quoted, index)];
}

/** Fields whose quoting a record can note in `quoted`, a small integer. */
export const QUOTED_BITS = 30;

/** Length of field i's raw text, from its value and whether it is quoted. */
export function rawLength(values: readonly string[], quoted: number, i: number): number {
  const value = values[i] as string;
  return i < QUOTED_BITS && (quoted >>> i) & 1 ? value.length + 2 + countQuotes(value) : value.length;
}

export function countQuotes(value: string): number {
  let count = 0;
  for (let at = value.indexOf('"'); at !== -1; at = value.indexOf('"', at + 1)) count++;
  return count;
}
