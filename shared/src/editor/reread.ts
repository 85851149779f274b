import { readCleanly, readRecords } from '../parse/read-records.js';
import type { CsvRecord, Delimiter } from '../table.js';
import { isReleased } from '../record-values.js';
import type { TextSource } from '../text/text-source.js';

/** One replacement, in offsets of the text before it: `[start, end)` became `length` characters. */
export interface Replacement {
  start: number;
  end: number;
  length: number;
}

/** The records after an edit, and which of them replaced which. */
export interface Reread {
  records: CsvRecord[];
  /** The records read again, in the old text, in order. */
  removed: CsvRecord[];
  /** What was read in their place. A record read again exactly as it was is the old one, in neither list. */
  added: CsvRecord[];
}

/**
 * The records of `text`, the text after `replacement`, from the records of the text before it, reading
 * again only the records the replacement touched. Undefined when they cannot be had that way (a quote
 * left open to the end of the text): the caller then reads the whole text.
 *
 * Reading from the start of a record gives the same records as reading the whole text, because the
 * reader is outside quotes there. So the records before the replacement stay, and so do those after
 * the first old record boundary past it at which the new reading ends cleanly on a line break. Those
 * are moved, not read: their offsets are relative to nothing but their own start.
 *
 * The records after the replacement are updated in place, and so is the array passed in, which
 * becomes the records of `text`: copying 100,000 entries twice a keystroke was most of its garbage.
 */
export function rereadRecords(records: CsvRecord[], before: TextSource, text: TextSource, replacement: Replacement, delimiter: Delimiter): Reread | undefined {
  if (records.length === 0) return undefined;
  const delta = replacement.length - (replacement.end - replacement.start);
  // One record early: a "\n" typed after a lone "\r" joins the two into one line break, which
  // changes where the record before ends.
  const first = Math.max(0, lastStartingAtOrBefore(records, replacement.start) - 1);
  const from = (records[first] as CsvRecord).offset;
  let next = firstStartingAfter(records, replacement.end);
  for (;;) {
    const until = next < records.length ? (records[next] as CsvRecord).offset + delta : text.length;
    const read = readRecords(text.slice(from, until), 0, delimiter);
    if (readCleanly(read)) {
      return splice(records, first, next, read.records, from, delta, (a, b) => sameRecord(a, before, b, text));
    }
    // A quote the edit opened may close a few records later; past the end, the whole text is read.
    if (until === text.length) return undefined;
    next = Math.min(records.length, next + 2 * (next - first) + 1);
  }
}

function splice(
  records: CsvRecord[],
  first: number,
  next: number,
  fresh: CsvRecord[],
  from: number,
  delta: number,
  same: (old: CsvRecord, fresh: CsvRecord) => boolean,
): Reread {
  const old = records.slice(first, next);
  const removed: CsvRecord[] = [];
  const added: CsvRecord[] = [];
  // A record read again exactly as it was (the one before the edit, usually) stays the same object,
  // so that what was found on it stays valid.
  const kept = fresh.map((record, i) => {
    record.offset += from;
    record.index = first + i;
    const before = old[i];
    if (before && same(before, record)) return before;
    if (before) removed.push(before);
    added.push(record);
    return record;
  });
  removed.push(...old.slice(fresh.length));
  const shift = first + fresh.length - next;
  if (delta !== 0 || shift !== 0) {
    for (let i = next; i < records.length; i++) {
      const record = records[i] as CsvRecord;
      record.offset += delta;
      record.index += shift;
    }
  }
  records.splice(first, next - first, ...kept);
  return { records, removed, added };
}

/** Whether `a`, read from `before`, is `b`, read from `text`, again (a released record is compared by its text). */
function sameRecord(a: CsvRecord, before: TextSource, b: CsvRecord, text: TextSource): boolean {
  return (
    a.offset === b.offset &&
    a.length === b.length &&
    a.index === b.index &&
    a.quoted === b.quoted &&
    a.recovered === b.recovered &&
    (isReleased(a) ? before.slice(a.offset, a.offset + a.length) === text.slice(b.offset, b.offset + b.length) : sameItems(a.values, b.values)) &&
    (a.starts === b.starts || (a.starts !== undefined && b.starts !== undefined && sameItems(a.starts, b.starts)))
  );
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** The index of the last record that starts at or before `offset` (0 if none does). */
function lastStartingAtOrBefore(records: readonly CsvRecord[], offset: number): number {
  let low = 0;
  let high = records.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((records[mid] as CsvRecord).offset <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The index of the first record that starts after `offset`, or the number of records. */
function firstStartingAfter(records: readonly CsvRecord[], offset: number): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((records[mid] as CsvRecord).offset > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}
