import type { Range } from '../issue.js';
import { readRecords, type ReadResult } from '../parse/read-records.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import type { CsvRecord, Delimiter } from '../table.js';
import { LineIndex } from '../text/line-index.js';
import { validateRead, type KeptFindings, type ValidationResult } from '../validate.js';
import { rereadRecords } from './reread.js';

/**
 * One change to an open document, as editors send them: `range` in the text as it is before this
 * change (after the ones before it in the same batch); without a range, `text` replaces everything.
 */
export type DocumentChange = { range: Range; text: string } | { text: string };

/** What the last reading left, for the next edit to start from. */
interface Reading {
  /** Every record, blank ones before the header included. */
  records: CsvRecord[];
  delimiter: Delimiter;
}

/**
 * An open document and its validation, kept up to date as it is edited. Every state of `result`
 * equals `validate(text, settings)`: editors get the same findings as the command line and the bot.
 * An edit reads again only the records it touched. `result` stays valid until the next `update`.
 */
export class CsvDocument {
  private current: string;
  private validation: ValidationResult;
  /** Undefined when the next edit must read the whole text: a BOM, or a quote mistake in the file. */
  private reading: Reading | undefined;
  /** The local rules' findings on each row, kept for the rows the next edit leaves alone. */
  private readonly kept: KeptFindings = { rows: new Map() };

  constructor(
    text: string,
    private settings: Settings = DEFAULT_SETTINGS,
  ) {
    this.current = text;
    this.validation = this.validate(undefined);
  }

  get text(): string {
    return this.current;
  }

  get result(): ValidationResult {
    return this.validation;
  }

  /** Applies the changes in order and validates the new text. */
  update(changes: readonly DocumentChange[]): void {
    let text = this.current;
    let records = this.reading?.records;
    for (const change of changes) {
      if (!('range' in change)) {
        text = change.text;
        records = undefined;
        continue;
      }
      // The positions of the validated text are known already; a text changed since is indexed anew.
      const lines = text === this.current && this.reading ? this.validation.table.lines : new LineIndex(text);
      const start = lines.offsetAt(change.range.start);
      const end = Math.max(start, lines.offsetAt(change.range.end));
      text = text.slice(0, start) + change.text + text.slice(end);
      if (records && this.reading) records = rereadRecords(records, text, { start, end, length: change.text.length }, this.reading.delimiter);
    }
    this.current = text;
    this.validation = this.validate(records);
  }

  /** New settings: everything is validated again. */
  configure(settings: Settings): void {
    this.settings = settings;
    this.validation = this.validate(undefined);
  }

  private validate(records: CsvRecord[] | undefined): ValidationResult {
    const bom = this.current.charCodeAt(0) === 0xfeff;
    const readWith = this.reading?.delimiter;
    // A file over the size cap is refused before it is read: nothing is left for the next edit.
    this.reading = undefined;
    return validateRead(this.current, this.settings, (text, delimiter) => {
      const read: ReadResult = records && !bom && delimiter === readWith ? { records, findings: [] } : readRecords(text, 0, delimiter);
      // Validation makes the array its rows; the next edit needs all of them, the header too.
      this.reading = !bom && read.findings.length === 0 ? { records: read.records.slice(), delimiter } : undefined;
      return read;
    }, this.kept);
  }
}
