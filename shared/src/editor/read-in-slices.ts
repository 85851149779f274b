import { readCleanly, readRecords, type ReadResult } from '../parse/read-records.js';
import type { CsvRecord, Delimiter } from '../table.js';

/** About a megabyte of text per slice: the parser's buffers and garbage stay that small. */
const SLICE = 1 << 20;

/**
 * What `readRecords(text, 0, delimiter)` gives, read a slice at a time, with equal values made one
 * string as they are read. An editor keeps every record of an open document: read whole, a
 * 100,000-row export leaves the parser's 13 MiB buffer and a string per cell behind, and the editor
 * holds that peak long after. Each slice ends at a line break; one that ends inside a quoted value is
 * read again twice as long, and a file with a quote mistake is read whole.
 */
export function readInSlices(text: string, delimiter: Delimiter, sliceLength = SLICE): ReadResult {
  const records: CsvRecord[] = [];
  // One string per distinct value; the map lives only as long as the reading.
  const seen = new Map<string, string>();
  let from = 0;
  let until = lineEndAfter(text, sliceLength);
  while (from < text.length) {
    const read = readRecords(text.slice(from, until), 0, delimiter);
    if (!readCleanly(read)) {
      if (until === text.length) return readRecords(text, 0, delimiter);
      // Twice as long each time: a quote left open to the end costs twice a whole reading, not once per line.
      until = lineEndAfter(text, until + (until - from));
      continue;
    }
    for (const record of read.records) {
      record.offset += from;
      record.index = records.length;
      const values = record.values;
      for (let i = 0; i < values.length; i++) {
        const value = values[i] as string;
        const first = seen.get(value);
        if (first === undefined) seen.set(value, value);
        else values[i] = first;
      }
      records.push(record);
    }
    from = until;
    until = lineEndAfter(text, from + sliceLength);
  }
  return { records, findings: [] };
}

/** The offset just past the first line feed at or after `at`, or the end of the text. */
function lineEndAfter(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end + 1;
}
