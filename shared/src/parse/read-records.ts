import { parse, CsvError } from 'csv-parse/sync';
import { QUOTED_BITS, countQuotes, fieldSpan, rawLength, type CsvRecord, type Delimiter } from '../table.js';
import type { ReadFinding } from './findings.js';
import { readLenientRecord } from './lenient-record.js';

export interface ReadResult {
  records: CsvRecord[];
  findings: ReadFinding[];
}

/**
 * Whether the records were read without a quote mistake. A slice of a text that reads cleanly reads
 * as the whole text would there; one that does not may have been cut inside a quoted value.
 */
export function readCleanly(read: ReadResult): boolean {
  return read.findings.length === 0 && read.records.every((record) => !record.recovered);
}

/** After this many broken records, the rest of the file is read leniently instead of re-parsed. */
const MAX_PARSER_RESTARTS = 20;

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Reads every record with csv-parse and places each field exactly. csv-parse gives values only,
 * so the walk below recovers each field's span from its value: an unquoted field is as long as its
 * value, a quoted one is two longer plus one per doubled quote. Where csv-parse refuses a record
 * (a quote mistake), that record is read leniently and parsing resumes after it, so that one bad
 * quote does not hide every mistake after it.
 */
export function readRecords(text: string, start: number, delimiter: Delimiter): ReadResult {
  const reader = new Reader(text, start, delimiter);
  reader.run();
  return { records: reader.records, findings: reader.findings };
}

class Reader {
  readonly records: CsvRecord[] = [];
  readonly findings: ReadFinding[] = [];
  private pos: number;
  private readonly sep: number;
  /**
   * csv-parse reads the text as UTF-8, where a lone surrogate (which an editor's text can hold)
   * becomes U+FFFD. Values are then taken from the text itself, so that a fix that writes a value
   * back never replaces a character the user did not touch.
   */
  private readonly valuesFromText: boolean;
  /** Every line break the file uses; csv-parse tries each on every character, so fewer is faster. */
  private readonly lineBreaks: string[];

  constructor(
    private readonly text: string,
    start: number,
    private readonly delimiter: Delimiter,
  ) {
    this.pos = start;
    this.sep = delimiter.charCodeAt(0);
    this.valuesFromText = !isWellFormed(text);
    this.lineBreaks = lineBreaksOf(text);
  }

  run(): void {
    let restarts = 0;
    while (this.pos < this.text.length) {
      if (restarts >= MAX_PARSER_RESTARTS) {
        this.readLeniently();
        continue;
      }
      const rest = this.text.slice(this.pos);
      try {
        if (this.walk(parse(rest, this.options()))) return;
        restarts = MAX_PARSER_RESTARTS;
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
        const complete = typeof error.records === 'number' ? error.records : 0;
        if (complete > 0 && !this.walk(parse(rest, { ...this.options(), to: complete }))) restarts = MAX_PARSER_RESTARTS;
        else {
          this.readLeniently();
          restarts++;
        }
      }
    }
  }

  private options() {
    return {
      delimiter: this.delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: this.lineBreaks,
    };
  }

  /**
   * Places the fields of records csv-parse read, in order, from the current position. Returns
   * false, with the position at the start of the record, if a record does not match the text; the
   * lenient reader then takes over, so that an unforeseen parser behaviour never misplaces a field.
   */
  private walk(rows: string[][]): boolean {
    const text = this.text;
    for (const values of rows) {
      const offset = this.pos;
      let starts: number[] | undefined;
      let quoted = 0;
      let pos = offset;
      for (let i = 0; i < values.length; i++) {
        const value = values[i] as string;
        const fieldStart = pos;
        if (text.charCodeAt(pos) === QUOTE) {
          if (i < QUOTED_BITS && !starts) quoted |= 1 << i;
          else starts ??= startsBefore(values, quoted, i);
          pos += value.length + 2 + countQuotes(value);
        } else {
          pos += value.length;
        }
        if (starts) starts[i] = fieldStart - offset;
        if (i < values.length - 1) {
          if (text.charCodeAt(pos) !== this.sep) return false;
          pos++;
        }
      }
      const next = this.nextRecordStart(pos);
      if (next === undefined) return false;
      const index = this.records.length;
      const length = pos - offset;
      // One literal each, rather than adding a property afterwards: an added property costs every such
      // record a second object (its property store), retained as long as the table.
      const record: CsvRecord = starts
        ? { index, offset, length, values, starts }
        : quoted !== 0
          ? { index, offset, length, values, quoted }
          : { index, offset, length, values };
      if (this.valuesFromText) record.values = values.map((_, i) => rawValue(text, ...(fieldSpan(record, i) as [number, number])));
      this.records.push(record);
      this.pos = next;
    }
    return true;
  }

  private readLeniently(): void {
    const index = this.records.length;
    const read = readLenientRecord(this.text, this.pos, this.delimiter, index);
    const offset = this.pos;
    this.records.push({
      index,
      offset,
      length: read.end - offset,
      values: read.values,
      starts: read.spans.filter((_, i) => i % 2 === 0).map((at) => at - offset),
      recovered: true,
    });
    this.findings.push(...read.findings);
    this.pos = read.next;
  }

  /** The offset after the line break that ends a record at `pos`; undefined if none is there. */
  private nextRecordStart(pos: number): number | undefined {
    const c = this.text.charCodeAt(pos);
    if (c === CR) return this.text.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
    if (c === LF) return pos + 1;
    return pos >= this.text.length ? pos : undefined;
  }
}

/**
 * Whether the text has no lone surrogate. String.prototype.isWellFormed (ES2024, in Node 20) is
 * missing from the ES2023 lib this project compiles against; it answers at once for most texts
 * (one byte per character), where a pattern would scan them.
 */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** The value a field's raw text stands for: unquoted, with doubled quotes undone. */
function rawValue(text: string, start: number, end: number): string {
  if (text.charCodeAt(start) !== QUOTE) return text.slice(start, end);
  return text.slice(start + 1, end - 1).replaceAll('""', '"');
}

/**
 * The line breaks to split records on. Files nearly always use one kind throughout; a file that mixes
 * them (rows pasted from another system) gets all three, `\r\n` first so that it is never read as two.
 */
function lineBreaksOf(text: string): string[] {
  if (text.indexOf('\r') === -1) return ['\n'];
  if (text.indexOf('\n') === -1) return ['\r'];
  return /\r(?!\n)|(?:^|[^\r])\n/.test(text) ? ['\r\n', '\n', '\r'] : ['\r\n'];
}

/** Starts of the fields before `count`, from their values and which of them are quoted. */
function startsBefore(values: readonly string[], quoted: number, count: number): number[] {
  const starts = new Array<number>(values.length);
  let at = 0;
  for (let i = 0; i < count; i++) {
    starts[i] = at;
    at += rawLength(values, quoted, i) + 1;
  }
  return starts;
}
