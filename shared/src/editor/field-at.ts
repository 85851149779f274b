import { readRecords } from '../parse/read-records.js';
import { tableValues } from '../record-values.js';
import { fieldSpan, type CsvRecord, type Table } from '../table.js';
import type { TextSource } from '../text/text-source.js';

/** The record and field an editor's cursor is in. */
export interface FieldAt {
  /**
   * The record under the cursor. On the empty line after a final line break, which holds no record
   * yet, it is the empty record that typing there would start (`values: ['']`, `length: 0`).
   */
  record: CsvRecord;
  /** The record's values (read again from the text if the record released them). */
  values: readonly string[];
  /**
   * The cursor is in the header, or in a file that has none yet (every line blank): what is typed
   * there becomes the header.
   */
  isHeader: boolean;
  /** 1-based data row, as issues count it; undefined in the header and on blank lines before it. */
  row?: number;
  fieldIndex: number;
  /** The header's name for the field, trimmed; undefined where the header has no such field. */
  column?: string;
  value: string;
  /** Absolute offsets of the field's raw text, quotes included. */
  start: number;
  end: number;
  /** Absolute offsets of the value's text: inside the quotes of a quoted field. */
  valueStart: number;
  valueEnd: number;
  quoted: boolean;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * The field at `offset` in the table's text. A cursor right after a field's last character is in
 * that field; right after a separator, at the start of the next one. Undefined only for a file the
 * core refused to read (too large), whose records are unknown.
 */
export function fieldAt(table: Table, offset: number): FieldAt | undefined {
  const at = Math.min(Math.max(offset, 0), textOf(table).length);
  const found = recordAt(table, at);
  if (!found) return undefined;
  const { record, isHeader } = found;
  const header = table.header;
  const values = tableValues(table, record);
  const fieldIndex = fieldIndexAt(record, values, at);
  const [start, end] = fieldSpan(record, fieldIndex, values) ?? [record.offset, record.offset];
  const value = values[fieldIndex] ?? '';
  const row = header && record.index > header.record.index ? record.index - header.record.index : undefined;
  const column = isHeader || row !== undefined ? header?.names[fieldIndex] : undefined;
  return {
    record,
    values,
    isHeader,
    ...(row !== undefined ? { row } : {}),
    fieldIndex,
    ...(column !== undefined ? { column } : {}),
    value,
    start,
    end,
    ...valueSpan(table, start, end),
  };
}

function recordAt(table: Table, at: number): { record: CsvRecord; isHeader: boolean } | undefined {
  const header = table.header;
  if (!header) {
    // Without a header the text is blank, or was never read because it is too large.
    if (/[^\s,;"]/.test(table.text)) return undefined;
    return { record: inRecords(readRecords(table.text, 0, table.delimiter).records, table.text, at, 0), isHeader: true };
  }
  const first = header.record;
  if (at < first.offset) {
    // Blank lines before the header: the table keeps no record of them, and they are few.
    return { record: inRecords(readRecords(textOf(table).slice(0, first.offset), 0, table.delimiter).records, textOf(table), at, 0), isHeader: false };
  }
  const rows = table.rows;
  const firstRow = rows[0];
  if (!firstRow || at < firstRow.offset) {
    const after = ending(first, textOf(table), at);
    return after ? { record: after, isHeader: false } : { record: first, isHeader: true };
  }
  return { record: inRecords(rows, textOf(table), at, first.index + 1), isHeader: false };
}

/**
 * The record of `records` (in text order, non-empty or starting at `firstIndex`) that holds `at`,
 * or the empty record after them when `at` lies past the line break that ends the last one.
 */
function inRecords(records: readonly CsvRecord[], text: TextSource, at: number, firstIndex: number): CsvRecord {
  let low = 0;
  let high = records.length - 1;
  if (high < 0) return emptyRecord(firstIndex, at);
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((records[mid] as CsvRecord).offset <= at) low = mid;
    else high = mid - 1;
  }
  const record = records[low] as CsvRecord;
  if (low === records.length - 1) return ending(record, text, at) ?? record;
  return record;
}

/** The empty record that follows `last` when `at` lies past the line break that ends it. */
function ending(last: CsvRecord, text: TextSource, at: number): CsvRecord | undefined {
  const end = last.offset + last.length;
  const c = text.charCodeAt(end);
  const next = c === CR ? (text.charCodeAt(end + 1) === LF ? end + 2 : end + 1) : c === LF ? end + 1 : undefined;
  return next !== undefined && at >= next ? emptyRecord(last.index + 1, next) : undefined;
}

function emptyRecord(index: number, offset: number): CsvRecord {
  return { index, offset, length: 0, values: [''] };
}

function fieldIndexAt(record: CsvRecord, values: readonly string[], at: number): number {
  const last = values.length - 1;
  for (let i = 0; i < last; i++) {
    const span = fieldSpan(record, i, values);
    if (span && at <= span[1]) return i;
  }
  return Math.max(last, 0);
}

/**
 * Where the value of the field `[start, end)` stands. A quoted field may be padded with spaces before
 * its quote (the lenient reader accepts that) and may lack its closing quote while it is being typed.
 */
function valueSpan(table: Table, start: number, end: number): { valueStart: number; valueEnd: number; quoted: boolean } {
  const text = textOf(table);
  let quote = start;
  while (quote < end && (text.charCodeAt(quote) === 32 || (text.charCodeAt(quote) === 9 && table.delimiter !== '\t'))) quote++;
  if (quote >= end || text.charCodeAt(quote) !== QUOTE) return { valueStart: start, valueEnd: end, quoted: false };
  // The closing quote is the last of an odd run of quotes at the end; an even run is doubled quotes.
  let run = 0;
  while (end - run - 1 > quote && text.charCodeAt(end - run - 1) === QUOTE) run++;
  return { valueStart: quote + 1, valueEnd: run % 2 === 1 ? end - 1 : end, quoted: true };
}

/**
 * The table's text as its line index reads it: for a document kept as pieces, characters and slices
 * come from the pieces, where `table.text` would join all of them into one string first.
 */
export function textOf(table: Table): TextSource {
  return table.lines.text;
}
