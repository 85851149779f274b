import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { exportHeaderSchema } from './export-header.js';
import type { Snapshot } from './snapshot.js';
import { SnapshotBuilder } from './snapshot-builder.js';
import { WantedNumbers } from './wanted-numbers.js';
import { wholeCharacters } from './whole-characters.js';

export interface ReadSnapshotOptions {
  /**
   * The numbers to keep (see `numbersInBatch`), compared as meant: `+1 415 555 0123` finds
   * `+14155550123`. Without it every number is kept, which only a small export can afford.
   */
  numbers?: Iterable<string>;
}

/** The export could not be read: it is not CSV, or not the platform's numbers export. */
export class SnapshotReadError extends Error {
  override readonly name = 'SnapshotReadError';

  constructor(
    message: string,
    /** 1-based line of the export where reading stopped, where known. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * Reads the platform's export (`POST /api/numbers/csv`) as it streams in, and keeps what plans and
 * context rules need. Chunks may be text or UTF-8 bytes, split anywhere, even inside a character:
 * csv-parse reads bytes and decodes a field only once it has all of it. Memory follows what is kept
 * (the wanted numbers and the indexes), not the export: each record is let go once it is read.
 *
 * Rejects with a `SnapshotReadError` for an export that is not CSV or lacks the columns a plan reads:
 * half a snapshot would report numbers that do exist as missing.
 */
export async function readSnapshot(source: string | AsyncIterable<string | Uint8Array>, options: ReadSnapshotOptions = {}): Promise<Snapshot> {
  const wanted = options.numbers === undefined ? undefined : new WantedNumbers(options.numbers);
  let builder: SnapshotBuilder | undefined;
  const sink = new Writable({
    objectMode: true,
    write(record: string[], _encoding, done) {
      if (builder) builder.add(record);
      else {
        const header = exportHeaderSchema.safeParse(record);
        if (!header.success) return done(new SnapshotReadError(header.error.issues.map((issue) => issue.message).join(' '), 1));
        builder = new SnapshotBuilder(header.data, wanted);
      }
      done();
    },
  });
  const parser = parse({
    bom: true,
    // Rows are read by the header's positions; a short row simply lacks the last values.
    relax_column_count: true,
    skip_empty_lines: true,
    // Every line break, not only the first one seen: records joined across a lone `\n` in a `\r\n`
    // file would drop numbers silently, and the plan would call them missing.
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  try {
    await pipeline(wholeCharacters(typeof source === 'string' ? [source] : source), parser, sink);
  } catch (error) {
    if (error instanceof SnapshotReadError) throw error;
    if (error instanceof CsvError) throw new SnapshotReadError(`The export is not valid CSV: ${error.message}`, lineOf(error));
    throw error;
  }
  if (!builder) throw new SnapshotReadError('The export is empty: it has no header line.', 1);
  return builder.build();
}

function lineOf(error: CsvError): number | undefined {
  const lines: unknown = (error as CsvError & { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : undefined;
}
