import { trimmed } from './domain/cells.js';
import type { CsvRecord, Delimiter, Table } from './table.js';
import type { TextSource } from './text/text-source.js';

/**
 * What a record holds for values once an open document has let them go (`release`). Its values are
 * read again from the text when asked for (`valuesOf`); read directly, the record has none.
 */
export const RELEASED: string[] = Object.freeze([]) as unknown as string[];

/**
 * Lets a record's values go, when they can be read again from its text alone: an open 100,000-row
 * export keeps its text anyway, and an array of values per row would add half as much again. Kept are
 * the values of records that were not read the usual way (a quote mistake, field starts of their own),
 * of blank ones, and of those whose number of fields differs from the header's: the rules that look at
 * every row ask only those, and a released record is known to be none of them.
 */
export function release(record: CsvRecord, headerFields: number): void {
  if (record.recovered || record.starts || record.values.length !== headerFields || record.values.every((value) => trimmed(value) === '')) return;
  record.values = RELEASED;
}

export function isReleased(record: CsvRecord): boolean {
  return record.values === RELEASED;
}

/** A record's values, read again from `text` (where the record's offset is) if they were released. */
export function valuesOf(record: CsvRecord, text: TextSource, delimiter: Delimiter): string[] {
  return record.values === RELEASED ? splitRecord(text.slice(record.offset, record.offset + record.length), delimiter) : record.values;
}

/** A record's values, read again from the table's text if they were released. */
export function tableValues(table: Table, record: CsvRecord): string[] {
  return valuesOf(record, table.lines.text, table.delimiter);
}

const QUOTE = 34;

/**
 * The values of a record the reader read the usual way: fields between separators, each either
 * unquoted (no quote in it) or quoted whole, with its quotes doubled.
 */
function splitRecord(raw: string, delimiter: Delimiter): string[] {
  const values: string[] = [];
  let pos = 0;
  for (;;) {
    if (raw.charCodeAt(pos) === QUOTE) {
      let close = raw.indexOf('"', pos + 1);
      while (close !== -1 && raw.charCodeAt(close + 1) === QUOTE) close = raw.indexOf('"', close + 2);
      if (close === -1) close = raw.length;
      const value = raw.slice(pos + 1, close);
      values.push(value.includes('"') ? value.replaceAll('""', '"') : value);
      pos = close + 1;
    } else {
      const next = raw.indexOf(delimiter, pos);
      const end = next === -1 ? raw.length : next;
      values.push(raw.slice(pos, end));
      pos = end;
    }
    if (pos >= raw.length) return values;
    pos++;
  }
}
