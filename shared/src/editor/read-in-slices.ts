import { readCleanly, readRecords, type ReadResult } from '../parse/read-records.js';
import type { CsvRecord, Delimiter } from '../table.js';

/** About a megabyte of text per slice: the parser's buffers and garbage stay that small. */
const SLICE = 1 << 20;

/**
 * The records `readRecords(text, 0, delimiter)` gives, a slice at a time, so that whoever reads them
 * can be done with each slice's values before the next one is read: an editor keeps every record of
 * an open document, and a 100,000-row export read whole leaves the parser's 13 MiB buffer and a string
 * per cell behind.
 *
 * Each slice ends at a line break; one that ends inside a quoted value is read again twice as long.
 * A file with a quote mistake is read whole: the generator then returns that reading, which replaces
 * every record it yielded.
 */
export function* readInSlices(text: string, delimiter: Delimiter, sliceLength = SLICE): Generator<CsvRecord[], ReadResult | undefined> {
  let index = 0;
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
      record.index = index++;
    }
    yield read.records;
    from = until;
    until = lineEndAfter(text, from + sliceLength);
  }
  return undefined;
}

/** The offset just past the first line feed at or after `at`, or the end of the text. */
function lineEndAfter(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end + 1;
}
